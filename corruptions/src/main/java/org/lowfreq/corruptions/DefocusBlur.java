package org.lowfreq.corruptions;

import java.util.random.RandomGenerator;
import org.lowfreq.spi.CorruptionGroup;
import org.lowfreq.spi.Resolution;

/**
 * Correlation with the reference's anti-aliased disk: the indicator of x^2 + y^2 <= r^2 on a
 * 17 x 17 grid (radius <= 8; else (2r + 1)^2), normalised, smoothed by a 3 x 3 (5 x 5 above
 * radius 8) OpenCV Gaussian of sigma alias_blur; both filters with OpenCV's reflect-101 border.
 */
final class DefocusBlur extends TableCorruption {
    static final double[][][] C = {
            {{0.3, 0.4}, {0.4, 0.5}, {0.5, 0.6}, {1, 0.2}, {1.5, 0.1}},
            {{0.5, 0.6}, {1, 0.1}, {1.5, 0.1}, {2.5, 0.01}, {3, 0.1}},
            {{3, 0.1}, {4, 0.5}, {6, 0.5}, {8, 0.5}, {10, 0.5}}};

    DefocusBlur() {
        super("defocus_blur", CorruptionGroup.MEDIUM, false);
    }

    /**
     * The disk kernel, row-major, side length in {@code size[0]}, computed in float32 as the
     * reference does (numpy float32 indicator divided by its count, then cv2.GaussianBlur's
     * separable float32 passes with a float32 kernel); widened to double exactly. The float32
     * weights sum to slightly more than 1, which keeps flat regions from truncating one level low.
     */
    static double[] disk(double radius, double aliasBlur, int[] size) {
        int half;
        int ksize;
        if (radius <= 8) {
            half = 8;
            ksize = 3;
        } else {
            half = (int) Math.ceil(radius);
            ksize = 5;
        }
        int n = 2 * half + 1;
        float[] d = new float[n * n];
        int count = 0;
        double r2 = radius * radius;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                long y = i - half;
                long x = j - half;
                if (x * x + y * y <= r2) {
                    d[i * n + j] = 1f;
                    count++;
                }
            }
        }
        float share = 1f / (float) count;
        for (int i = 0; i < d.length; i++) {
            d[i] = d[i] * share;
        }
        float[] g = openCvGaussianKernel(ksize, aliasBlur);
        float[] smooth = symmetricPassFloat(symmetricPassFloat(d, n, g, true), n, g, false);
        double[] out = new double[smooth.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = smooth[i];
        }
        size[0] = n;
        return out;
    }

    /**
     * One pass of OpenCV's small symmetric float32 filter with BORDER_REFLECT_101:
     * centre * k0 + (left + right) * k1 [+ (left2 + right2) * k2], rounded to float32 at each step.
     */
    private static float[] symmetricPassFloat(float[] img, int n, float[] k, boolean alongRows) {
        int r = k.length / 2;
        float[] out = new float[img.length];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                float s = at(img, n, i, j, 0, alongRows) * k[r];
                for (int t = 1; t <= r; t++) {
                    s += (at(img, n, i, j, -t, alongRows) + at(img, n, i, j, t, alongRows)) * k[r - t];
                }
                out[i * n + j] = s;
            }
        }
        return out;
    }

    private static float at(float[] img, int n, int i, int j, int off, boolean alongRows) {
        return alongRows ? img[i * n + Border.REFLECT_101.fold(j + off, n)]
                : img[Border.REFLECT_101.fold(i + off, n) * n + j];
    }

    /**
     * cv2.getGaussianKernel(ksize, sigma, CV_32F) for sigma > 0 (OpenCV 4's bit-exact version:
     * exp(-x^2 / (2 sigma^2)) for the outer taps, 1 for the centre, normalised by their sum).
     */
    static float[] openCvGaussianKernel(int ksize, double sigma) {
        int half = (ksize - 1) / 2;
        double scale = -0.125 / (sigma * sigma);
        double[] v = new double[half];
        double sum = 0;
        for (int i = 0, x = 1 - ksize; i < half; i++, x += 2) {
            v[i] = Math.exp((double) (x * x) * scale);
            sum += v[i];
        }
        sum = sum * 2 + 1;
        double mul = 1 / sum;
        float[] k = new float[ksize];
        for (int i = 0; i < half; i++) {
            k[i] = (float) (v[i] * mul);
            k[ksize - 1 - i] = k[i];
        }
        k[half] = (float) mul;
        return k;
    }

    @Override
    float[] corrupt(float[] image, int h, int w, int c, int severity, Resolution table, RandomGenerator rng) {
        double[] p = row(C, table, severity);
        int[] size = new int[1];
        double[] kernel = disk(p[0], p[1], size);
        double[] x = Filters.correlate2d(Pixels.referenceInput(image), h, w, c, kernel, size[0], size[0],
                Border.REFLECT_101);
        return Pixels.truncated(x);
    }
}
