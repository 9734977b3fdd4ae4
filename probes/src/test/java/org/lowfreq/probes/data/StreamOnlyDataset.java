package org.lowfreq.probes.data;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.lowfreq.datasets.stream.ExampleSource;
import org.lowfreq.datasets.stream.ImagesSource;
import org.lowfreq.datasets.stream.StreamableDataset;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Images;

/**
 * A streamable data set over images held by the test that refuses every range read larger than
 * {@code maxRead} images (and so every {@code readAll}): a consumer that materialises a split fails.
 * Counts the reads it served.
 */
public final class StreamOnlyDataset implements StreamableDataset {
    private final String name;
    private final List<String> classNames;
    private final Map<String, Images> splits;
    private final int maxRead;
    public final AtomicInteger reads = new AtomicInteger();

    public StreamOnlyDataset(String name, List<String> classNames, Map<String, Images> splits, int maxRead) {
        this.name = name;
        this.classNames = classNames;
        this.splits = Map.copyOf(splits);
        this.maxRead = maxRead;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    @Override
    public ImageShape shape() {
        return splits.values().iterator().next().shape();
    }

    @Override
    public List<String> splits() {
        return splits.keySet().stream().sorted().toList();
    }

    @Override
    public int size(String split) {
        requireSplit(split);
        return splits.get(split).count();
    }

    @Override
    public int[] labels(String split) {
        requireSplit(split);
        return splits.get(split).labels().clone();
    }

    @Override
    public Images read(String split, int from, int count) {
        if (count > maxRead) {
            throw new IllegalStateException("read of " + count + " images of " + split + " (bound " + maxRead
                    + "): a consumer materialises the split");
        }
        reads.incrementAndGet();
        return splits.get(split).slice(from, from + count);
    }

    @Override
    public ExampleSource examples(String split, boolean training) {
        requireSplit(split);
        return ImagesSource.of(splits.get(split), name + " " + split);
    }

    @Override
    public String trainingAugmentation() {
        return "none";
    }
}
