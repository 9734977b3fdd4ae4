package org.lowfreq.corruptions;

import java.util.random.RandomGenerator;
import org.lowfreq.spi.CorruptionGroup;
import org.lowfreq.spi.Resolution;

/**
 * skimage random_noise(mode='s&p', amount=c): each value independently is replaced with
 * probability c, by 1 or 0 with equal probability.
 */
final class ImpulseNoise extends TableCorruption {
    static final double[][] C = {
            {.01, .02, .03, .05, .07},
            {.01, .02, .05, .08, .14},
            {.03, .06, .09, 0.17, 0.27}};

    ImpulseNoise() {
        super("impulse_noise", CorruptionGroup.HIGH, false);
    }

    @Override
    float[] corrupt(float[] image, int h, int w, int c, int severity, Resolution table, RandomGenerator rng) {
        double amount = value(C, table, severity);
        float[] out = image.clone();
        for (int i = 0; i < out.length; i++) {
            if (rng.nextDouble() < amount) {
                out[i] = rng.nextBoolean() ? 1f : 0f;
            }
        }
        return out;
    }
}
