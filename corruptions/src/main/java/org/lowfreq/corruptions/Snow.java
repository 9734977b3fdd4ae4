package org.lowfreq.corruptions;

import java.util.random.RandomGenerator;
import org.lowfreq.spi.CorruptionGroup;
import org.lowfreq.spi.Resolution;

/**
 * A Gaussian snow layer N(c0, c1^2), clipped-zoomed by c2, thresholded at c3, motion blurred
 * (radius c4, sigma c5, angle U(-135, -45)), added with its 180-degree rotation to the image
 * whitened towards max(x, 1.5 gray + 0.5) by 1 - c6.
 */
final class Snow extends TableCorruption {
    static final double[][][] C = {
            {{0.1, 0.2, 1, 0.6, 8, 3, 0.95}, {0.1, 0.2, 1, 0.5, 10, 4, 0.9}, {0.15, 0.3, 1.75, 0.55, 10, 4, 0.9},
                    {0.25, 0.3, 2.25, 0.6, 12, 6, 0.85}, {0.3, 0.3, 1.25, 0.65, 14, 12, 0.8}},
            {{0.1, 0.2, 1, 0.6, 8, 3, 0.8}, {0.1, 0.2, 1, 0.5, 10, 4, 0.8}, {0.15, 0.3, 1.75, 0.55, 10, 4, 0.7},
                    {0.25, 0.3, 2.25, 0.6, 12, 6, 0.65}, {0.3, 0.3, 1.25, 0.65, 14, 12, 0.6}},
            {{0.1, 0.3, 3, 0.5, 10, 4, 0.8}, {0.2, 0.3, 2, 0.5, 12, 4, 0.7}, {0.55, 0.3, 4, 0.9, 12, 8, 0.7},
                    {0.55, 0.3, 4.5, 0.85, 12, 8, 0.65}, {0.55, 0.3, 2.5, 0.85, 12, 12, 0.55}}};

    Snow() {
        super("snow", CorruptionGroup.LOW, false);
    }

    @Override
    boolean needsColour() {
        return true;
    }

    @Override
    float[] corrupt(float[] image, int h, int w, int c, int severity, Resolution table, RandomGenerator rng) {
        double[] p = row(C, table, severity);
        double[] layer = new double[h * w];
        for (int i = 0; i < layer.length; i++) {
            layer[i] = Sampling.normal(rng, p[0], p[1]);
        }
        layer = new ClippedZoom(h, w, p[2]).apply(layer, 1);
        int[] u = new int[layer.length];
        for (int i = 0; i < layer.length; i++) {
            double v = layer[i] < p[3] ? 0 : layer[i];
            u[i] = (int) (Pixels.clip01(v) * 255);
        }
        double angle = Sampling.uniform(rng, -135, -45);
        int[] blurred = MagickMotionBlur.apply(u, h, w, 1, p[4], p[5], angle);
        float[] out = new float[image.length];
        double keep = p[6];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int o = (y * w + x) * 3;
                double gray = 0.299 * image[o] + 0.587 * image[o + 1] + 0.114 * image[o + 2];
                double snow = (blurred[y * w + x] + blurred[(h - 1 - y) * w + (w - 1 - x)]) / 255.0;
                for (int ch = 0; ch < 3; ch++) {
                    double v = image[o + ch];
                    v = keep * v + (1 - keep) * Math.max(v, gray * 1.5 + 0.5);
                    out[o + ch] = (float) Pixels.clip01(v + snow);
                }
            }
        }
        return out;
    }
}
