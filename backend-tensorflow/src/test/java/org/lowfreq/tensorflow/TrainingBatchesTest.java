package org.lowfreq.tensorflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lowfreq.datasets.stream.Batch;
import org.lowfreq.datasets.stream.BatchLoader;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.InMemoryDataset;
import org.lowfreq.spi.Options;
import org.lowfreq.spi.Seeds;
import org.lowfreq.spi.TrainingSpec;

/**
 * The batches the epoch loop feeds the step: the same for 0, 1 and 4 loader workers, and equal to
 * the augmentation the trainer made on the step thread before the loader, written out here from
 * its parts (the seeded split and epoch order, {@link Augmenter} and the family's extra, one
 * random stream per image) rather than taken from the loader.
 */
class TrainingBatchesTest {
    private static final long SEED = 7;
    private static final int BATCH = 4;
    private static final int EPOCH = 2;
    // 22 images: 1 held out for validation, 21 to train on, so the last batch of one is left out
    private final InMemoryDataset data = TinyModels.patternData(22, 3, 5);

    @ParameterizedTest
    @ValueSource(strings = {"baseline", "noise", "augmix"})
    void batchesAreTheSameForAnyWorkerCountAndEqualTheStepThreadAugmentation(String kind) {
        Options options = kind.equals("baseline") ? Options.EMPTY : Options.of("augmentation", kind);
        TrainingSpec spec = new TrainingSpec(kind.equals("baseline") ? "baseline" : "augmentation", "resnet18", 4, 0, 0,
                false, 3, BATCH, 0.05, SEED, 1, 0, 0, false, options);
        TrainingRecipe recipe = TrainingRecipe.of(options);
        TrainingData split = TrainingData.load(data, 0, 0, false, recipe.validationFraction(), SEED,
                TrainingAugmentation.of(spec, recipe));

        float[] expected = expectedPixels(kind, recipe);
        int[] expectedLabels = expectedLabels();
        assertThat(expected).hasSize(20 * TinyModels.SHAPE.size());
        for (int workers : new int[] {0, 1, 4}) {
            List<float[]> pixels = new ArrayList<>();
            List<int[]> labels = new ArrayList<>();
            try (BatchLoader loader = EpochLoop.epochLoader(split.train(), BATCH, workers, SEED, EPOCH)) {
                while (loader.hasNext()) {
                    try (Batch b = loader.next()) {
                        pixels.add(Arrays.copyOf(b.images().pixels(), b.count() * TinyModels.SHAPE.size()));
                        labels.add(b.images().labels().clone());
                    }
                }
            }
            assertThat(pixels).as("%d workers", workers).hasSize(5);
            assertThat(concat(pixels)).as("%d workers", workers).isEqualTo(expected);
            assertThat(labels.stream().flatMapToInt(Arrays::stream).toArray()).isEqualTo(expectedLabels);
        }
    }

    @org.junit.jupiter.api.Test
    void anUnreadableImageIsRefusedByDefaultAndLeftOutWithSkip() {
        Images images = trainImages();
        int bad = fisherYates(images.count(), Seeds.random(SEED, "epoch-order", EPOCH))[0]; // first of the epoch
        org.lowfreq.datasets.stream.ExampleSource broken = new org.lowfreq.datasets.stream.ExampleSource() {
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
                if (index == bad) {
                    throw new org.lowfreq.datasets.stream.UnreadableExampleException("train/n0/bad.JPEG", "not a JPEG", null);
                }
                System.arraycopy(images.pixels(), images.offset(index), dst, offset, images.shape().size());
            }

            @Override
            public String describe(int index) {
                return "image " + index;
            }
        };
        TrainingRecipe refuse = TrainingRecipe.of(Options.EMPTY);
        TrainingRecipe skip = TrainingRecipe.of(Options.of("on-unreadable", "skip"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
            try (BatchLoader loader = EpochLoop.epochLoader(broken, BATCH, 2, SEED, EPOCH, refuse.unreadable())) {
                while (loader.hasNext()) {
                    loader.next().close();
                }
            }
        }).isInstanceOf(org.lowfreq.spi.UserInputException.class).hasMessageContaining("train/n0/bad.JPEG");
        int seen = 0;
        try (BatchLoader loader = EpochLoop.epochLoader(broken, BATCH, 2, SEED, EPOCH, skip.unreadable())) {
            while (loader.hasNext()) {
                try (Batch b = loader.next()) {
                    seen += b.count();
                    assertThat(b.indices()).doesNotContain(bad);
                }
            }
            assertThat(loader.skipped()).containsExactly("train/n0/bad.JPEG");
        }
        assertThat(seen).isEqualTo(20 - 1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TrainingRecipe.of(Options.of("on-unreadable", "ignore")))
                .isInstanceOf(org.lowfreq.spi.UserInputException.class).hasMessageContaining("ignore");
    }

    /** The pre-loader trainer: split, epoch order, then per image crop/flip and the family's extra from one stream. */
    private float[] expectedPixels(String kind, TrainingRecipe recipe) {
        Images train = trainImages();
        ImageShape s = train.shape();
        int size = s.size();
        int[] order = fisherYates(train.count(), Seeds.random(SEED, "epoch-order", EPOCH));
        float[] out = new float[20 * size];
        for (int j = 0; j < 20; j++) {
            int idx = order[j];
            SplittableRandom rng = Seeds.random(SEED, "augment", EPOCH, idx);
            Augmenter.CIFAR.apply(train.pixels(), out, s.height(), s.width(), s.channels(), rng, idx * size, j * size);
            if (kind.equals("noise")) {
                double sigma = 0.1 * rng.nextDouble();
                for (int k = 0; k < size; k++) {
                    out[j * size + k] = (float) Math.min(1, Math.max(0, out[j * size + k] + sigma * rng.nextGaussian()));
                }
            } else if (kind.equals("augmix")) {
                new AugMix(recipe.augmixWidth(), recipe.augmixDepth(), recipe.augmixSeverity())
                        .apply(out, j * size, s.height(), s.width(), s.channels(), rng);
            }
        }
        return out;
    }

    private int[] expectedLabels() {
        Images train = trainImages();
        int[] order = fisherYates(train.count(), Seeds.random(SEED, "epoch-order", EPOCH));
        int[] out = new int[20];
        for (int j = 0; j < 20; j++) {
            out[j] = train.labels()[order[j]];
        }
        return out;
    }

    private Images trainImages() {
        Images all = data.readAll("train");
        int[] order = fisherYates(all.count(), Seeds.random(SEED, "train-validation-split"));
        int[] trainIdx = Arrays.copyOf(order, all.count() - 1);
        Arrays.sort(trainIdx);
        return all.select(trainIdx);
    }

    private static int[] fisherYates(int n, SplittableRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    private static float[] concat(List<float[]> parts) {
        int n = parts.stream().mapToInt(a -> a.length).sum();
        float[] out = new float[n];
        int at = 0;
        for (float[] a : parts) {
            System.arraycopy(a, 0, out, at, a.length);
            at += a.length;
        }
        return out;
    }
}
