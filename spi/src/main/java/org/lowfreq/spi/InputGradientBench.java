package org.lowfreq.spi;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The input-gradient workload of {@code lowfreq bench}: back-to-back cross-entropy
 * {@link Classifier#lossGradient} calls on one full batch of seeded random images (uniform in
 * [0, 1], random classes), {@code warmup} untimed then {@code steps} timed, in images per second.
 * One piece of code for both users, so that {@code lowfreq attack}'s reference rate is literally
 * the figure {@code lowfreq bench <backend>} prints: the bench runs it on a fresh network of the
 * architecture, the attack on the attacked model (same graph, other weights; the cost of a
 * gradient does not depend on the weights' values).
 *
 * @param batch  images per call (the bench's {@code --batch-size})
 * @param warmup untimed calls first (graph optimisation, JIT, buffer allocation)
 * @param steps  timed calls
 */
public record InputGradientBench(int batch, int warmup, int steps) {
    /** The defaults of {@code lowfreq bench tensorflow} ({@code --batch-size 128 --warmup 2 --steps 10}). */
    public static final InputGradientBench DEFAULT = new InputGradientBench(128, 2, 10);

    public InputGradientBench {
        if (batch < 1 || warmup < 0 || steps < 1) {
            throw new IllegalArgumentException("batch " + batch + ", warmup " + warmup + ", steps " + steps);
        }
    }

    /** The measured rate and how it was measured, for printing. */
    public record Rate(double imagesPerSecond, InputGradientBench bench) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.1f images/s (batch %d, %d timed calls after %d warm-up)",
                    imagesPerSecond, bench.batch(), bench.steps(), bench.warmup());
        }
    }

    /** Times the model's input gradient on {@link #batch} random images of its input shape. */
    public Rate measure(Classifier model) {
        ImageShape shape = model.card().inputShape();
        SplittableRandom rng = new SplittableRandom(0);
        float[] px = new float[batch * shape.size()];
        for (int i = 0; i < px.length; i++) {
            px[i] = (float) rng.nextDouble();
        }
        int[] classes = new int[batch];
        for (int i = 0; i < batch; i++) {
            classes[i] = rng.nextInt(model.card().classCount());
        }
        Images x = new Images(batch, shape, px);
        for (int i = 0; i < warmup; i++) {
            model.lossGradient(x, classes, Loss.CROSS_ENTROPY);
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < steps; i++) {
            model.lossGradient(x, classes, Loss.CROSS_ENTROPY);
        }
        return new Rate((double) steps * batch / ((System.nanoTime() - t0) / 1e9), this);
    }
}
