package org.lowfreq.spi;

/** Height, width and channel count of one image (NHWC without the N). */
public record ImageShape(int height, int width, int channels) {
    public ImageShape {
        if (height <= 0 || width <= 0) {
            throw new UserInputException("image size must be positive, got " + height + " x " + width);
        }
        if (channels != 1 && channels != 3) {
            throw new UserInputException("images must have 1 or 3 channels, got " + channels);
        }
    }

    /** Number of floats in one image. */
    public int size() {
        return height * width * channels;
    }

    @Override
    public String toString() {
        return height + "x" + width + "x" + channels;
    }
}
