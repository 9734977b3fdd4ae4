package org.lowfreq.tensorflow;

import java.util.SplittableRandom;

/**
 * The CIFAR training augmentation of METHODS.md section 5, per image, in plain Java: reflect-pad
 * 4 + random 32 px crop, horizontal flip, a small rotation and colour jitter. The geometric part
 * is one resampling: output pixel -> rotate about the centre -> shift by the crop offset -> flip,
 * read with bilinear interpolation from the reflect-padded image (so rotation corners are filled
 * by reflection, as the padding is).
 *
 * @param pad          crop padding in pixels (4)
 * @param maxDegrees   rotation drawn uniformly from [-maxDegrees, maxDegrees]
 * @param jitter       brightness, contrast and saturation factors drawn from [1 - jitter, 1 + jitter]
 */
public record Augmenter(int pad, double maxDegrees, double jitter) {
    public static final Augmenter CIFAR = new Augmenter(4, 10, 0.2);

    /** Augments the image at {@code srcOffset} of {@code src} into {@code dst} at {@code dstOffset}. */
    public void apply(float[] src, float[] dst, int height, int width, int channels, SplittableRandom rng,
                      int srcOffset, int dstOffset) {
        int offset = srcOffset;
        int dx = rng.nextInt(-pad, pad + 1);
        int dy = rng.nextInt(-pad, pad + 1);
        boolean flip = rng.nextBoolean();
        double angle = Math.toRadians((rng.nextDouble() * 2 - 1) * maxDegrees);
        double brightness = 1 + (rng.nextDouble() * 2 - 1) * jitter;
        double contrast = 1 + (rng.nextDouble() * 2 - 1) * jitter;
        double saturation = 1 + (rng.nextDouble() * 2 - 1) * jitter;
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double cy = (height - 1) / 2.0;
        double cx = (width - 1) / 2.0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int xo = flip ? width - 1 - x : x;
                double ry = y - cy;
                double rx = xo - cx;
                double sy = cos * ry - sin * rx + cy + dy;
                double sx = sin * ry + cos * rx + cx + dx;
                int y0 = (int) Math.floor(sy);
                int x0 = (int) Math.floor(sx);
                double fy = sy - y0;
                double fx = sx - x0;
                int ya = reflect(y0, height);
                int yb = reflect(y0 + 1, height);
                int xa = reflect(x0, width);
                int xb = reflect(x0 + 1, width);
                int o = dstOffset + (y * width + x) * channels;
                for (int c = 0; c < channels; c++) {
                    double v = (1 - fy) * ((1 - fx) * px(src, offset, ya, xa, c, width, channels)
                            + fx * px(src, offset, ya, xb, c, width, channels))
                            + fy * ((1 - fx) * px(src, offset, yb, xa, c, width, channels)
                            + fx * px(src, offset, yb, xb, c, width, channels));
                    dst[o + c] = (float) v;
                }
            }
        }
        colourJitter(dst, dstOffset, height * width, channels, brightness, contrast, saturation);
    }

    private static float px(float[] src, int offset, int y, int x, int c, int width, int channels) {
        return src[offset + (y * width + x) * channels + c];
    }

    /** Reflection without repeating the edge (numpy's 'reflect'); folds any distance. */
    static int reflect(int i, int n) {
        if (n == 1) {
            return 0;
        }
        int period = 2 * (n - 1);
        int m = Math.floorMod(i, period);
        return m < n ? m : period - m;
    }

    private static void colourJitter(float[] img, int offset, int pixels, int channels, double brightness,
                                     double contrast, double saturation) {
        int n = pixels * channels;
        double mean = 0;
        for (int k = 0; k < n; k++) {
            img[offset + k] *= (float) brightness;
            mean += img[offset + k];
        }
        mean /= n;
        for (int k = 0; k < n; k++) {
            img[offset + k] = (float) ((img[offset + k] - mean) * contrast + mean);
        }
        if (channels == 3) {
            for (int p = 0; p < pixels; p++) {
                int o = offset + p * 3;
                double grey = 0.299 * img[o] + 0.587 * img[o + 1] + 0.114 * img[o + 2];
                for (int c = 0; c < 3; c++) {
                    img[o + c] = (float) ((img[o + c] - grey) * saturation + grey);
                }
            }
        }
        for (int k = 0; k < n; k++) {
            img[offset + k] = Math.min(1f, Math.max(0f, img[offset + k]));
        }
    }
}
