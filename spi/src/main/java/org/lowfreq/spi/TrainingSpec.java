package org.lowfreq.spi;

/**
 * What to train. Backend-specific settings (augmentation, adversarial training, ...) go in
 * {@link #options()}.
 *
 * @param family       baseline, blur, adversarial, augmentation, pca, ...
 * @param arch         e.g. {@code resnet18}, {@code linear}, {@code mlp}
 * @param width        width multiplier (channels = width / 64 of the paper's), or hidden units
 * @param blurSigma    fixed Gaussian blur sigma in front (0 = none)
 * @param pcaComponents PCA projection k in front (0 = none)
 * @param grayscale    train on L = 0.299R + 0.587G + 0.114B
 * @param epochs       epochs
 * @param batchSize    batch size
 * @param learningRate base learning rate
 * @param seed         seed of every random choice
 * @param threads      compute threads (0 = backend default)
 * @param trainLimit   use at most this many training images (0 = all)
 * @param testLimit    evaluate on at most this many test images (0 = all)
 * @param resume       continue from the last checkpoint in the output folder
 * @param options      further backend options
 */
public record TrainingSpec(String family, String arch, int width, double blurSigma, int pcaComponents,
                           boolean grayscale, int epochs, int batchSize, double learningRate, long seed,
                           int threads, int trainLimit, int testLimit, boolean resume, Options options) {
}
