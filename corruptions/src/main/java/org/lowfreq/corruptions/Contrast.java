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
        double[] x = Pixels.referenceInput(image);
        double[] mean = new double[c];
        for (int i = 0; i < x.length; i++) {
            mean[i % c] += x[i];
        }
        for (int ch = 0; ch < c; ch++) {
            mean[ch] /= (double) h * w;
        }
        double[] out = new double[x.length];
        for (int i = 0; i < out.length; i++) {
            double m = mean[i % c];
            out[i] = (x[i] - m) * k + m;
        }
        return Pixels.truncated(out);
    }
}
