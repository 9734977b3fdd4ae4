package org.lowfreq.datasets.stream;

import java.util.List;

import org.lowfreq.spi.Images;

/**
 * One batch from a {@link BatchLoader}. Close it when done: its pixel buffer goes back to the
 * loader's pool, which is what keeps the number of live images bounded.
 *
 * @param number  position of the batch in the loader's order (0, 1, ...)
 * @param images  the examples, labelled, in order; fewer than the batch size when some were skipped
 *                or at the end
 * @param indices each image's example index in its {@link ExampleSource}
 * @param skipped descriptions of the examples left out (unreadable, with {@link UnreadablePolicy#SKIP})
 */
public record Batch(int number, Images images, int[] indices, List<String> skipped, Runnable release)
        implements AutoCloseable {
    public Batch {
        skipped = List.copyOf(skipped);
    }

    public int count() {
        return images.count();
    }

    @Override
    public void close() {
        release.run();
    }
}
