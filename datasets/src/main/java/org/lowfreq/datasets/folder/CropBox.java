package org.lowfreq.datasets.folder;

/** A rectangle of an image in pixels: left column {@code x}, top row {@code y}, its width and height. */
public record CropBox(int x, int y, int width, int height) {
    public CropBox {
        if (x < 0 || y < 0 || width < 1 || height < 1) {
            throw new IllegalArgumentException("bad crop box " + x + "," + y + " " + width + "x" + height);
        }
    }

    /** Whether the box lies inside an image of {@code w} x {@code h}. */
    public boolean fitsIn(int w, int h) {
        return x + width <= w && y + height <= h;
    }
}
