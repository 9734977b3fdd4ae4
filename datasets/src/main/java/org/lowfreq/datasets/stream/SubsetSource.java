package org.lowfreq.datasets.stream;

import java.util.SplittableRandom;

import org.lowfreq.spi.ImageShape;

/**
 * The examples {@code indices[0], indices[1], ...} of another source, renumbered 0, 1, ...: the
 * training or validation part of a split cut by the seeded permutation. The random stream a loader
 * gives example i of the subset is the stream of i (its position in the subset), as the trainer
 * has always numbered its training images.
 */
public record SubsetSource(ExampleSource base, int[] indices) implements ExampleSource {
    public SubsetSource {
        indices = indices.clone();
        for (int i : indices) {
            java.util.Objects.checkIndex(i, base.size());
        }
    }

    @Override
    public int size() {
        return indices.length;
    }

    @Override
    public ImageShape shape() {
        return base.shape();
    }

    @Override
    public int label(int index) {
        return base.label(indices[index]);
    }

    @Override
    public void produce(int index, SplittableRandom rng, float[] dst, int offset) {
        base.produce(indices[index], rng, dst, offset);
    }

    @Override
    public String describe(int index) {
        return base.describe(indices[index]);
    }
}
