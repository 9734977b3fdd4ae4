package org.lowfreq.probes.data;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

import org.lowfreq.datasets.stream.Batch;
import org.lowfreq.datasets.stream.BatchLoader;
import org.lowfreq.datasets.stream.ExampleOrder;
import org.lowfreq.datasets.stream.ExampleSource;
import org.lowfreq.datasets.stream.LoaderSettings;
import org.lowfreq.datasets.stream.StreamableDataset;
import org.lowfreq.spi.Dataset;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.UserInputException;

/**
 * Streams the images of a data set split in batches, in any order: the one helper every consumer of
 * a split uses (probes, eval, attack subsets, corrupt). A {@link StreamableDataset} is streamed from
 * its evaluation view ({@code examples(split, false)}) by a {@link BatchLoader}, which decodes on
 * worker threads ahead of the consumer; any other data set is read through {@link Dataset#read} in
 * runs of consecutive indices, never more than one batch per call. Either way memory holds a bounded
 * number of batches, never the split.
 */
public final class SplitStream {
    /** The random stream name of evaluation loaders (the evaluation view ignores it). */
    private static final String STREAM = "evaluate";

    private SplitStream() {
    }

    /**
     * Batches of the images {@code order[0], order[1], ...} of a split.
     *
     * @param workers decoding threads for a streamable data set (0 = decode on the calling thread)
     */
    public static BatchStream open(Dataset data, String split, int[] order, int batchSize, int workers) {
        Objects.requireNonNull(order);
        data.requireSplit(split);
        int n = data.size(split);
        for (int i : order) {
            if (i < 0 || i >= n) {
                throw new UserInputException("image " + i + " is outside split " + split + " of " + data.name()
                        + " (" + n + " images)");
            }
        }
        if (data instanceof StreamableDataset s) {
            return loader(s.examples(split, false), order, batchSize, workers);
        }
        return new ChunkStream(data, split, order.clone(), Math.max(1, batchSize));
    }

    /** Batches of the first {@code count} images of a split, in order. */
    public static BatchStream first(Dataset data, String split, int count, int batchSize, int workers) {
        return open(data, split, ExampleOrder.sequential(count), batchSize, workers);
    }

    /** Batches of an example source (e.g. a -C split converted to grayscale), in the given order. */
    public static BatchStream loader(ExampleSource source, int[] order, int batchSize, int workers) {
        LoaderSettings settings = LoaderSettings.of(Math.max(1, batchSize), Math.max(0, workers), 0, STREAM, 0);
        return new LoaderStream(new BatchLoader(source, order, settings, null));
    }

    /**
     * The images at {@code indices}, in that order, in one batch: for bounded subsets only (an attack's
     * {@code --n} images, the examples of a figure), never a whole split.
     */
    public static Images read(Dataset data, String split, int[] indices, int workers) {
        if (indices.length == 0) {
            throw new UserInputException("no images asked of split " + split + " of " + data.name());
        }
        List<Images> parts = new ArrayList<>();
        try (BatchStream s = open(data, split, indices, 256, workers)) {
            while (s.hasNext()) {
                try (Batch b = s.next()) {
                    parts.add(copy(b.images()));
                }
            }
        }
        return parts.size() == 1 ? parts.get(0) : Images.concat(parts);
    }

    /** The first {@code count} images of a split in one batch (a bounded subset, e.g. an attack's {@code --n}). */
    public static Images readFirst(Dataset data, String split, int count, int workers) {
        return read(data, split, ExampleOrder.sequential(count), workers);
    }

    /** A batch's images, detached from the loader's pooled buffer (which is reused once the batch is closed). */
    public static Images copy(Images images) {
        return new Images(images.count(), images.shape(), images.pixels().clone(),
                images.labels() == null ? null : images.labels().clone());
    }

    /** A {@link BatchLoader} seen as a {@link BatchStream}. */
    private record LoaderStream(BatchLoader loader) implements BatchStream {
        @Override
        public boolean hasNext() {
            return loader.hasNext();
        }

        @Override
        public Batch next() {
            return loader.next();
        }

        @Override
        public void close() {
            loader.close();
        }
    }

    /** Reads a data set that is not streamable through {@link Dataset#read}, one run of consecutive indices at a time. */
    private static final class ChunkStream implements BatchStream {
        private final Dataset data;
        private final String split;
        private final int[] order;
        private final int batchSize;
        private int next;
        private int number;

        ChunkStream(Dataset data, String split, int[] order, int batchSize) {
            this.data = data;
            this.split = split;
            this.order = order;
            this.batchSize = batchSize;
        }

        @Override
        public boolean hasNext() {
            return next < order.length;
        }

        @Override
        public Batch next() {
            if (!hasNext()) {
                throw new NoSuchElementException("all " + order.length + " images delivered");
            }
            int from = next;
            int to = Math.min(order.length, from + batchSize);
            next = to;
            int count = to - from;
            int[] indices = java.util.Arrays.copyOfRange(order, from, to);
            Images out;
            int run = runLength(indices, 0);
            if (run == count) {
                out = data.read(split, indices[0], count); // the common case: one contiguous read
            } else {
                int size = data.shape().size();
                float[] pixels = new float[count * size];
                int[] labels = new int[count];
                for (int j = 0; j < count; j += run) {
                    run = runLength(indices, j);
                    Images part = data.read(split, indices[j], run);
                    System.arraycopy(part.pixels(), 0, pixels, j * size, run * size);
                    if (!part.hasLabels()) {
                        throw new UserInputException("split " + split + " of " + data.name() + " has no labels");
                    }
                    System.arraycopy(part.labels(), 0, labels, j, run);
                }
                out = new Images(count, data.shape(), pixels, labels);
            }
            return new Batch(number++, out, indices, List.of(), () -> { });
        }

        /** Length of the run of consecutive indices starting at {@code j}. */
        private static int runLength(int[] indices, int j) {
            int k = j + 1;
            while (k < indices.length && indices[k] == indices[k - 1] + 1) {
                k++;
            }
            return k - j;
        }

        @Override
        public void close() {
        }
    }
}
