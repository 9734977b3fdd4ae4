package org.lowfreq.corruptions;

/**
 * Pillow's Image.resize(size, Image.BOX) on uint8 images: separable, horizontal pass first (into
 * a uint8 intermediate), box filter x in (-0.5, 0.5] scaled by max(1, in / out), coefficients in
 * 22-bit fixed point with rounding, as Pillow's Resample.c does.
 */
final class PillowBoxResize {
    private static final int PRECISION_BITS = 32 - 8 - 2;

    private PillowBoxResize() {
    }

    static int[] resize(int[] img, int h, int w, int c, int outH, int outW) {
        int[] tmp = img;
        if (outW != w) {
            tmp = horizontal(img, h, w, c, outW);
        }
        if (outH != h) {
            tmp = vertical(tmp, h, outW, c, outH);
        }
        return tmp == img ? img.clone() : tmp;
    }

    /** bounds[2 * o] = first input index, bounds[2 * o + 1] = count; coefficients in kk[o][...]. */
    private static int[][] coefficients(int inSize, int outSize, int[] bounds) {
        double scale = (double) inSize / outSize;
        double filterscale = Math.max(scale, 1.0);
        double support = 0.5 * filterscale;
        int[][] kk = new int[outSize][];
        for (int xx = 0; xx < outSize; xx++) {
            double center = (xx + 0.5) * scale;
            double ss = 1.0 / filterscale;
            int xmin = Math.max((int) (center - support + 0.5), 0);
            int xmax = Math.min((int) (center + support + 0.5), inSize) - xmin;
            double[] k = new double[Math.max(xmax, 0)];
            double ww = 0;
            for (int x = 0; x < xmax; x++) {
                double t = (x + xmin - center + 0.5) * ss;
                double v = (t > -0.5 && t <= 0.5) ? 1.0 : 0.0;
                k[x] = v;
                ww += v;
            }
            int[] ik = new int[k.length];
            for (int x = 0; x < k.length; x++) {
                double v = ww != 0 ? k[x] / ww : k[x];
                ik[x] = v < 0 ? (int) (-0.5 + v * (1 << PRECISION_BITS)) : (int) (0.5 + v * (1 << PRECISION_BITS));
            }
            kk[xx] = ik;
            bounds[2 * xx] = xmin;
            bounds[2 * xx + 1] = xmax;
        }
        return kk;
    }

    private static int clip8(int v) {
        return Pixels.clampByte(v >> PRECISION_BITS);
    }

    private static int[] horizontal(int[] img, int h, int w, int c, int outW) {
        int[] bounds = new int[2 * outW];
        int[][] kk = coefficients(w, outW, bounds);
        int[] out = new int[h * outW * c];
        for (int y = 0; y < h; y++) {
            for (int xx = 0; xx < outW; xx++) {
                int xmin = bounds[2 * xx];
                int[] k = kk[xx];
                for (int ch = 0; ch < c; ch++) {
                    int ss = 1 << (PRECISION_BITS - 1);
                    for (int x = 0; x < k.length; x++) {
                        ss += img[(y * w + x + xmin) * c + ch] * k[x];
                    }
                    out[(y * outW + xx) * c + ch] = clip8(ss);
                }
            }
        }
        return out;
    }

    private static int[] vertical(int[] img, int h, int w, int c, int outH) {
        int[] bounds = new int[2 * outH];
        int[][] kk = coefficients(h, outH, bounds);
        int[] out = new int[outH * w * c];
        for (int yy = 0; yy < outH; yy++) {
            int ymin = bounds[2 * yy];
            int[] k = kk[yy];
            for (int x = 0; x < w; x++) {
                for (int ch = 0; ch < c; ch++) {
                    int ss = 1 << (PRECISION_BITS - 1);
                    for (int y = 0; y < k.length; y++) {
                        ss += img[((y + ymin) * w + x) * c + ch] * k[y];
                    }
                    out[(yy * w + x) * c + ch] = clip8(ss);
                }
            }
        }
        return out;
    }
}
