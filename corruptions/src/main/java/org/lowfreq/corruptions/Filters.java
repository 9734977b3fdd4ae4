package org.lowfreq.corruptions;

/**
 * Linear filters on HWC double images (channel count c), with the kernels and borders of the
 * libraries the reference generator calls (scipy.ndimage via skimage, OpenCV).
 */
final class Filters {
    private Filters() {
    }

    /**
     * scipy.ndimage.gaussian_filter1d weights: radius int(truncate * sigma + 0.5),
     * exp(-0.5 / sigma^2 * x^2) normalised by numpy's pairwise sum, in scipy's order of operations.
     */
    static double[] gaussianKernel(double sigma, double truncate) {
        int radius = (int) (truncate * sigma + 0.5);
        double[] k = new double[2 * radius + 1];
        double a = -0.5 / (sigma * sigma);
        for (int i = -radius; i <= radius; i++) {
            k[i + radius] = Math.exp(a * (double) (i * i));
        }
        double sum = NumpySum.sum(k);
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        return k;
    }

    /**
     * skimage.filters.gaussian (scipy gaussian_filter over the two spatial axes, y then x, not
     * across channels). Sigma at or below 1e-15 leaves the image as it is, as scipy does. Each
     * pass sums as scipy's correlate1d does for a symmetric kernel, so results agree to the bit.
     */
    static double[] gaussian(double[] img, int h, int w, int c, double sigma, double truncate, Border border) {
        if (sigma <= 1e-15) {
            return img.clone();
        }
        double[] k = gaussianKernel(sigma, truncate);
        return symmetricColumns(symmetricRows(img, h, w, c, k, border), h, w, c, k, border);
    }

    /**
     * scipy's correlate1d along y for a symmetric kernel: centre tap first, then the pairs
     * (x[-j] + x[+j]) w[j] from the outermost pair inwards.
     */
    static double[] symmetricRows(double[] img, int h, int w, int c, double[] k, Border border) {
        int r = k.length / 2;
        double[] out = new double[img.length];
        int row = w * c;
        int[] idx = new int[k.length];
        for (int y = 0; y < h; y++) {
            for (int t = 0; t < k.length; t++) {
                idx[t] = border.fold(y + t - r, h) * row;
            }
            int o = y * row;
            for (int j = 0; j < row; j++) {
                double s = img[idx[r] + j] * k[r];
                for (int t = 0; t < r; t++) {
                    s += (img[idx[t] + j] + img[idx[k.length - 1 - t] + j]) * k[t];
                }
                out[o + j] = s;
            }
        }
        return out;
    }

    /** {@link #symmetricRows} along x. */
    static double[] symmetricColumns(double[] img, int h, int w, int c, double[] k, Border border) {
        int r = k.length / 2;
        double[] out = new double[img.length];
        int[] idx = new int[k.length];
        for (int x = 0; x < w; x++) {
            for (int t = 0; t < k.length; t++) {
                idx[t] = border.fold(x + t - r, w) * c;
            }
            for (int y = 0; y < h; y++) {
                int base = y * w * c;
                for (int ch = 0; ch < c; ch++) {
                    double s = img[base + idx[r] + ch] * k[r];
                    for (int t = 0; t < r; t++) {
                        s += (img[base + idx[t] + ch] + img[base + idx[k.length - 1 - t] + ch]) * k[t];
                    }
                    out[base + x * c + ch] = s;
                }
            }
        }
        return out;
    }

    /** 1-D correlation along y (axis 0). */
    static double[] correlateRows(double[] img, int h, int w, int c, double[] k, Border border) {
        int r = k.length / 2;
        double[] out = new double[img.length];
        int[] idx = new int[k.length];
        int row = w * c;
        for (int y = 0; y < h; y++) {
            for (int t = 0; t < k.length; t++) {
                idx[t] = border.fold(y + t - r, h) * row;
            }
            int o = y * row;
            for (int j = 0; j < row; j++) {
                double s = 0;
                for (int t = 0; t < k.length; t++) {
                    s += k[t] * img[idx[t] + j];
                }
                out[o + j] = s;
            }
        }
        return out;
    }

    /** 1-D correlation along x (axis 1). */
    static double[] correlateColumns(double[] img, int h, int w, int c, double[] k, Border border) {
        int r = k.length / 2;
        double[] out = new double[img.length];
        int[] idx = new int[k.length];
        for (int x = 0; x < w; x++) {
            for (int t = 0; t < k.length; t++) {
                idx[t] = border.fold(x + t - r, w) * c;
            }
            for (int y = 0; y < h; y++) {
                int base = y * w * c;
                for (int ch = 0; ch < c; ch++) {
                    double s = 0;
                    for (int t = 0; t < k.length; t++) {
                        s += k[t] * img[base + idx[t] + ch];
                    }
                    out[base + x * c + ch] = s;
                }
            }
        }
        return out;
    }

    /**
     * 2-D correlation with the kernel's centre as anchor (OpenCV filter2D), skipping zero taps so
     * that a mostly empty disk kernel costs only its support.
     */
    static double[] correlate2d(double[] img, int h, int w, int c, double[] kernel, int kh, int kw, Border border) {
        int n = 0;
        for (double v : kernel) {
            if (v != 0) {
                n++;
            }
        }
        int[] dy = new int[n];
        int[] dx = new int[n];
        double[] kv = new double[n];
        int t = 0;
        for (int i = 0; i < kh; i++) {
            for (int j = 0; j < kw; j++) {
                double v = kernel[i * kw + j];
                if (v != 0) {
                    dy[t] = i - kh / 2;
                    dx[t] = j - kw / 2;
                    kv[t] = v;
                    t++;
                }
            }
        }
        double[] out = new double[img.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int o = (y * w + x) * c;
                for (int q = 0; q < n; q++) {
                    int p = (border.fold(y + dy[q], h) * w + border.fold(x + dx[q], w)) * c;
                    double v = kv[q];
                    for (int ch = 0; ch < c; ch++) {
                        out[o + ch] += v * img[p + ch];
                    }
                }
            }
        }
        return out;
    }

    /** OpenCV blur(src, (3, 3)): normalised 3 x 3 box, BORDER_REFLECT_101. */
    static double[] box3(double[] img, int h, int w, int c) {
        double third = 1.0 / 3.0;
        double[] k = {third, third, third};
        return correlateColumns(correlateRows(img, h, w, c, k, Border.REFLECT_101), h, w, c, k, Border.REFLECT_101);
    }
}
