package org.lowfreq.datasets.stream;

import java.util.SplittableRandom;

import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.UserInputException;

/**
 * The examples of one split, made one at a time on demand: decoding, resizing and augmentation
 * happen in {@link #produce}, which a {@link BatchLoader} calls on its worker threads. Labels come
 * without decoding, so pairing and target choice never touch the pixels.
 *
 * <p>{@code produce} must be a pure function of (index, the random stream it is given): that is
 * what makes a loader's output the same for any number of workers. It must be safe to call from
 * several threads at once.
 */
public interface ExampleSource {
    /** Number of examples. */
    int size();

    /** Shape of every produced example. */
    ImageShape shape();

    /** Label of example {@code index}, without decoding it. */
    int label(int index);

    /**
     * Writes example {@code index} (HWC floats in [0, 1]) into {@code dst} at {@code offset}.
     *
     * @param rng the example's own random stream (augmentation); ignore it when there is none
     * @throws UnreadableExampleException when the example's file cannot be read or decoded
     */
    void produce(int index, SplittableRandom rng, float[] dst, int offset);

    /** Where example {@code index} comes from (a file path, "image 17 of cifar10 train"), for reports. */
    String describe(int index);

    /**
     * Examples [from, from + count) of {@code source} (its evaluation view) as one labelled batch, for
     * {@code Dataset.read}; an unreadable file is refused naming it.
     *
     * @param what the split and set, for the range error, e.g. "split val of imagenet"
     */
    static Images readRange(ExampleSource source, int from, int count, String what, String hint) {
        if (from < 0 || count < 0 || from + count > source.size()) {
            throw new UserInputException("images [" + from + ", " + (from + count) + ") are outside " + what + " ("
                    + source.size() + " images)");
        }
        int size = source.shape().size();
        float[] px = new float[count * size];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            try {
                source.produce(from + i, null, px, i * size);
            } catch (UnreadableExampleException e) {
                throw new UserInputException(e.getMessage(), hint, e);
            }
            labels[i] = source.label(from + i);
        }
        return new Images(count, source.shape(), px, labels);
    }
}
