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
