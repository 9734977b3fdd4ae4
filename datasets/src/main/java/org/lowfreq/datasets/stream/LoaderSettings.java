package org.lowfreq.datasets.stream;

import org.lowfreq.spi.UserInputException;

/**
 * How a {@link BatchLoader} runs.
 *
 * @param batchSize    images per batch
 * @param workers      worker threads (0 = produce on the calling thread, no prefetch)
 * @param queueBatches batches alive at once (being made, waiting, or held by the consumer); at
 *                     least the number of workers, so every worker can have one in hand
 * @param seed         the seed of every example's random stream
 * @param stream       the name of the random stream, e.g. {@code augment}; with the epoch and the
 *                     example index it fixes the example's augmentation
 * @param epoch        the epoch (a different augmentation each epoch)
 * @param unreadable   what to do with an unreadable example
 */
public record LoaderSettings(int batchSize, int workers, int queueBatches, long seed, String stream, int epoch,
                             UnreadablePolicy unreadable) {
    public LoaderSettings {
        if (batchSize < 1) {
            throw new UserInputException("batch size must be >= 1, got " + batchSize);
        }
        if (workers < 0) {
            throw new UserInputException("loader workers must be >= 0, got " + workers);
        }
        if (queueBatches < Math.max(1, workers)) {
            throw new UserInputException("the loader queue (" + queueBatches + " batches) must hold at least one batch per worker ("
                    + workers + ")", "raise the queue size or use fewer workers");
        }
    }

    /** Defaults for {@code workers} workers: a queue of two batches per worker (at least 2), refuse unreadable images. */
    public static LoaderSettings of(int batchSize, int workers, long seed, String stream, int epoch) {
        return new LoaderSettings(batchSize, workers, Math.max(2, 2 * workers), seed, stream, epoch, UnreadablePolicy.REFUSE);
    }

    public LoaderSettings withUnreadable(UnreadablePolicy policy) {
        return new LoaderSettings(batchSize, workers, queueBatches, seed, stream, epoch, policy);
    }

    public LoaderSettings withEpoch(int newEpoch) {
        return new LoaderSettings(batchSize, workers, queueBatches, seed, stream, newEpoch, unreadable);
    }
}
