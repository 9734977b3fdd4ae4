package org.lowfreq.datasets.folder;

import java.util.SplittableRandom;

import org.lowfreq.datasets.stream.ExampleSource;
import org.lowfreq.datasets.stream.UnreadableExampleException;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.UserInputException;

/**
 * The images of a {@link FileListing}, each decoded when asked for and shown through an
 * {@link ImageView} (evaluation crop or training augmentation). Holds nothing per image but the
 * listing, so its memory does not grow with the images' pixels.
 */
public final class ImageFileSource implements ExampleSource {
    private final FileListing listing;
    private final ImageView view;
    private final ImageShape shape;

    public ImageFileSource(FileListing listing, ImageView view) {
        this.listing = listing;
        this.view = view;
        this.shape = new ImageShape(view.size(), view.size(), 3);
    }

    @Override
    public int size() {
        return listing.size();
    }

    @Override
    public ImageShape shape() {
        return shape;
    }

    @Override
    public int label(int index) {
        return listing.label(index);
    }

    @Override
    public void produce(int index, SplittableRandom rng, float[] dst, int offset) {
        view.render(ImageDecoder.decode(listing.file(index)), rng, dst, offset);
    }

    @Override
    public String describe(int index) {
        return listing.file(index).toString();
    }

    public ImageView view() {
        return view;
    }

    /**
     * Examples [from, from + count) of {@code source} (its evaluation view) as one labelled batch, for
     * {@code Dataset.read}; an unreadable file is refused naming it.
     *
     * @param what the split and set, for the range error, e.g. "split val of imagenet"
     */
    public static Images readRange(ExampleSource source, int from, int count, String what, String hint) {
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

    /** Decodes every file of a listing (verification); the first unreadable one is refused by name. */
    public static void decodeAll(FileListing listing, String hint) {
        for (int i = 0; i < listing.size(); i++) {
            try {
                ImageDecoder.decode(listing.file(i));
            } catch (UnreadableExampleException e) {
                throw new UserInputException(e.getMessage(), hint, e);
            }
        }
    }
}
