package org.lowfreq.corruptions;

import java.util.random.RandomGenerator;
import org.lowfreq.spi.CorruptionGroup;
import org.lowfreq.spi.Resolution;

/** ImageMagick-style motion blur (radius c0, sigma c1) at an angle drawn from U(-45, 45) degrees. */
final class MotionBlur extends TableCorruption {
    static final double[][][] C = {
            {{6, 1}, {6, 1.5}, {6, 2}, {8, 2}, {9, 2.5}},
            {{10, 1}, {10, 1.5}, {10, 2}, {10, 2.5}, {12, 3}},
            {{10, 3}, {15, 5}, {15, 8}, {15, 12}, {20, 15}}};

    MotionBlur() {
        super("motion_blur", CorruptionGroup.MEDIUM, false);
    }

    @Override
    float[] corrupt(float[] image, int h, int w, int c, int severity, Resolution table, RandomGenerator rng) {
        double[] p = row(C, table, severity);
        double angle = Sampling.uniform(rng, -45, 45);
        return Pixels.fromUint8(MagickMotionBlur.apply(Pixels.toUint8(image), h, w, c, p[0], p[1], angle));
    }
}
