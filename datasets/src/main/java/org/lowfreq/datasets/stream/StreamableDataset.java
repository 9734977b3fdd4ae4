package org.lowfreq.datasets.stream;

import org.lowfreq.spi.Dataset;

/**
 * A data set too large to hold in memory (ImageNet, Tiny-ImageNet, their -C sets), read one example
 * at a time through {@link ExampleSource}s and streamed with a {@link BatchLoader}. Small sets
 * (CIFAR, MNIST) are not streamable: they are read whole and augmented in memory.
 */
public interface StreamableDataset extends Dataset {
    /**
     * The examples of a split.
     *
     * @param training true: with the data set's own training augmentation (e.g. random-resized-crop
     *                 and flip), drawn from each example's random stream; false: the deterministic
     *                 evaluation view (e.g. resize and centre crop), which ignores the stream
     */
    ExampleSource examples(String split, boolean training);

    /** One line for the model card: the training augmentation {@code examples(split, true)} applies. */
    String trainingAugmentation();
}
