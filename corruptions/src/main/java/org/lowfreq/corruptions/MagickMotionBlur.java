package org.lowfreq.corruptions;

/**
 * ImageMagick 6's MotionBlurImage as the reference calls it through Wand: a one-sided kernel of
 * width 2 * ceil(radius) + 1 with half-Gaussian weights exp(-i^2 / (2 sigma^2)) (normalised),
 * sampled at integer offsets round(i * (cos a, sin a)) with the edge pixel repeated outside the
 * image. ImageMagick (Q16) rounds the sum to a 16-bit quantum, q = round(257 v), and the 8-bit PNG
 * it writes holds floor(q / 257): about half a level below rounding on average. Checked against
 * ImageMagick 6.9 through Wand on 12,288 snow-layer values and 92,160 motion-blur values: identical.
 */
final class MagickMotionBlur {
    private MagickMotionBlur() {
    }

    /** The 8-bit value ImageMagick writes for a blurred value v (0..255 scale). */
    static int toChar(double v) {
        long q = Math.round(Math.min(65535.0, Math.max(0.0, 257.0 * v)));
        return (int) (q / 257);
    }

    /** Blurs a uint8 HWC image; returns uint8. */
    static int[] apply(int[] img, int h, int w, int c, double radius, double sigma, double angleDegrees) {
        int width = (int) (2.0 * Math.ceil(radius) + 1.0);
        double[] kernel = new double[width];
        double norm = 0;
        for (int i = 0; i < width; i++) {
            kernel[i] = Math.exp(-((double) i * i) / (2.0 * sigma * sigma)) / (Math.sqrt(2 * Math.PI) * sigma);
            norm += kernel[i];
        }
        for (int i = 0; i < width; i++) {
            kernel[i] /= norm;
        }
        double px = width * Math.sin(Math.toRadians(angleDegrees));
        double py = width * Math.cos(Math.toRadians(angleDegrees));
        double hyp = Math.hypot(px, py);
        int[] ox = new int[width];
        int[] oy = new int[width];
        for (int i = 0; i < width; i++) {
            ox[i] = (int) Math.ceil(i * py / hyp - 0.5);
            oy[i] = (int) Math.ceil(i * px / hyp - 0.5);
        }
        int[] out = new int[img.length];
        double[] acc = new double[c];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                java.util.Arrays.fill(acc, 0);
                for (int i = 0; i < width; i++) {
                    int yy = Border.NEAREST.fold(y + oy[i], h);
                    int xx = Border.NEAREST.fold(x + ox[i], w);
                    int p = (yy * w + xx) * c;
                    for (int ch = 0; ch < c; ch++) {
                        acc[ch] += kernel[i] * img[p + ch];
                    }
                }
                int o = (y * w + x) * c;
                for (int ch = 0; ch < c; ch++) {
                    out[o + ch] = toChar(acc[ch]);
                }
            }
        }
        return out;
    }
}
