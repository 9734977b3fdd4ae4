package org.lowfreq.datasets.stream;

import java.util.Objects;
import java.util.SplittableRandom;

import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Images;

/**
 * Examples held in memory (a small split such as CIFAR's), each passed through an optional
 * per-example transform (the training augmentation) as it is produced.
 */
public record ImagesSource(Images images, String name, ExampleTransform transform) implements ExampleSource {
    public ImagesSource {
        Objects.requireNonNull(images);
        if (!images.hasLabels()) {
            throw new IllegalArgumentException(name + " has no labels");
        }
        transform = transform == null ? ExampleTransform.COPY : transform;
    }

    /** The images as they are. */
    public static ImagesSource of(Images images, String name) {
        return new ImagesSource(images, name, ExampleTransform.COPY);
    }

    @Override
    public int size() {
        return images.count();
    }

    @Override
    public ImageShape shape() {
        return images.shape();
    }

    @Override
    public int label(int index) {
        return images.labels()[index];
    }

    @Override
    public void produce(int index, SplittableRandom rng, float[] dst, int offset) {
        transform.apply(images.pixels(), images.offset(index), dst, offset, images.shape(), rng);
    }

    @Override
    public String describe(int index) {
        return "image " + index + " of " + name;
    }
}
