package org.lowfreq.tensorflow;

import java.util.Locale;
import java.util.SplittableRandom;

import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.ProgressListener;
import org.lowfreq.spi.Seeds;
import org.lowfreq.spi.TrainingSpec;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The trainer's epoch loop: one pass over the training images in a seeded order (augmentation, the
 * family's noise, AugMix or PGD examples, then a training step per batch), and the evaluation of
 * the inference network. Every random choice comes from (seed, epoch, image or step), so an epoch
 * redone after a resume makes the same choices.
 */
final class EpochLoop {
    private EpochLoop() {
    }

    /** One pass over the training images in a seeded order, with augmentation and the family's extras. */
    static void runEpoch(TrainingSpec spec, TrainingRecipe recipe, ModelGraph mg, Session session, Images train,
                                 int epoch, double lr, ProgressListener progress) {
        int n = train.count();
        ImageShape s = train.shape();
        int size = s.size();
        int[] order = TrainingData.permutation(n, Seeds.random(spec.seed(), "epoch-order", epoch));
        int batch = spec.batchSize();
        // drop a last batch of one image: batch norm cannot train on it
        int steps = n % batch == 1 ? n / batch : (n + batch - 1) / batch;
        progress.start(String.format(Locale.ROOT, "epoch %d/%d", epoch + 1, spec.epochs()), n);
        float[] buf = new float[batch * size];
        int[] labels = new int[batch];
        double lossSum = 0;
        long correct = 0;
        long seen = 0;
        long t0 = System.nanoTime();
        Augmenter augmenter = recipe.augmenter();
        AugMix augMix = new AugMix(recipe.augmixWidth(), recipe.augmixDepth(), recipe.augmixSeverity());
        boolean adversarial = spec.family().equals("adversarial");
        boolean augmentationFamily = spec.family().equals("augmentation");
        try (TFloat32 lrTensor = TFloat32.scalarOf((float) lr)) {
            for (int step = 0; step < steps; step++) {
                int from = step * batch;
                int m = Math.min(batch, n - from);
                for (int j = 0; j < m; j++) {
                    int idx = order[from + j];
                    labels[j] = train.labels()[idx];
                    SplittableRandom rng = Seeds.random(spec.seed(), "augment", epoch, idx);
                    if (recipe.augment()) {
                        augmenter.apply(train.pixels(), buf, s.height(), s.width(), s.channels(), rng,
                                idx * size, j * size);
                    } else {
                        System.arraycopy(train.pixels(), idx * size, buf, j * size, size);
                    }
                    if (augmentationFamily) {
                        if (recipe.augmentation().equals("noise")) {
                            addNoise(buf, j * size, size, recipe.noiseSigma() * rng.nextDouble(), rng);
                        } else {
                            augMix.apply(buf, j * size, s.height(), s.width(), s.channels(), rng);
                        }
                    }
                }
                if (adversarial) {
                    pgd(session, mg, buf, labels, m, s, recipe, Seeds.random(spec.seed(), "pgd", epoch, step));
                }
                try (TFloat32 x = Tensors.images(buf, 0, m, s.height(), s.width(), s.channels());
                     TInt32 y = Tensors.ints(labels, 0, m);
                     Result r = session.runner().feed(mg.images, x).feed(mg.labels, y).feed(mg.learningRate, lrTensor)
                             .addTarget(mg.trainStep).fetch(mg.trainLoss).fetch(mg.trainLogits).run()) {
                    lossSum += Tensors.scalar(r.get(0)) * m;
                    float[] logits = Tensors.floats(r.get(1));
                    correct += countCorrect(logits, labels, m);
                    seen += m;
                }
                progress.advance(m);
                double secs = (System.nanoTime() - t0) / 1e9;
                progress.status(String.format(Locale.ROOT, "loss=%.4f acc=%.4f img/s=%.0f lr=%.4g",
                        lossSum / seen, (double) correct / seen, seen / secs, lr));
            }
        }
        progress.finish();
    }

    static void addNoise(float[] buf, int offset, int size, double sigma, SplittableRandom rng) {
        for (int k = 0; k < size; k++) {
            buf[offset + k] = (float) Math.min(1, Math.max(0, buf[offset + k] + sigma * rng.nextGaussian()));
        }
    }

    /** Replaces the batch by PGD adversarial examples (Linf, random start, inference-mode gradients). */
    static void pgd(Session session, ModelGraph mg, float[] buf, int[] labels, int m, ImageShape s,
                            TrainingRecipe recipe, SplittableRandom rng) {
        int len = m * s.size();
        float eps = (float) recipe.pgdEpsilon();
        float alpha = (float) recipe.pgdStepSize();
        float[] clean = java.util.Arrays.copyOf(buf, len);
        for (int k = 0; k < len; k++) {
            buf[k] = clip(clean[k] + (float) ((rng.nextDouble() * 2 - 1) * eps), clean[k], eps);
        }
        float[] grad = new float[len];
        for (int step = 0; step < recipe.pgdSteps(); step++) {
            try (TFloat32 x = Tensors.images(buf, 0, m, s.height(), s.width(), s.channels());
                 TInt32 y = Tensors.ints(labels, 0, m);
                 Result r = session.runner().feed(mg.images, x).feed(mg.labels, y).fetch(mg.inputGradient).run()) {
                Tensors.floatsInto(r.get(0), grad, 0);
            }
            for (int k = 0; k < len; k++) {
                buf[k] = clip(buf[k] + alpha * Math.signum(grad[k]), clean[k], eps);
            }
        }
    }

    static float clip(float v, float centre, float eps) {
        return Math.min(1f, Math.max(0f, Math.min(centre + eps, Math.max(centre - eps, v))));
    }

    static long countCorrect(float[] logits, int[] labels, int m) {
        int k = logits.length / m;
        long correct = 0;
        for (int i = 0; i < m; i++) {
            int best = 0;
            for (int j = 1; j < k; j++) {
                if (logits[i * k + j] > logits[i * k + best]) {
                    best = j;
                }
            }
            if (best == labels[i]) {
                correct++;
            }
        }
        return correct;
    }

    /** Mean cross-entropy and accuracy of the inference network. */
    static double[] evaluate(Session session, ModelGraph mg, Images images, int batch) {
        ImageShape s = images.shape();
        double loss = 0;
        long correct = 0;
        int[] labels = images.labels();
        for (int from = 0; from < images.count(); from += batch) {
            int m = Math.min(batch, images.count() - from);
            try (TFloat32 x = Tensors.images(images.pixels(), from, m, s.height(), s.width(), s.channels());
                 TInt32 y = Tensors.ints(labels, from, m);
                 Result r = session.runner().feed(mg.images, x).feed(mg.labels, y)
                         .fetch(mg.perImageLoss).fetch(mg.logits).run()) {
                for (float v : Tensors.floats(r.get(0))) {
                    loss += v;
                }
                correct += countCorrect(Tensors.floats(r.get(1)), java.util.Arrays.copyOfRange(labels, from, from + m), m);
            }
        }
        return new double[] {loss / images.count(), (double) correct / images.count()};
    }
}
