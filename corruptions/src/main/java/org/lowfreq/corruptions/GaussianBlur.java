package org.lowfreq.corruptions;

import java.util.random.RandomGenerator;
import org.lowfreq.spi.CorruptionGroup;
import org.lowfreq.spi.Resolution;

/** skimage gaussian(sigma = c): truncate 4, edge pixels repeated; scipy's arithmetic, truncated as the reference. */
final class GaussianBlur extends TableCorruption {
    static final double[][] C = {
            {.4, .6, 0.7, .8, 1},
            {.5, .75, 1, 1.25, 1.5},
            {1, 2, 3, 4, 6}};

    GaussianBlur() {
        super("gaussian_blur", CorruptionGroup.MEDIUM, true);
    }

    @Override
    float[] corrupt(float[] image, int h, int w, int c, int severity, Resolution table, RandomGenerator rng) {
        double[] x = Filters.gaussian(Pixels.referenceInput(image), h, w, c, value(C, table, severity), 4.0,
                Border.NEAREST);
        return Pixels.truncated(x);
    }
}
