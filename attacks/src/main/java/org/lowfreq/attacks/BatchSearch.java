package org.lowfreq.attacks;

import org.lowfreq.spi.Classifier;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.ProgressListener;

/** One way of searching the minimal epsilon of a batch of images ({@link SearchProtocol}). */
interface BatchSearch {
    /**
     * Attacks {@code x} towards {@code targets}; image k of the batch is image {@code from + k} of
     * the data set, which keys its random starts (never the batch).
     */
    BatchStore.Batch attack(Classifier model, Images x, int[] targets, int from, ProgressListener progress);

    static BatchSearch of(ProtocolSettings settings) {
        return switch (settings.protocol()) {
            case SWEEP -> new SweepSearch(settings);
            case BISECTION -> new BisectionSearch(settings);
        };
    }

    /** Data-set indices of a batch. */
    static long[] ids(int from, int count) {
        long[] ids = new long[count];
        for (int i = 0; i < count; i++) {
            ids[i] = from + i;
        }
        return ids;
    }
}
