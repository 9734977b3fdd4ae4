package org.lowfreq.probes.data;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.lowfreq.datasets.stream.ExampleSource;
import org.lowfreq.datasets.stream.StreamableDataset;
import org.lowfreq.spi.Dataset;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.UserInputException;

/**
 * The first {@code limit} images of one split of a data set ({@code --limit N}), as a view: reads are
 * passed to the data set, so a large limit materialises nothing. A streamable data set stays
 * streamable ({@link #of} returns a {@link StreamableDataset} then). Other splits are hidden, as the
 * command works on one.
 */
public class LimitedDataset implements Dataset {
    private final Dataset data;
    private final String split;
    private final int limit;

    LimitedDataset(Dataset data, String split, int limit) {
        data.requireSplit(split);
        if (limit < 1 || limit > data.size(split)) {
            throw new IllegalArgumentException("limit " + limit + " outside 1.." + data.size(split));
        }
        this.data = data;
        this.split = split;
        this.limit = limit;
    }

    /** The first {@code limit} images of {@code split}; the data set itself when the limit is 0 or covers the split. */
    public static Dataset of(Dataset data, String split, int limit) {
        data.requireSplit(split);
        if (limit <= 0 || limit >= data.size(split)) {
            return data;
        }
        return data instanceof StreamableDataset s ? new Streamable(s, split, limit) : new LimitedDataset(data, split, limit);
    }

    @Override
    public String name() {
        return data.name();
    }

    @Override
    public List<String> classNames() {
        return data.classNames();
    }

    @Override
    public ImageShape shape() {
        return data.shape();
    }

    @Override
    public List<String> splits() {
        return List.of(split);
    }

    @Override
    public int size(String s) {
        requireSplit(s);
        return limit;
    }

    @Override
    public Images read(String s, int from, int count) {
        requireSplit(s);
        if (from < 0 || count < 0 || from + count > limit) {
            throw new UserInputException("images [" + from + ", " + (from + count) + ") are outside the first " + limit
                    + " images of split " + split + " of " + data.name());
        }
        return data.read(s, from, count);
    }

    @Override
    public int[] labels(String s) {
        requireSplit(s);
        return Arrays.copyOf(data.labels(s), limit);
    }

    Dataset data() {
        return data;
    }

    String split() {
        return split;
    }

    int limit() {
        return limit;
    }

    /** The view of a streamable data set: its examples cut to the first {@code limit}. */
    static final class Streamable extends LimitedDataset implements StreamableDataset {
        Streamable(StreamableDataset data, String split, int limit) {
            super(data, split, limit);
        }

        @Override
        public ExampleSource examples(String s, boolean training) {
            requireSplit(s);
            return new Prefix(((StreamableDataset) data()).examples(s, training), limit());
        }

        @Override
        public String trainingAugmentation() {
            return ((StreamableDataset) data()).trainingAugmentation();
        }
    }

    /** The first {@code n} examples of a source. */
    private record Prefix(ExampleSource source, int n) implements ExampleSource {
        @Override
        public int size() {
            return n;
        }

        @Override
        public ImageShape shape() {
            return source.shape();
        }

        @Override
        public int label(int index) {
            java.util.Objects.checkIndex(index, n);
            return source.label(index);
        }

        @Override
        public void produce(int index, SplittableRandom rng, float[] dst, int offset) {
            java.util.Objects.checkIndex(index, n);
            source.produce(index, rng, dst, offset);
        }

        @Override
        public String describe(int index) {
            return source.describe(index);
        }
    }
}
