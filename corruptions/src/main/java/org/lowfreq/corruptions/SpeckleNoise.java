package org.lowfreq.corruptions;

import java.util.random.RandomGenerator;
import org.lowfreq.spi.CorruptionGroup;
import org.lowfreq.spi.Resolution;

/** x + x N(0, c^2) per value, clipped. */
final class SpeckleNoise extends TableCorruption {
    static final double[][] C = {
            {.06, .1, .12, .16, .2},
            {.15, .2, 0.25, 0.3, 0.35},
            {.15, .2, 0.35, 0.45, 0.6}};

    SpeckleNoise() {
        super("speckle_noise", CorruptionGroup.HIGH, true);
    }

    @Override
    float[] corrupt(float[] image, int h, int w, int c, int severity, Resolution table, RandomGenerator rng) {
        double s = value(C, table, severity);
        float[] out = new float[image.length];
        for (int i = 0; i < out.length; i++) {
            double x = image[i];
            out[i] = (float) Pixels.clip01(x + x * s * rng.nextGaussian());
        }
        return out;
    }
}
