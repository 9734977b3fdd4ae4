package org.lowfreq.corruptions;

/**
 * The reference's clipped_zoom: crop the centre ceil(n / z) pixels, enlarge them with
 * scipy.ndimage.zoom(order=1) (output size round-half-even(crop * z), sample o taken at
 * o * (crop - 1) / (out - 1)), then keep the centre n pixels, trimming from floor((out - n) / 2).
 */
final class ClippedZoom {
    private final int h;
    private final int w;
    private final int[] y0;
    private final int[] y1;
    private final double[] wy;
    private final int[] x0;
    private final int[] x1;
    private final double[] wx;

    ClippedZoom(int h, int w, double zoom) {
        this.h = h;
        this.w = w;
        y0 = new int[h];
        y1 = new int[h];
        wy = new double[h];
        x0 = new int[w];
        x1 = new int[w];
        wx = new double[w];
        axis(h, zoom, y0, y1, wy);
        axis(w, zoom, x0, x1, wx);
    }

    private static void axis(int n, double zoom, int[] i0, int[] i1, double[] frac) {
        int crop = (int) Math.ceil(n / zoom);
        int top = (n - crop) / 2;
        int out = (int) Math.rint(crop * zoom);
        int trim = (out - n) / 2;
        double scale = out > 1 ? (double) (crop - 1) / (out - 1) : 0;
        for (int o = 0; o < n; o++) {
            double cc = (o + trim) * scale;
            int f = (int) Math.floor(cc);
            if (f >= crop - 1) {
                f = crop - 1;
            }
            double t = cc - f;
            i0[o] = top + f;
            i1[o] = top + Math.min(f + 1, crop - 1);
            frac[o] = t;
        }
    }

    /** Zooms an HWC image of c channels, adding weight * result into {@code acc}. */
    void accumulate(double[] img, int c, double[] acc, double weight) {
        for (int y = 0; y < h; y++) {
            double ty = wy[y];
            int ra = y0[y] * w * c;
            int rb = y1[y] * w * c;
            for (int x = 0; x < w; x++) {
                double tx = wx[x];
                int ca = x0[x] * c;
                int cb = x1[x] * c;
                int o = (y * w + x) * c;
                for (int ch = 0; ch < c; ch++) {
                    double top = img[ra + ca + ch] * (1 - tx) + img[ra + cb + ch] * tx;
                    double bottom = img[rb + ca + ch] * (1 - tx) + img[rb + cb + ch] * tx;
                    acc[o + ch] += weight * (top * (1 - ty) + bottom * ty);
                }
            }
        }
    }

    double[] apply(double[] img, int c) {
        double[] out = new double[img.length];
        accumulate(img, c, out, 1.0);
        return out;
    }

    /** numpy.arange(start, stop, step): ceil((stop - start) / step) values start + i * step. */
    static double[] arange(double start, double stop, double step) {
        int n = (int) Math.ceil((stop - start) / step);
        double[] v = new double[Math.max(n, 0)];
        for (int i = 0; i < v.length; i++) {
            v[i] = start + i * step;
        }
        return v;
    }
}
