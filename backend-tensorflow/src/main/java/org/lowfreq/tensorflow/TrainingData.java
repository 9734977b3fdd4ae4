package org.lowfreq.tensorflow;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.lowfreq.datasets.Grayscale;
import org.lowfreq.datasets.stream.Batch;
import org.lowfreq.datasets.stream.BatchLoader;
import org.lowfreq.datasets.stream.ExampleOrder;
import org.lowfreq.datasets.stream.ExampleSource;
import org.lowfreq.datasets.stream.SubsetSource;
import org.lowfreq.datasets.stream.GrayscaleSource;
import org.lowfreq.datasets.stream.ImagesSource;
import org.lowfreq.datasets.stream.LoaderSettings;
import org.lowfreq.datasets.stream.StreamableDataset;
import org.lowfreq.spi.Dataset;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.Seeds;
import org.lowfreq.spi.UserInputException;

/**
 * The examples a training run uses, as sources a {@link BatchLoader} streams: the train split cut
 * 95/5 into train and validation by a permutation drawn from the seed, and the (optionally limited)
 * test split ({@code test}, else {@code val}), all in grayscale when asked.
 *
 * <p>A small set (CIFAR, MNIST) is read once into memory and augmented per example (crop and flip
 * of {@link Augmenter}, then the family's extra). A {@link StreamableDataset} (ImageNet, the
 * Tiny-ImageNet folders) is never read whole: the training view is its {@code examples("train",
 * true)}, the validation and test views its deterministic {@code examples(split, false)}.
 *
 * @param train        the training examples with the training augmentation
 * @param trainPlain   the same examples without augmentation (normalisation statistics, PCA)
 * @param inMemory     the plain training images when the set is held in memory (null when streamed)
 * @param validation   the held-out part of the train split, unaugmented
 * @param test         the evaluation split, unaugmented (null when the set has none)
 * @param testSplit    its name
 * @param augmentation one line for the model card: the training augmentation
 */
record TrainingData(ExampleSource train, ExampleSource trainPlain, Images inMemory, ExampleSource validation,
                    ExampleSource test, String testSplit, String augmentation) {

    static TrainingData load(Dataset data, int trainLimit, int testLimit, boolean grayscale, double validationFraction,
                             long seed, TrainingAugmentation augment) {
        data.requireSplit("train");
        int n = data.size("train");
        if (trainLimit > 0) {
            n = Math.min(n, trainLimit);
        }
        if (n < 2) {
            throw new UserInputException("data set " + data.name() + " has " + n + " training images; need at least 2");
        }
        int[] order = permutation(n, Seeds.random(seed, "train-validation-split"));
        int validationCount = Math.max(1, (int) Math.round(n * validationFraction));
        int[] trainIdx = Arrays.copyOfRange(order, 0, n - validationCount);
        int[] valIdx = Arrays.copyOfRange(order, n - validationCount, n);
        Arrays.sort(trainIdx);
        Arrays.sort(valIdx);
        String testSplit = data.splits().contains("test") ? "test" : data.splits().contains("val") ? "val" : null;
        int testCount = testSplit == null ? 0 : testLimit > 0 ? Math.min(testLimit, data.size(testSplit)) : data.size(testSplit);
        if (data instanceof StreamableDataset s) {
            ExampleSource trainView = gray(s.examples("train", augment.augmenter() != null), grayscale);
            ExampleSource plain = gray(s.examples("train", false), grayscale);
            ExampleSource test = testSplit == null ? null
                    : new SubsetSource(gray(s.examples(testSplit, false), grayscale), ExampleOrder.sequential(testCount));
            String desc = augment.augmenter() != null ? s.trainingAugmentation() : "none";
            return new TrainingData(augment.withFamily(new SubsetSource(trainView, trainIdx)), new SubsetSource(plain, trainIdx),
                    null, new SubsetSource(plain, valIdx), test, testSplit, desc);
        }
        Images all = data.read("train", 0, n).checkRange();
        if (!all.hasLabels()) {
            throw new UserInputException("the train split of " + data.name() + " has no labels");
        }
        Images train = all.select(trainIdx);
        Images val = all.select(valIdx);
        Images test = testSplit == null ? null : data.read(testSplit, 0, testCount);
        if (grayscale) {
            train = Grayscale.of(train);
            val = Grayscale.of(val);
            test = test == null ? null : Grayscale.of(test);
        }
        String name = data.name() + " train";
        String desc = augment.augmenter() != null ? augment.augmenter().describe() : "none";
        return new TrainingData(new ImagesSource(train, name, augment.transform()), ImagesSource.of(train, name), train,
                ImagesSource.of(val, data.name() + " validation"),
                test == null ? null : ImagesSource.of(test, data.name() + " " + testSplit), testSplit,
                desc);
    }

    private static ExampleSource gray(ExampleSource s, boolean grayscale) {
        return grayscale ? GrayscaleSource.of(s) : s;
    }

    static int[] permutation(int n, SplittableRandom rng) {
        return ExampleOrder.shuffled(n, rng);
    }

    /**
     * Per-channel mean and standard deviation of the plain training images: all of them for a set
     * held in memory, an evenly spaced subset of at most {@code streamLimit} for a streamed one
     * (reading all of ImageNet for two numbers per channel would cost a full epoch).
     */
    float[][] channelStatistics(int streamLimit, int batch, int workers) {
        int c = trainPlain.shape().channels();
        double[] sum = new double[c];
        double[] sq = new double[c];
        long values = 0;
        int[] indices = inMemory != null ? ExampleOrder.sequential(trainPlain.size()) : spaced(trainPlain.size(), streamLimit);
        try (BatchLoader loader = new BatchLoader(trainPlain, indices, LoaderSettings.of(batch, workers, 0, "statistics", 0), null)) {
            while (loader.hasNext()) {
                try (Batch b = loader.next()) {
                    float[] px = b.images().pixels();
                    int len = b.count() * trainPlain.shape().size();
                    for (int k = 0; k < len; k++) {
                        sum[k % c] += px[k];
                        sq[k % c] += (double) px[k] * px[k];
                    }
                    values += len;
                }
            }
        }
        long n = values / c;
        float[] mean = new float[c];
        float[] std = new float[c];
        for (int i = 0; i < c; i++) {
            double m = sum[i] / n;
            mean[i] = (float) m;
            std[i] = (float) Math.sqrt(Math.max(sq[i] / n - m * m, 1e-12));
        }
        return new float[][] {mean, std};
    }

    /** The images a PCA is fitted on: the first {@code limit} in memory, an evenly spaced subset when streamed. */
    Images pcaSample(int limit, int batch, int workers) {
        if (inMemory != null) {
            return inMemory.slice(0, Math.min(inMemory.count(), limit));
        }
        int[] indices = spaced(trainPlain.size(), limit);
        int size = trainPlain.shape().size();
        float[] px = new float[indices.length * size];
        int[] labels = new int[indices.length];
        int at = 0;
        try (BatchLoader loader = new BatchLoader(trainPlain, indices, LoaderSettings.of(batch, workers, 0, "pca", 0), null)) {
            while (loader.hasNext()) {
                try (Batch b = loader.next()) {
                    System.arraycopy(b.images().pixels(), 0, px, at * size, b.count() * size);
                    System.arraycopy(b.images().labels(), 0, labels, at, b.count());
                    at += b.count();
                }
            }
        }
        return new Images(at, trainPlain.shape(), px, labels);
    }

    /** min(n, limit) indices spread evenly over 0..n-1, in increasing order. */
    static int[] spaced(int n, int limit) {
        int k = Math.min(n, limit);
        int[] out = new int[k];
        for (int i = 0; i < k; i++) {
            out[i] = (int) ((long) i * n / k);
        }
        return out;
    }

    ImageShape shape() {
        return train.shape();
    }
}
