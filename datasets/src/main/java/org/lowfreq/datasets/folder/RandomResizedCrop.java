package org.lowfreq.datasets.folder;

import java.util.SplittableRandom;

/**
 * The crop box of torchvision's {@code RandomResizedCrop}: up to ten tries of an area fraction drawn
 * uniformly from [minScale, maxScale] and an aspect ratio (width / height) drawn log-uniformly from
 * [minRatio, maxRatio]; the first try whose rounded box fits is placed uniformly at random. When none
 * fits, the fallback is the central crop of the whole image, narrowed to the nearest allowed ratio
 * when the image's own ratio is outside the range. The box is then resized to the output size
 * (aspect ratio not kept), which {@link ImageViews} does.
 *
 * <p>The draws come from the caller's random stream in a fixed order (per try: scale, then ratio,
 * then, for the chosen box, row, then column), so the box is a pure function of the stream.
 */
public record RandomResizedCrop(double minScale, double maxScale, double minRatio, double maxRatio) {
    /** The standard ImageNet setting: scale 0.08-1, ratio 3/4-4/3. */
    public static final RandomResizedCrop IMAGENET = new RandomResizedCrop(0.08, 1.0, 3.0 / 4.0, 4.0 / 3.0);
    static final int TRIES = 10;

    public RandomResizedCrop {
        if (!(0 < minScale && minScale <= maxScale && maxScale <= 1)) {
            throw new IllegalArgumentException("scale range must lie in (0, 1], got " + minScale + ".." + maxScale);
        }
        if (!(0 < minRatio && minRatio <= maxRatio)) {
            throw new IllegalArgumentException("ratio range must be positive, got " + minRatio + ".." + maxRatio);
        }
    }

    /** The box for an image of {@code width} x {@code height}. */
    public CropBox box(int width, int height, SplittableRandom rng) {
        double area = (double) width * height;
        double logMin = Math.log(minRatio);
        double logMax = Math.log(maxRatio);
        for (int t = 0; t < TRIES; t++) {
            double target = area * uniform(rng, minScale, maxScale);
            double ratio = Math.exp(uniform(rng, logMin, logMax));
            int w = (int) Math.round(Math.sqrt(target * ratio));
            int h = (int) Math.round(Math.sqrt(target / ratio));
            if (0 < w && w <= width && 0 < h && h <= height) {
                int y = rng.nextInt(height - h + 1);
                int x = rng.nextInt(width - w + 1);
                return new CropBox(x, y, w, h);
            }
        }
        return fallback(width, height);
    }

    /** The central crop used when no try fits. */
    public CropBox fallback(int width, int height) {
        double own = (double) width / height;
        int w = width;
        int h = height;
        if (own < minRatio) {
            h = Math.max(1, (int) Math.round(width / minRatio));
        } else if (own > maxRatio) {
            w = Math.max(1, (int) Math.round(height * maxRatio));
        }
        return new CropBox((width - w) / 2, (height - h) / 2, w, h);
    }

    private static double uniform(SplittableRandom rng, double lo, double hi) {
        return lo == hi ? lo : lo + (hi - lo) * rng.nextDouble();
    }
}
