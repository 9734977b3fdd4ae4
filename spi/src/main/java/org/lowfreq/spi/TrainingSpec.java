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
    /** Every backend gets checked values; the names are the command line's option names. */
    public TrainingSpec {
        ValueRange.AT_LEAST_ONE.check("width", width);
        ValueRange.NOT_NEGATIVE.check("blur-sigma", blurSigma);
        ValueRange.ZERO_OR_MORE.check("pca-k", pcaComponents);
        ValueRange.AT_LEAST_ONE.check("epochs", epochs);
        ValueRange.AT_LEAST_ONE.check("batch-size", batchSize);
        ValueRange.POSITIVE.check("lr", learningRate);
        ValueRange.ZERO_OR_MORE.check("threads", threads);
        ValueRange.ZERO_OR_MORE.check("train-limit", trainLimit);
        ValueRange.ZERO_OR_MORE.check("test-limit", testLimit);
        options = options == null ? Options.EMPTY : options;
    }

    /**
     * The settings a resumed run must share with the interrupted one, by option name (epochs may
     * grow, threads and limits of the test set do not change the training).
     */
    public java.util.Map<String, String> resumeSettings() {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("family", family);
        m.put("arch", arch);
        m.put("width", Integer.toString(width));
        m.put("blur-sigma", Double.toString(blurSigma));
        m.put("pca-k", Integer.toString(pcaComponents));
        m.put("grayscale", Boolean.toString(grayscale));
        m.put("batch-size", Integer.toString(batchSize));
        m.put("lr", Double.toString(learningRate));
        m.put("seed", Long.toString(seed));
        m.put("train-limit", Integer.toString(trainLimit));
        options.values().forEach((k, v) -> m.put("-o " + k, v));
        return m;
    }

    /** The settings that differ, one "name: old -> new" each (absent = "(unset)"), in a stable order. */
    public static java.util.List<String> differences(java.util.Map<String, String> old, java.util.Map<String, String> now) {
        java.util.Set<String> keys = new java.util.TreeSet<>(old.keySet());
        keys.addAll(now.keySet());
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String k : keys) {
            String a = old.getOrDefault(k, "(unset)");
            String b = now.getOrDefault(k, "(unset)");
            if (!a.equals(b)) {
                out.add(k + ": " + a + " -> " + b);
            }
        }
        return out;
    }
}
