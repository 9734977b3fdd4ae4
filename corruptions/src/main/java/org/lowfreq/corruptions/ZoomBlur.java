package org.lowfreq.corruptions;

import java.util.random.RandomGenerator;
import org.lowfreq.spi.CorruptionGroup;
import org.lowfreq.spi.Resolution;

/**
 * Mean of the image and its clipped zooms by each factor of numpy.arange(1, stop, step), in
 * float32 as the reference (it casts the image to float32 before zooming and summing).
 */
final class ZoomBlur extends TableCorruption {
    /** {stop, step} per severity. */
    static final double[][][] C = {
            {{1.06, 0.01}, {1.11, 0.01}, {1.16, 0.01}, {1.21, 0.01}, {1.26, 0.01}},
            {{1.06, 0.01}, {1.11, 0.01}, {1.16, 0.01}, {1.21, 0.01}, {1.26, 0.01}},
            {{1.11, 0.01}, {1.16, 0.01}, {1.21, 0.02}, {1.26, 0.02}, {1.31, 0.03}}};

    ZoomBlur() {
        super("zoom_blur", CorruptionGroup.MEDIUM, false);
    }

    @Override
    float[] corrupt(float[] image, int h, int w, int c, int severity, Resolution table, RandomGenerator rng) {
        double[] p = row(C, table, severity);
        double[] zooms = ClippedZoom.arange(1, p[0], p[1]);
        double[] in = Pixels.referenceInput(image);
        float[] x = new float[in.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) in[i];
        }
        float[] acc = new float[x.length];
        for (double z : zooms) {
            new ClippedZoom(h, w, z).accumulate(x, c, acc);
        }
        float n = zooms.length + 1;
        for (int i = 0; i < acc.length; i++) {
            acc[i] = (x[i] + acc[i]) / n;
        }
        return Pixels.truncated(acc);
    }
}
