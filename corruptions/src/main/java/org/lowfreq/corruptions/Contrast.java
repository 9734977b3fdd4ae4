package org.lowfreq.corruptions;

import java.util.random.RandomGenerator;
import org.lowfreq.spi.CorruptionGroup;
import org.lowfreq.spi.Resolution;

/** (x - m) c + m with m the per-channel mean, clipped. */
final class Contrast extends TableCorruption {
    static final double[][] C = {
            {.75, .5, .4, .3, 0.15},
            {.4, .3, .2, .1, 0.05},
            {0.4, .3, .2, .1, .05}};

    Contrast() {
        super("contrast", CorruptionGroup.LOW, false);
    }

    @Override
    float[] corrupt(float[] image, int h, int w, int c, int severity, Resolution table, RandomGenerator rng) {
        double k = value(C, table, severity);
        double[] mean = new double[c];
        for (int i = 0; i < image.length; i++) {
            mean[i % c] += image[i];
        }
        for (int ch = 0; ch < c; ch++) {
            mean[ch] /= (double) h * w;
        }
        float[] out = new float[image.length];
        for (int i = 0; i < out.length; i++) {
            double m = mean[i % c];
            out[i] = (float) Pixels.clip01((image[i] - m) * k + m);
        }
        return out;
    }
}
