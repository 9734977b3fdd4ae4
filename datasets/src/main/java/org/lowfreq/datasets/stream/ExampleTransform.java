package org.lowfreq.datasets.stream;

import java.util.SplittableRandom;

import org.lowfreq.spi.ImageShape;

/**
 * A per-example transform from one HWC image to another of the same shape (an augmentation). Must
 * depend only on the image and {@code rng}, and be safe to call from several threads at once.
 */
@FunctionalInterface
public interface ExampleTransform {
    /** The image as it is. */
    ExampleTransform COPY = (src, srcOffset, dst, dstOffset, shape, rng) ->
            System.arraycopy(src, srcOffset, dst, dstOffset, shape.size());

    void apply(float[] src, int srcOffset, float[] dst, int dstOffset, ImageShape shape, SplittableRandom rng);
}
