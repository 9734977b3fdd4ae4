package org.lowfreq.corruptions;

import java.util.random.RandomGenerator;
import org.lowfreq.spi.CorruptionGroup;
import org.lowfreq.spi.Resolution;

/** S c0 + c1 (clipped) in skimage's HSV. */
final class Saturate extends TableCorruption {
    static final double[][][] C = {
            {{0.3, 0}, {0.1, 0}, {1.5, 0}, {2, 0.1}, {2.5, 0.2}},
            {{0.3, 0}, {0.1, 0}, {2, 0}, {5, 0.1}, {30, 0.2}},
            {{0.3, 0}, {0.1, 0}, {2, 0}, {5, 0.1}, {20, 0.2}}};

    Saturate() {
        super("saturate", CorruptionGroup.LOW, true);
    }

    @Override
    boolean needsColour() {
        return true;
    }

    @Override
    float[] corrupt(float[] image, int h, int w, int c, int severity, Resolution table, RandomGenerator rng) {
        double[] k = row(C, table, severity);
        double[] x = Pixels.referenceInput(image);
        double[] out = new double[image.length];
        double[] hsv = new double[3];
        double[] rgb = new double[3];
        for (int p = 0; p < image.length; p += 3) {
            Hsv.rgbToHsv(x[p], x[p + 1], x[p + 2], hsv);
            Hsv.hsvToRgb(hsv[0], Pixels.clip01(hsv[1] * k[0] + k[1]), hsv[2], rgb);
            out[p] = rgb[0];
            out[p + 1] = rgb[1];
            out[p + 2] = rgb[2];
        }
        return Pixels.truncated(out);
    }
}
