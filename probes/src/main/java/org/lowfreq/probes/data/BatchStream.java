package org.lowfreq.probes.data;

import org.lowfreq.datasets.stream.Batch;

/**
 * Batches of a data set split, in a given order, made on demand: the one way probes and commands
 * walk a split, so memory stays bounded whatever the split's size. Close each batch when done
 * (it may hold a pooled buffer), and the stream when finished (it may own worker threads).
 */
public interface BatchStream extends AutoCloseable {
    boolean hasNext();

    /**
     * The next batch: the next {@code batchSize} indices of the order (fewer at the end).
     *
     * @throws org.lowfreq.spi.UserInputException naming the file when an example cannot be read
     */
    Batch next();

    @Override
    void close();
}
