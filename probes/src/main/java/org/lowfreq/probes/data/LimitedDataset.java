package org.lowfreq.probes.data;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.lowfreq.datasets.stream.ExampleSource;
import org.lowfreq.datasets.stream.StreamableDataset;
import org.lowfreq.datasets.stream.SubsetSource;
import org.lowfreq.spi.Dataset;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.UserInputException;

/**
 * {@code limit} images of one split of a data set ({@code --limit N}, {@code attack --n N}), as a
 * view: reads are passed to the data set, so a large limit materialises nothing. In-memory sets
 * (CIFAR, MNIST; their order is already mixed) keep their first N images; a streamable set (image
 * folders, listed class by class) keeps N images evenly spaced through the split and stays
 * streamable ({@link #of} returns a {@link StreamableDataset} then). Other splits are hidden, as
 * the command works on one.
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

    /** {@code limit} images of {@code split} (see above); the data set itself when the limit is 0 or covers the split. */
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

    /**
     * The view of a streamable data set (image folders). Folders list their images class by class,
     * so the first N would often all be one class, and a hybrid pairing or a targeted attack needs
     * several: this view takes N images evenly spaced through the split, index floor(i size / N),
     * in data set order.
     */
    static final class Streamable extends LimitedDataset implements StreamableDataset {
        private final int[] chosen;

        Streamable(StreamableDataset data, String split, int limit) {
            super(data, split, limit);
            this.chosen = spread(data.size(split), limit);
        }

        @Override
        public ExampleSource examples(String s, boolean training) {
            requireSplit(s);
            return new SubsetSource(((StreamableDataset) data()).examples(s, training), chosen);
        }

        @Override
        public String trainingAugmentation() {
            return ((StreamableDataset) data()).trainingAugmentation();
        }

        @Override
        public Images read(String s, int from, int count) {
            requireSplit(s);
            return ExampleSource.readRange(examples(s, false), from, count,
                    "the " + limit() + " images taken from split " + split() + " of " + data().name(), null);
        }

        @Override
        public int[] labels(String s) {
            requireSplit(s);
            int[] all = data().labels(s);
            int[] out = new int[chosen.length];
            for (int k = 0; k < chosen.length; k++) {
                out[k] = all[chosen[k]];
            }
            return out;
        }
    }

    /** {@code n} indices evenly spaced through {@code 0..size-1}: floor(i size / n), increasing. */
    static int[] spread(int size, int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = (int) ((long) i * size / n);
        }
        return out;
    }
}
