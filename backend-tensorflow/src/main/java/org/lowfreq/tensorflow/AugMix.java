package org.lowfreq.tensorflow;

import java.util.SplittableRandom;

/**
 * An AugMix-style augmentation (Hendrycks et al. 2020) without the Jensen-Shannon consistency
 * loss: {@code width} chains of 1..{@code depth} random operations, mixed with Dirichlet(1)
 * weights, then mixed with the original image with a Beta(1, 1) weight. The operations avoid
 * the test corruptions (no blur, noise, contrast or brightness changes), as in the paper:
 * autocontrast, equalise-like histogram stretch, posterize, solarize, rotate, shear, translate.
 */
public record AugMix(int width, int depth, int severity) {

    /** Replaces image at {@code offset} of {@code img} by its AugMix mixture. */
    public void apply(float[] img, int offset, int height, int w, int channels, SplittableRandom rng) {
        int size = height * w * channels;
        float[] original = java.util.Arrays.copyOfRange(img, offset, offset + size);
        double[] mix = new double[size];
        double[] weights = new double[width];
        double total = 0;
        for (int i = 0; i < width; i++) {
            weights[i] = -Math.log(1 - rng.nextDouble());
            total += weights[i];
        }
        float[] chain = new float[size];
        float[] tmp = new float[size];
        for (int i = 0; i < width; i++) {
            System.arraycopy(original, 0, chain, 0, size);
            int ops = 1 + rng.nextInt(depth);
            for (int k = 0; k < ops; k++) {
                operation(chain, tmp, height, w, channels, rng);
            }
            double wi = weights[i] / total;
            for (int p = 0; p < size; p++) {
                mix[p] += wi * chain[p];
            }
        }
        double m = rng.nextDouble();
        for (int p = 0; p < size; p++) {
            img[offset + p] = (float) Math.min(1, Math.max(0, (1 - m) * original[p] + m * mix[p]));
        }
    }

    private void operation(float[] x, float[] tmp, int h, int w, int c, SplittableRandom rng) {
        double level = severity / 10.0 * (0.1 + 0.9 * rng.nextDouble());
        double sign = rng.nextBoolean() ? 1 : -1;
        switch (rng.nextInt(8)) {
            case 0 -> autocontrast(x);
            case 1 -> posterize(x, 8 - (int) Math.round(level * 4));
            case 2 -> solarize(x, 1 - level);
            case 3 -> affine(x, tmp, h, w, c, Math.toRadians(30 * level * sign), 0, 0, 0, 0);
            case 4 -> affine(x, tmp, h, w, c, 0, 0.3 * level * sign, 0, 0, 0);
            case 5 -> affine(x, tmp, h, w, c, 0, 0, 0.3 * level * sign, 0, 0);
            case 6 -> affine(x, tmp, h, w, c, 0, 0, 0, w / 3.0 * level * sign, 0);
            default -> affine(x, tmp, h, w, c, 0, 0, 0, 0, h / 3.0 * level * sign);
        }
    }

    private static void autocontrast(float[] x) {
        float lo = Float.MAX_VALUE;
        float hi = -Float.MAX_VALUE;
        for (float v : x) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (hi - lo < 1e-6f) {
            return;
        }
        for (int i = 0; i < x.length; i++) {
            x[i] = (x[i] - lo) / (hi - lo);
        }
    }

    private static void posterize(float[] x, int bits) {
        int levels = 1 << Math.max(1, bits);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.floor(x[i] * (levels - 1e-6)) / (levels - 1);
        }
    }

    private static void solarize(float[] x, double threshold) {
        for (int i = 0; i < x.length; i++) {
            if (x[i] >= threshold) {
                x[i] = 1 - x[i];
            }
        }
    }

    /** Rotation, shears and translation about the centre; outside pixels read the nearest edge. */
    private static void affine(float[] x, float[] tmp, int h, int w, int c, double angle, double shearX,
                               double shearY, double tx, double ty) {
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double cy = (h - 1) / 2.0;
        double cx = (w - 1) / 2.0;
        for (int y = 0; y < h; y++) {
            for (int xx = 0; xx < w; xx++) {
                double ry = y - cy;
                double rx = xx - cx;
                double sy = cos * ry - sin * rx;
                double sx = sin * ry + cos * rx;
                double sx2 = sx + shearX * sy;
                double sy2 = sy + shearY * sx;
                double fyPos = sy2 + cy - ty;
                double fxPos = sx2 + cx - tx;
                int y0 = (int) Math.floor(fyPos);
                int x0 = (int) Math.floor(fxPos);
                double fy = fyPos - y0;
                double fx = fxPos - x0;
                int ya = clamp(y0, h);
                int yb = clamp(y0 + 1, h);
                int xa = clamp(x0, w);
                int xb = clamp(x0 + 1, w);
                for (int ch = 0; ch < c; ch++) {
                    tmp[(y * w + xx) * c + ch] = (float) ((1 - fy) * ((1 - fx) * x[(ya * w + xa) * c + ch]
                            + fx * x[(ya * w + xb) * c + ch]) + fy * ((1 - fx) * x[(yb * w + xa) * c + ch]
                            + fx * x[(yb * w + xb) * c + ch]));
                }
            }
        }
        System.arraycopy(tmp, 0, x, 0, x.length);
    }

    private static int clamp(int i, int n) {
        return Math.min(n - 1, Math.max(0, i));
    }
}
