package org.lowfreq.corruptions;

/**
 * The reference's clipped_zoom: crop the centre ceil(n / z) pixels, enlarge them with
 * scipy.ndimage.zoom(order=1) (output size round-half-even(crop * z), sample o taken at
 * o * (crop - 1) / (out - 1)), then keep the centre n pixels, trimming from floor((out - n) / 2).
 * The arithmetic is scipy's: weights 1 - t and 1 - (1 - t), each term (value * wy) * wx added in
 * order, the sum rounded once to the array's type (float32 for zoom blur, float64 for snow).
 */
final class ClippedZoom {
    private final int h;
    private final int w;
    private final int[] y0;
    private final int[] y1;
    private final double[] wy0;
    private final double[] wy1;
    private final int[] x0;
    private final int[] x1;
    private final double[] wx0;
    private final double[] wx1;

    ClippedZoom(int h, int w, double zoom) {
        this.h = h;
        this.w = w;
        y0 = new int[h];
        y1 = new int[h];
        wy0 = new double[h];
        wy1 = new double[h];
        x0 = new int[w];
        x1 = new int[w];
        wx0 = new double[w];
        wx1 = new double[w];
        axis(h, zoom, y0, y1, wy0, wy1);
        axis(w, zoom, x0, x1, wx0, wx1);
    }

    private static void axis(int n, double zoom, int[] i0, int[] i1, double[] w0, double[] w1) {
        int crop = (int) Math.ceil(n / zoom);
        int top = Math.floorDiv(n - crop, 2);
        int out = (int) Math.rint(crop * zoom);
        int trim = Math.floorDiv(out - n, 2);
        double scale = out > 1 ? (double) (crop - 1) / (out - 1) : 1.0;
        for (int o = 0; o < n; o++) {
            double cc = (o + trim) * scale;
            int f = (int) Math.floor(cc);
            double t = cc - f;
            i0[o] = top + Math.min(f, crop - 1);
            // past the last sample the second weight is 0 (scipy reads the border there)
            i1[o] = top + Math.min(f + 1, crop - 1);
            w0[o] = 1.0 - t;
            w1[o] = 1.0 - w0[o];
        }
    }

    private double sample(double a, double b, double c, double d, int y, int x) {
        double t = 0.0;
        t += a * wy0[y] * wx0[x];
        t += b * wy0[y] * wx1[x];
        t += c * wy1[y] * wx0[x];
        t += d * wy1[y] * wx1[x];
        return t;
    }

    /** Zooms an HWC float64 image of c channels. */
    double[] apply(double[] img, int c) {
        double[] out = new double[img.length];
        for (int y = 0; y < h; y++) {
            int ra = y0[y] * w * c;
            int rb = y1[y] * w * c;
            for (int x = 0; x < w; x++) {
                int ca = x0[x] * c;
                int cb = x1[x] * c;
                int o = (y * w + x) * c;
                for (int ch = 0; ch < c; ch++) {
                    out[o + ch] = sample(img[ra + ca + ch], img[ra + cb + ch], img[rb + ca + ch], img[rb + cb + ch], y, x);
                }
            }
        }
        return out;
    }

    /** Zooms an HWC float32 image and adds the float32 result into {@code acc}, as {@code out += clipped_zoom(x)}. */
    void accumulate(float[] img, int c, float[] acc) {
        for (int y = 0; y < h; y++) {
            int ra = y0[y] * w * c;
            int rb = y1[y] * w * c;
            for (int x = 0; x < w; x++) {
                int ca = x0[x] * c;
                int cb = x1[x] * c;
                int o = (y * w + x) * c;
                for (int ch = 0; ch < c; ch++) {
                    float v = (float) sample(img[ra + ca + ch], img[ra + cb + ch], img[rb + ca + ch], img[rb + cb + ch],
                            y, x);
                    acc[o + ch] += v;
                }
            }
        }
    }

    /**
     * numpy.arange(start, stop, step): ceil((stop - start) / step) values; numpy fills them as
     * start + i * delta with delta = (start + step) - start, which is not step in binary.
     */
    static double[] arange(double start, double stop, double step) {
        int n = (int) Math.ceil((stop - start) / step);
        double delta = (start + step) - start;
        double[] v = new double[Math.max(n, 0)];
        for (int i = 0; i < v.length; i++) {
            v[i] = start + i * delta;
        }
        return v;
    }
}
