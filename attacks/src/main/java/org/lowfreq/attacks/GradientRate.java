package org.lowfreq.attacks;

import org.lowfreq.spi.Classifier;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.Loss;

/**
 * The model's plain input-gradient rate: images per second of back-to-back
 * {@link Classifier#lossGradient} calls on one batch, nothing else in between. An attack's own
 * image-gradients per second, divided by this, says how much of the backend's speed the protocol's
 * bookkeeping (forward checks, projections, batch changes) leaves unused (issue 17).
 */
public final class GradientRate {
    private GradientRate() {
    }

    /**
     * Images per second over {@code calls} timed calls on the first {@code batch} images (towards
     * {@code targets}), after {@code warmup} untimed ones.
     */
    public static double imagesPerSecond(Classifier model, Images images, int[] targets, int batch, int warmup, int calls) {
        int b = Math.max(1, Math.min(batch, images.count()));
        Images x = images.slice(0, b);
        int[] t = java.util.Arrays.copyOf(targets, b);
        for (int i = 0; i < warmup; i++) {
            model.lossGradient(x, t, Loss.CROSS_ENTROPY);
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            model.lossGradient(x, t, Loss.CROSS_ENTROPY);
        }
        return (double) calls * b / ((System.nanoTime() - t0) / 1e9);
    }
}
