package org.lowfreq.tensorflow;

import java.util.Locale;
import java.util.SplittableRandom;

import org.lowfreq.datasets.stream.Batch;
import org.lowfreq.datasets.stream.BatchLoader;
import org.lowfreq.datasets.stream.ExampleSource;
import org.lowfreq.datasets.stream.LoaderSettings;
import org.lowfreq.datasets.stream.UnreadablePolicy;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.ProgressListener;
import org.lowfreq.spi.Seeds;
import org.lowfreq.spi.TrainingSpec;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The trainer's epoch loop: one pass over the training examples in a seeded order, fed by a
 * {@link BatchLoader} whose workers make (augment) the next batches while the step runs; PGD
 * examples, which need the model, are made on the step thread. Every random choice comes from
 * (seed, epoch, example or step), so an epoch redone after a resume makes the same choices, and the
 * batches are the same for any number of loader workers. Also the evaluation of the inference
 * network, streamed the same way.
 */
final class EpochLoop {
    private EpochLoop() {
    }

    /**
     * Where an epoch's time went: waiting for the loader's next batch, in the training step (PGD
     * included), and in total; the rest is the loop's own bookkeeping and the progress report.
     */
    record EpochTimes(double waitSeconds, double stepSeconds, double totalSeconds) {
        static final EpochTimes ZERO = new EpochTimes(0, 0, 0);

        EpochTimes plus(EpochTimes o) {
            return new EpochTimes(waitSeconds + o.waitSeconds, stepSeconds + o.stepSeconds, totalSeconds + o.totalSeconds);
        }

        /** Short enough for the end of a progress bar: the shares of the epoch (the seconds go to the card). */
        String describe() {
            return String.format(Locale.ROOT, "wait %.1f%% step %.1f%%", percent(waitSeconds), percent(stepSeconds));
        }

        private double percent(double s) {
            return totalSeconds > 0 ? 100 * s / totalSeconds : 0;
        }
    }

    /**
     * The loader of an epoch's training batches: the examples in the epoch's seeded order, example i
     * augmented from {@code Seeds.random(seed, "augment", epoch, i)}; a last batch of one image is
     * left out (batch norm cannot train on it).
     */
    static BatchLoader epochLoader(ExampleSource train, int batch, int workers, long seed, int epoch) {
        return epochLoader(train, batch, workers, seed, epoch, UnreadablePolicy.REFUSE);
    }

    /** As above; an unreadable image is refused or left out and reported, as {@code unreadable} says. */
    static BatchLoader epochLoader(ExampleSource train, int batch, int workers, long seed, int epoch,
                                   UnreadablePolicy unreadable) {
        int n = train.size();
        int[] order = TrainingData.permutation(n, Seeds.random(seed, "epoch-order", epoch));
        if (n % batch == 1 && n > 1) {
            order = java.util.Arrays.copyOf(order, n - 1);
        }
        return new BatchLoader(train, order, LoaderSettings.of(batch, workers, seed, "augment", epoch).withUnreadable(unreadable),
                EpochLoop::reportSkipped);
    }

    /** A skipped image goes to the run's log by path: never dropped silently. */
    static void reportSkipped(String message) {
        System.err.println("warning: skipped (--on-unreadable skip): " + message);
    }

    /**
     * One pass over the training examples in a seeded order, with augmentation and the family's
     * extras. Starts the epoch's progress task and leaves it open for the caller's summary.
     */
    static EpochTimes runEpoch(TrainingSpec spec, TrainingRecipe recipe, ModelGraph mg, int classes, Session session,
                               ExampleSource train, int epoch, double lr, ProgressListener progress) {
        ImageShape s = train.shape();
        int batch = spec.batchSize();
        long waitNanos = 0;
        long stepNanos = 0;
        long t0 = System.nanoTime();
        double lossSum = 0;
        long correct = 0;
        long seen = 0;
        boolean adversarial = spec.family().equals("adversarial");
        float[] logits = new float[batch * classes];
        try (BatchLoader loader = epochLoader(train, batch, recipe.loaderWorkers(), spec.seed(), epoch, recipe.unreadable());
             TFloat32 lrTensor = TFloat32.scalarOf((float) lr)) {
            progress.start(String.format(Locale.ROOT, "epoch %d/%d", epoch + 1, spec.epochs()),
                    Math.min(train.size(), (long) loader.batchCount() * batch));
            for (int step = 0; loader.hasNext(); step++) {
                long asked = System.nanoTime();
                try (Batch b = loader.next()) {
                    long started = System.nanoTime();
                    waitNanos += started - asked;
                    int m = b.count();
                    if (m < 2) {
                        // unreadable images skipped (--on-unreadable skip) left fewer than batch norm can
                        // train on: the batch is left out, as a last batch of one is
                        continue;
                    }
                    float[] buf = b.images().pixels();
                    int[] labels = b.images().labels();
                    if (adversarial) {
                        pgd(session, mg, buf, labels, m, s, recipe, Seeds.random(spec.seed(), "pgd", epoch, step));
                    }
                    try (TFloat32 x = Tensors.images(buf, 0, m, s.height(), s.width(), s.channels());
                         TInt32 y = Tensors.ints(labels, 0, m);
                         Result r = session.runner().feed(mg.images, x).feed(mg.labels, y).feed(mg.learningRate, lrTensor)
                                 .addTarget(mg.trainStep).fetch(mg.trainLoss).fetch(mg.trainLogits).run()) {
                        lossSum += Tensors.scalar(r.get(0)) * m;
                        Tensors.floatsInto(r.get(1), logits, 0, m * classes);
                        correct += countCorrect(logits, classes, labels, m);
                        seen += m;
                    }
                    stepNanos += System.nanoTime() - started;
                    progress.advance(m);
                }
                double secs = (System.nanoTime() - t0) / 1e9;
                progress.status(String.format(Locale.ROOT, "loss=%.4f acc=%.4f img/s=%.0f lr=%.4g",
                        lossSum / seen, (double) correct / seen, seen / secs, lr));
            }
        }
        // the bar stays open: the trainer adds the validation result and the time split, then closes it
        return new EpochTimes(waitNanos / 1e9, stepNanos / 1e9, (System.nanoTime() - t0) / 1e9);
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
        return countCorrect(logits, logits.length / m, labels, m);
    }

    /** Correct top-1 answers among the first {@code m} rows of {@code k} logits (the array may be longer). */
    static long countCorrect(float[] logits, int k, int[] labels, int m) {
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

    /**
     * Mean cross-entropy and accuracy of the inference network on {@code images}, streamed in
     * batches of {@code batch} made ahead by the loader's workers; the loss and logit arrays are
     * reused from batch to batch.
     */
    static double[] evaluate(Session session, ModelGraph mg, int classes, ExampleSource images, int batch, int workers) {
        return evaluate(session, mg, classes, images, batch, workers, UnreadablePolicy.REFUSE);
    }

    /** As above; with {@code skip}, an unreadable image is left out of the means and reported. */
    static double[] evaluate(Session session, ModelGraph mg, int classes, ExampleSource images, int batch, int workers,
                             UnreadablePolicy unreadable) {
        ImageShape s = images.shape();
        double loss = 0;
        long correct = 0;
        float[] perImage = new float[batch];
        float[] logits = new float[batch * classes];
        long seen = 0;
        try (BatchLoader loader = BatchLoader.sequential(images,
                LoaderSettings.of(batch, workers, 0, "evaluate", 0).withUnreadable(unreadable), EpochLoop::reportSkipped)) {
            while (loader.hasNext()) {
                try (Batch b = loader.next()) {
                    int m = b.count();
                    if (m == 0) {
                        continue; // every image of the batch was unreadable and skipped
                    }
                    seen += m;
                    try (TFloat32 x = Tensors.images(b.images().pixels(), 0, m, s.height(), s.width(), s.channels());
                         TInt32 y = Tensors.ints(b.images().labels(), 0, m);
                         Result r = session.runner().feed(mg.images, x).feed(mg.labels, y)
                                 .fetch(mg.perImageLoss).fetch(mg.logits).run()) {
                        Tensors.floatsInto(r.get(0), perImage, 0, m);
                        for (int i = 0; i < m; i++) {
                            loss += perImage[i];
                        }
                        Tensors.floatsInto(r.get(1), logits, 0, m * classes);
                        correct += countCorrect(logits, classes, b.images().labels(), m);
                    }
                }
            }
        }
        if (seen == 0) {
            throw new org.lowfreq.spi.UserInputException("no image of " + images.describe(0) + "'s split could be read");
        }
        return new double[] {loss / seen, (double) correct / seen};
    }
}
