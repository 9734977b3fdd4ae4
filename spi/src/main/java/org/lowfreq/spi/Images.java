package org.lowfreq.spi;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A batch of images: float32 pixels in [0, 1], layout NHWC, in one flat array (cheap to hand to
 * a backend), with optional integer labels. The array is shared, not copied: treat it as
 * read-only unless you made it.
 *
 * <p>The constructor checks the shape; {@link #checkRange()} additionally checks every value
 * (O(n), so it is called at boundaries such as data set loading and model input, not in inner
 * loops).
 */
public record Images(int count, ImageShape shape, float[] pixels, int[] labels) {
    public Images {
        if (count < 0) {
            throw new UserInputException("image count must be >= 0, got " + count);
        }
        if (shape == null || pixels == null) {
            throw new UserInputException("images need a shape and a pixel array");
        }
        long expected = (long) count * shape.size();
        if (pixels.length != expected) {
            throw new UserInputException("pixel array holds " + pixels.length + " floats but "
                    + count + " images of " + shape + " need " + expected);
        }
        if (labels != null && labels.length != count) {
            throw new UserInputException(labels.length + " labels for " + count + " images");
        }
    }

    /** Unlabelled images. */
    public Images(int count, ImageShape shape, float[] pixels) {
        this(count, shape, pixels, null);
    }

    public boolean hasLabels() {
        return labels != null;
    }

    /** Offset of image i in {@link #pixels()}. */
    public int offset(int i) {
        return i * shape.size();
    }

    /** A copy of image i, HWC. */
    public float[] image(int i) {
        Objects.checkIndex(i, count);
        return Arrays.copyOfRange(pixels, offset(i), offset(i) + shape.size());
    }

    /** Images [from, to) as a new batch (pixels copied). */
    public Images slice(int from, int to) {
        Objects.checkFromToIndex(from, to, count);
        float[] p = Arrays.copyOfRange(pixels, offset(from), offset(to));
        int[] l = labels == null ? null : Arrays.copyOfRange(labels, from, to);
        return new Images(to - from, shape, p, l);
    }

    /** Images at the given indices, in that order (pixels copied). */
    public Images select(int[] indices) {
        int size = shape.size();
        float[] p = new float[indices.length * size];
        int[] l = labels == null ? null : new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            int i = Objects.checkIndex(indices[k], count);
            System.arraycopy(pixels, offset(i), p, k * size, size);
            if (l != null) {
                l[k] = labels[i];
            }
        }
        return new Images(indices.length, shape, p, l);
    }

    /** The same pixels with other labels. */
    public Images withLabels(int[] newLabels) {
        return new Images(count, shape, pixels, newLabels);
    }

    /** Other pixels of the same shape and count, keeping the labels. */
    public Images withPixels(float[] newPixels) {
        return new Images(count, shape, newPixels, labels);
    }

    /**
     * Checks that every pixel is finite and in [0, 1].
     *
     * @return this, for chaining
     * @throws UserInputException naming the first offending image, position and value
     */
    public Images checkRange() {
        int size = shape.size();
        for (int k = 0; k < pixels.length; k++) {
            float v = pixels[k];
            if (!(v >= 0f && v <= 1f)) {
                int i = k / size;
                int r = k % size;
                int c = r % shape.channels();
                int x = (r / shape.channels()) % shape.width();
                int y = r / (shape.channels() * shape.width());
                throw new UserInputException("pixel value " + v + " of image " + i + " at (y=" + y
                        + ", x=" + x + ", c=" + c + ") is outside [0, 1]"
                        + (Float.isNaN(v) ? " (NaN)" : ""),
                        "images enter lowfreq as float32 in [0, 1]; scale uint8 data by 1/255");
            }
        }
        return this;
    }

    /** Concatenates batches of one shape. */
    public static Images concat(List<Images> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to concatenate");
        }
        ImageShape shape = parts.get(0).shape();
        boolean labelled = parts.stream().allMatch(Images::hasLabels);
        int total = 0;
        for (Images p : parts) {
            if (!p.shape().equals(shape)) {
                throw new UserInputException("cannot join images of shape " + shape + " and " + p.shape());
            }
            total += p.count();
        }
        float[] px = new float[total * shape.size()];
        int[] lb = labelled ? new int[total] : null;
        int at = 0;
        for (Images p : parts) {
            System.arraycopy(p.pixels(), 0, px, at * shape.size(), p.pixels().length);
            if (lb != null) {
                System.arraycopy(p.labels(), 0, lb, at, p.count());
            }
            at += p.count();
        }
        return new Images(total, shape, px, lb);
    }

    @Override
    public String toString() {
        return "Images[" + count + " x " + shape + (labels == null ? "" : ", labelled") + "]";
    }
}
