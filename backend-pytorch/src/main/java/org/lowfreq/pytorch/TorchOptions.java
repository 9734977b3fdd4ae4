package org.lowfreq.pytorch;

import org.lowfreq.spi.UserInputException;

/**
 * How libtorch runs: its intra-op thread count (0 = libtorch's default, one per core) and the batch
 * size the classifier splits its input into. The thread count is process-wide in libtorch, so the
 * last model opened with a non-zero count sets it for all.
 */
public record TorchOptions(int threads, int batchSize) {
    public static final TorchOptions DEFAULT = new TorchOptions(0, 128);

    public TorchOptions {
        if (threads < 0) {
            throw new UserInputException("thread count must be >= 0 (0 = libtorch's default), got " + threads);
        }
        if (batchSize < 1) {
            throw new UserInputException("batch size must be >= 1, got " + batchSize);
        }
    }

    /** Options for {@code threads} compute threads (0 = default) and the default batch size. */
    public static TorchOptions threads(int threads) {
        return new TorchOptions(threads, DEFAULT.batchSize());
    }
}
