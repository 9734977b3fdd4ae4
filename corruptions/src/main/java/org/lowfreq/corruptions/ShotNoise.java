package org.lowfreq.corruptions;

import java.util.random.RandomGenerator;
import org.lowfreq.spi.CorruptionGroup;
import org.lowfreq.spi.Resolution;

/** Poisson(x c) / c per value, clipped. */
final class ShotNoise extends TableCorruption {
    static final double[][] C = {
            {500, 250, 100, 75, 50},
            {250, 100, 50, 30, 15},
            {60, 25, 12, 5, 3}};

    ShotNoise() {
        super("shot_noise", CorruptionGroup.HIGH, false);
    }

    @Override
    float[] corrupt(float[] image, int h, int w, int c, int severity, Resolution table, RandomGenerator rng) {
        double k = value(C, table, severity);
        float[] out = new float[image.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) Pixels.clip01(Sampling.poisson(rng, image[i] * k) / k);
        }
        return out;
    }
}
