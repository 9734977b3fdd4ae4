package org.lowfreq.tensorflow;

import java.util.SplittableRandom;

import org.lowfreq.datasets.stream.ExampleSource;
import org.lowfreq.datasets.stream.ExampleTransform;
import org.lowfreq.spi.ImageShape;

/**
 * The per-example training augmentation a run applies on the loader's worker threads: the base
 * augmentation (the CIFAR crop and flip of {@link Augmenter} for in-memory sets, the data set's own
 * for streamed ones), then the augmentation family's extra (Gaussian noise or AugMix), both drawn
 * from the example's one random stream in that order, as the trainer always has. PGD examples
 * need the model, so they are made on the step thread instead.
 *
 * @param augmenter the crop and flip of in-memory sets (null = none)
 * @param family    the family's extra: {@code none}, {@code noise} or {@code augmix}
 */
record TrainingAugmentation(Augmenter augmenter, String family, double noiseSigma, AugMix augMix) {

    static TrainingAugmentation of(org.lowfreq.spi.TrainingSpec spec, TrainingRecipe recipe) {
        String family = spec.family().equals("augmentation") ? recipe.augmentation() : "none";
        return new TrainingAugmentation(recipe.augment() ? recipe.augmenter() : null, family, recipe.noiseSigma(),
                new AugMix(recipe.augmixWidth(), recipe.augmixDepth(), recipe.augmixSeverity()));
    }

    /** The whole per-example transform of an in-memory set: crop and flip, then the family's extra. */
    ExampleTransform transform() {
        return (src, srcOffset, dst, dstOffset, shape, rng) -> {
            if (augmenter != null) {
                augmenter.apply(src, dst, shape.height(), shape.width(), shape.channels(), rng, srcOffset, dstOffset);
            } else {
                System.arraycopy(src, srcOffset, dst, dstOffset, shape.size());
            }
            applyFamily(dst, dstOffset, shape, rng);
        };
    }

    /** A streamed set's training view with the family's extra applied after the set's own augmentation. */
    ExampleSource withFamily(ExampleSource base) {
        if (family.equals("none")) {
            return base;
        }
        return new ExampleSource() {
            @Override
            public int size() {
                return base.size();
            }

            @Override
            public ImageShape shape() {
                return base.shape();
            }

            @Override
            public int label(int index) {
                return base.label(index);
            }

            @Override
            public void produce(int index, SplittableRandom rng, float[] dst, int offset) {
                base.produce(index, rng, dst, offset);
                applyFamily(dst, offset, base.shape(), rng);
            }

            @Override
            public String describe(int index) {
                return base.describe(index);
            }
        };
    }

    private void applyFamily(float[] img, int offset, ImageShape s, SplittableRandom rng) {
        switch (family) {
            case "noise" -> addNoise(img, offset, s.size(), noiseSigma * rng.nextDouble(), rng);
            case "augmix" -> augMix.apply(img, offset, s.height(), s.width(), s.channels(), rng);
            default -> { }
        }
    }

    static void addNoise(float[] buf, int offset, int size, double sigma, SplittableRandom rng) {
        for (int k = 0; k < size; k++) {
            buf[offset + k] = (float) Math.min(1, Math.max(0, buf[offset + k] + sigma * rng.nextGaussian()));
        }
    }
}
