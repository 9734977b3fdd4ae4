package org.lowfreq.corruptions;

/** skimage.color rgb2hsv / hsv2rgb on one pixel (values in [0, 1]). */
final class Hsv {
    private Hsv() {
    }

    /** Writes h, s, v of (r, g, b) into out[0..2]. Ties resolve as skimage does: blue, then green, then red wins. */
    static void rgbToHsv(double r, double g, double b, double[] out) {
        double v = Math.max(r, Math.max(g, b));
        double delta = v - Math.min(r, Math.min(g, b));
        double s = v == 0 ? 0 : delta / v;
        double h = 0;
        if (delta != 0) {
            if (b == v) {
                h = 4.0 + (r - g) / delta;
            } else if (g == v) {
                h = 2.0 + (b - r) / delta;
            } else {
                h = (g - b) / delta;
            }
            h = h / 6.0;
            h = h - Math.floor(h);
        }
        out[0] = h;
        out[1] = s;
        out[2] = v;
    }

    static void hsvToRgb(double h, double s, double v, double[] out) {
        double h6 = h * 6.0;
        int hi = (int) Math.floor(h6);
        double f = h6 - hi;
        double p = v * (1 - s);
        double q = v * (1 - f * s);
        double t = v * (1 - (1 - f) * s);
        switch (Math.floorMod(hi, 6)) {
            case 0 -> set(out, v, t, p);
            case 1 -> set(out, q, v, p);
            case 2 -> set(out, p, v, t);
            case 3 -> set(out, p, q, v);
            case 4 -> set(out, t, p, v);
            default -> set(out, v, p, q);
        }
    }

    private static void set(double[] out, double a, double b, double c) {
        out[0] = a;
        out[1] = b;
        out[2] = c;
    }
}
