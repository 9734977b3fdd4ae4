package org.lowfreq.spi;

import java.util.List;

/**
 * An opened data set: named splits of labelled images, read in ranges so that large sets need
 * not fit in memory. Implementations verify their files when opened and refuse partial loads.
 */
public interface Dataset {
    /** Stable name, e.g. {@code cifar10}. */
    String name();

    /** Class names, index = label. */
    List<String> classNames();

    ImageShape shape();

    /** Split names, e.g. {@code train} and {@code test}. */
    List<String> splits();

    /** Number of images in a split; throws {@link UserInputException} for an unknown split. */
    int size(String split);

    /** Images [from, from + count) of a split, in data set order, labelled, pixels in [0, 1]. */
    Images read(String split, int from, int count);

    /**
     * The labels of a split, in data set order. The default reads the split in chunks and keeps
     * only the labels; sets whose labels are known without decoding (folders, label files)
     * override it, so pairing and target choice never decode an image.
     */
    default int[] labels(String split) {
        int n = size(split);
        int[] out = new int[n];
        int chunk = 1024;
        for (int from = 0; from < n; from += chunk) {
            Images part = read(split, from, Math.min(chunk, n - from));
            if (!part.hasLabels()) {
                throw new UserInputException("split " + split + " of " + name() + " has no labels");
            }
            System.arraycopy(part.labels(), 0, out, from, part.count());
        }
        return out;
    }

    /** The whole split, in one array: only for splits known to be small (a large split does not fit). */
    default Images readAll(String split) {
        return read(split, 0, size(split));
    }

    /** Throws a {@link UserInputException} listing the known splits when {@code split} is not one. */
    default void requireSplit(String split) {
        if (!splits().contains(split)) {
            throw new UserInputException("data set " + name() + " has no split '" + split + "'",
                    "known splits: " + String.join(", ", splits()));
        }
    }
}
