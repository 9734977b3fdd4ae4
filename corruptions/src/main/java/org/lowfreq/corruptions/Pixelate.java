package org.lowfreq.corruptions;

import java.util.random.RandomGenerator;
import org.lowfreq.spi.CorruptionGroup;
import org.lowfreq.spi.Resolution;

/** Pillow BOX resize to int(n c) and back to n, on the uint8 image. */
final class Pixelate extends TableCorruption {
    static final double[][] C = {
            {0.95, 0.9, 0.85, 0.75, 0.65},
            {0.9, 0.8, 0.7, 0.6, 0.5},
            {0.6, 0.5, 0.4, 0.3, 0.25}};

    Pixelate() {
        super("pixelate", CorruptionGroup.MEDIUM, false);
    }

    @Override
    float[] corrupt(float[] image, int h, int w, int c, int severity, Resolution table, RandomGenerator rng) {
        return Pixels.fromUint8(corruptUint8(image, h, w, c, severity, table, rng));
    }

    @Override
    int[] corruptUint8(float[] image, int h, int w, int c, int severity, Resolution table, RandomGenerator rng) {
        double k = value(C, table, severity);
        int sh = Math.max(1, (int) (h * k));
        int sw = Math.max(1, (int) (w * k));
        int[] small = PillowBoxResize.resize(Pixels.toUint8(image), h, w, c, sh, sw);
        return PillowBoxResize.resize(small, sh, sw, c, h, w);
    }
}
