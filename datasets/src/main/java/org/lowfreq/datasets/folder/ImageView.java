package org.lowfreq.datasets.folder;

import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * How a decoded image of any size becomes one {@code size} x {@code size} RGB example: the
 * evaluation resize and centre crop, or a training augmentation drawn from the example's random
 * stream. Implementations are stateless, so one view serves every worker thread.
 */
public interface ImageView {
    /** Side of the square output. */
    int size();

    /**
     * Writes the view of {@code decoded} as HWC RGB floats in [0, 1] into {@code dst} at
     * {@code offset}; {@code rng} is the example's own stream (unused by deterministic views, may
     * then be null).
     */
    void render(BufferedImage decoded, SplittableRandom rng, float[] dst, int offset);

    /** One line for model cards and READMEs, e.g. "random-resized-crop 224 (scale 0.08-1, ...)". */
    String description();
}
