package org.lowfreq.tensorflow;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The CIFAR training augmentation of docs/METHODS.md section 5, per image, in plain Java.
 *
 * <p>The default is reflect-pad 4 + random 32 px crop + horizontal flip: integer shifts and flips
 * only, so every output pixel is a copy of an input pixel and the image spectrum is kept. That
 * matters here more than anywhere: the quantity under study is the model's preference for low or
 * high frequencies, and any resampling that averages neighbouring pixels (a bilinear rotation,
 * a rescale) low-passes the training set and biases f_rev and f_0.5 downward.
 *
 * <p>Two opt-ins stay available and are recorded in the model card: a small rotation, sampled
 * with nearest neighbour (it moves pixels and never averages them), and colour jitter.
 *
 * @param pad        crop padding in pixels (4); reflection without repeating the edge
 * @param maxDegrees rotation drawn uniformly from [-maxDegrees, maxDegrees], nearest-neighbour (0 = none)
 * @param jitter     brightness, contrast and saturation factors drawn from [1 - jitter, 1 + jitter] (0 = none)
 */
public record Augmenter(int pad, double maxDegrees, double jitter) {
    /** The default recipe: reflect-pad 4, random crop, horizontal flip. */
    public static final Augmenter CIFAR = new Augmenter(4, 0, 0);

    public Augmenter {
        if (pad < 0 || !(maxDegrees >= 0 && maxDegrees <= 45) || !(jitter >= 0 && jitter < 1)) {
            throw new IllegalArgumentException("augmentation needs pad >= 0, rotation in [0, 45] degrees and jitter in [0, 1), got "
                    + pad + ", " + maxDegrees + ", " + jitter);
        }
    }

    /** The default crop and flip with the recorded opt-ins. */
    public static Augmenter cifar(double rotationDegrees, double colourJitter) {
        return new Augmenter(CIFAR.pad, rotationDegrees, colourJitter);
    }

    /** One line for the model card. */
    public String describe() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "reflect-pad %d + random crop, horizontal flip", pad));
        if (maxDegrees > 0) {
            b.append(String.format(Locale.ROOT, ", rotation +-%s deg (nearest neighbour)", trim(maxDegrees)));
        }
        if (jitter > 0) {
            b.append(String.format(Locale.ROOT, ", colour jitter %s", trim(jitter)));
        }
        return b.toString();
    }

    /** Augments the image at {@code srcOffset} of {@code src} into {@code dst} at {@code dstOffset}. */
    public void apply(float[] src, float[] dst, int height, int width, int channels, SplittableRandom rng,
                      int srcOffset, int dstOffset) {
        int dx = rng.nextInt(-pad, pad + 1);
        int dy = rng.nextInt(-pad, pad + 1);
        boolean flip = rng.nextBoolean();
        if (maxDegrees > 0) {
            double angle = Math.toRadians((rng.nextDouble() * 2 - 1) * maxDegrees);
            rotateShiftFlip(src, dst, height, width, channels, srcOffset, dstOffset, dx, dy, flip, angle);
        } else {
            shiftFlip(src, dst, height, width, channels, srcOffset, dstOffset, dx, dy, flip);
        }
        if (jitter > 0) {
            double brightness = 1 + (rng.nextDouble() * 2 - 1) * jitter;
            double contrast = 1 + (rng.nextDouble() * 2 - 1) * jitter;
            double saturation = 1 + (rng.nextDouble() * 2 - 1) * jitter;
            colourJitter(dst, dstOffset, height * width, channels, brightness, contrast, saturation);
        }
    }

    /** The crop of the reflect-padded image at offset (dy, dx), then the flip: whole pixels copied. */
    private static void shiftFlip(float[] src, float[] dst, int height, int width, int channels, int srcOffset,
                                  int dstOffset, int dx, int dy, boolean flip) {
        for (int y = 0; y < height; y++) {
            int sy = reflect(y + dy, height);
            for (int x = 0; x < width; x++) {
                int sx = reflect((flip ? width - 1 - x : x) + dx, width);
                System.arraycopy(src, srcOffset + (sy * width + sx) * channels, dst,
                        dstOffset + (y * width + x) * channels, channels);
            }
        }
    }

    /** Rotation about the centre, then shift and flip; each output pixel copies its nearest source pixel. */
    private static void rotateShiftFlip(float[] src, float[] dst, int height, int width, int channels, int srcOffset,
                                        int dstOffset, int dx, int dy, boolean flip, double angle) {
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double cy = (height - 1) / 2.0;
        double cx = (width - 1) / 2.0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double ry = y - cy;
                double rx = (flip ? width - 1 - x : x) - cx;
                int sy = reflect((int) Math.round(cos * ry - sin * rx + cy) + dy, height);
                int sx = reflect((int) Math.round(sin * ry + cos * rx + cx) + dx, width);
                System.arraycopy(src, srcOffset + (sy * width + sx) * channels, dst,
                        dstOffset + (y * width + x) * channels, channels);
            }
        }
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

    private static String trim(double v) {
        return v == Math.rint(v) ? Integer.toString((int) v) : Double.toString(v);
    }
}
