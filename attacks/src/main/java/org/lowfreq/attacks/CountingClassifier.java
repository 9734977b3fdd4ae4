package org.lowfreq.attacks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.lowfreq.spi.Capability;
import org.lowfreq.spi.Classifier;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.Logits;
import org.lowfreq.spi.Loss;
import org.lowfreq.spi.LossGradient;
import org.lowfreq.spi.ModelCard;

/** Counts the images passed through a classifier (forward and gradient), for speed figures. Does not own the model. */
final class CountingClassifier implements Classifier {
    private final Classifier inner;
    final AtomicLong forwardImages = new AtomicLong();
    final AtomicLong gradientImages = new AtomicLong();
    /** Wall time inside the wrapped model's calls: the rest of an attack's time is its own bookkeeping. */
    final AtomicLong gradientNanos = new AtomicLong();
    final AtomicLong forwardNanos = new AtomicLong();
    /** The size of every gradient call, in order (how full the batches were). */
    final List<Integer> gradientBatches = Collections.synchronizedList(new ArrayList<>());
    /** The wall time of every gradient call, in the same order. */
    final List<Long> gradientCallNanos = Collections.synchronizedList(new ArrayList<>());

    CountingClassifier(Classifier inner) {
        this.inner = inner;
    }

    @Override
    public ModelCard card() {
        return inner.card();
    }

    @Override
    public Set<Capability> capabilities() {
        return inner.capabilities();
    }

    @Override
    public Logits logits(Images images) {
        forwardImages.addAndGet(images.count());
        long t0 = System.nanoTime();
        try {
            return inner.logits(images);
        } finally {
            forwardNanos.addAndGet(System.nanoTime() - t0);
        }
    }

    @Override
    public LossGradient lossGradient(Images images, int[] classes, Loss loss) {
        gradientImages.addAndGet(images.count());
        gradientBatches.add(images.count());
        long t0 = System.nanoTime();
        try {
            return inner.lossGradient(images, classes, loss);
        } finally {
            long dt = System.nanoTime() - t0;
            gradientNanos.addAndGet(dt);
            gradientCallNanos.add(dt);
        }
    }

    @Override
    public int preferredBatchSize() {
        return inner.preferredBatchSize();
    }

    @Override
    public void close() {
        // the caller owns the wrapped model
    }
}
