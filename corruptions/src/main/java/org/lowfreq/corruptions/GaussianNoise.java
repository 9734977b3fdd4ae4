package org.lowfreq.corruptions;

import java.util.random.RandomGenerator;
import org.lowfreq.spi.CorruptionGroup;
import org.lowfreq.spi.Resolution;

/** x + N(0, c^2) per value, clipped. */
final class GaussianNoise extends TableCorruption {
    static final double[][] C = {
            {0.04, 0.06, .08, .09, .10},
            {0.04, 0.08, .12, .15, .18},
            {.08, .12, 0.18, 0.26, 0.38}};

    GaussianNoise() {
        super("gaussian_noise", CorruptionGroup.HIGH, false);
    }

    @Override
    float[] corrupt(float[] image, int h, int w, int c, int severity, Resolution table, RandomGenerator rng) {
        double s = value(C, table, severity);
        float[] out = new float[image.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) Pixels.clip01(image[i] + s * rng.nextGaussian());
        }
        return out;
    }
}
