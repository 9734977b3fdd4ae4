package org.lowfreq.corruptions;

import java.util.random.RandomGenerator;
import org.lowfreq.spi.CorruptionGroup;
import org.lowfreq.spi.Resolution;

/** V + c (clipped) in skimage's HSV. */
final class Brightness extends TableCorruption {
    static final double[][] C = {
            {.05, .1, .15, .2, .3},
            {.1, .2, .3, .4, .5},
            {.1, .2, .3, .4, .5}};

    Brightness() {
        super("brightness", CorruptionGroup.LOW, false);
    }

    @Override
    boolean needsColour() {
        return true;
    }

    @Override
    float[] corrupt(float[] image, int h, int w, int c, int severity, Resolution table, RandomGenerator rng) {
        double k = value(C, table, severity);
        double[] x = Pixels.referenceInput(image);
        double[] out = new double[image.length];
        double[] hsv = new double[3];
        double[] rgb = new double[3];
        for (int p = 0; p < image.length; p += 3) {
            Hsv.rgbToHsv(x[p], x[p + 1], x[p + 2], hsv);
            Hsv.hsvToRgb(hsv[0], hsv[1], Pixels.clip01(hsv[2] + k), rgb);
            out[p] = rgb[0];
            out[p + 1] = rgb[1];
            out[p + 2] = rgb[2];
        }
        return Pixels.truncated(out);
    }
}
