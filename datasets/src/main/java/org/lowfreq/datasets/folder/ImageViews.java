package org.lowfreq.datasets.folder;

import java.awt.image.BufferedImage;
import java.util.Locale;
import java.util.SplittableRandom;

import org.lowfreq.datasets.ImageResize;

/** The views of image-folder data sets: evaluation, random-resized-crop + flip, pad-crop + flip. */
public final class ImageViews {
    private ImageViews() {
    }

    /**
     * Evaluation: shorter side resized to {@code resize}, central {@code crop} x {@code crop} cut.
     *
     * @param takeCropSized when true, an image that is already {@code crop} x {@code crop} is taken
     *                      as it is (the published -C sets store the evaluation crops themselves, so
     *                      resizing them again would change the field of view)
     */
    public static ImageView evaluation(int resize, int crop, boolean takeCropSized) {
        if (crop <= 0 || resize < crop) {
            throw new IllegalArgumentException("resize " + resize + " must be >= crop " + crop + " > 0");
        }
        return new Evaluation(resize, crop, takeCropSized);
    }

    /** Training: torchvision's random-resized-crop to {@code size} (see {@link RandomResizedCrop}), then a flip with probability 1/2. */
    public static ImageView randomResizedCrop(int size, RandomResizedCrop crop) {
        return new ResizedCropFlip(size, crop);
    }

    /**
     * Training at native size: the image made {@code size} x {@code size} (by the evaluation view
     * when it is not already), padded by {@code pad} pixels by reflection (edge not repeated), cut
     * at a random offset back to {@code size}, then flipped with probability 1/2. CIFAR's recipe.
     */
    public static ImageView padCropFlip(int size, int pad) {
        if (pad < 0 || pad >= size) {
            throw new IllegalArgumentException("pad " + pad + " must lie in [0, " + size + ")");
        }
        return new PadCropFlip(size, pad, new Evaluation(size, size, true));
    }

    private record Evaluation(int resize, int crop, boolean takeCropSized) implements ImageView {
        @Override
        public int size() {
            return crop;
        }

        @Override
        public void render(BufferedImage decoded, SplittableRandom rng, float[] dst, int offset) {
            BufferedImage img = takeCropSized && decoded.getWidth() == crop && decoded.getHeight() == crop
                    ? ImageResize.toRgb(decoded)
                    : ImageResize.resizeAndCrop(decoded, resize, crop);
            ImageResize.toFloats(img, dst, offset);
        }

        @Override
        public String description() {
            return resize == crop ? "shorter side resized to " + crop + ", centre crop " + crop
                    : "shorter side resized to " + resize + ", centre crop " + crop;
        }
    }

    private record ResizedCropFlip(int size, RandomResizedCrop crop) implements ImageView {
        @Override
        public void render(BufferedImage decoded, SplittableRandom rng, float[] dst, int offset) {
            BufferedImage rgb = ImageResize.toRgb(decoded);
            CropBox b = crop.box(rgb.getWidth(), rgb.getHeight(), rng);
            boolean flip = rng.nextBoolean();
            BufferedImage region = rgb.getSubimage(b.x(), b.y(), b.width(), b.height());
            ImageResize.toFloats(ImageResize.resize(region, size, size), dst, offset, flip);
        }

        @Override
        public String description() {
            return String.format(Locale.ROOT, "random-resized-crop %d (scale %s-%s, ratio %.4g-%.4g log-uniform, 10 tries"
                            + " then centre crop), horizontal flip", size, num(crop.minScale()), num(crop.maxScale()),
                    crop.minRatio(), crop.maxRatio());
        }

        private static String num(double v) {
            return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
        }
    }

    private record PadCropFlip(int size, int pad, Evaluation base) implements ImageView {
        @Override
        public void render(BufferedImage decoded, SplittableRandom rng, float[] dst, int offset) {
            int n = size;
            float[] src = new float[n * n * 3];
            base.render(decoded, null, src, 0);
            int dy = rng.nextInt(2 * pad + 1) - pad;
            int dx = rng.nextInt(2 * pad + 1) - pad;
            boolean flip = rng.nextBoolean();
            for (int y = 0; y < n; y++) {
                int sy = reflect(y + dy, n);
                for (int x = 0; x < n; x++) {
                    int sx = reflect((flip ? n - 1 - x : x) + dx, n);
                    System.arraycopy(src, (sy * n + sx) * 3, dst, offset + (y * n + x) * 3, 3);
                }
            }
        }

        /** Whole-sample reflection: -1 -> 1, n -> n - 2 (the edge pixel is not repeated). */
        static int reflect(int i, int n) {
            if (i < 0) {
                return -i;
            }
            return i >= n ? 2 * (n - 1) - i : i;
        }

        @Override
        public String description() {
            return "reflect-pad " + pad + " + random crop " + size + ", horizontal flip";
        }
    }
}
