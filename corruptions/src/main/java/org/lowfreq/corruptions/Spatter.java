package org.lowfreq.corruptions;

import java.util.random.RandomGenerator;
import org.lowfreq.spi.CorruptionGroup;
import org.lowfreq.spi.Resolution;

/**
 * A liquid layer N(c0, c1^2) smoothed (sigma c2) and thresholded at c3. When c5 = 0, water:
 * its edges (Canny 50/150) give a distance map (truncated at 20, box blurred, equalised,
 * embossed, box blurred) that shapes pale turquoise drops of strength c4 added to the image.
 * When c5 = 1, mud: the thresholded mask blurred by c4, kept where >= 0.8, replaces the image
 * by mud brown.
 */
final class Spatter extends TableCorruption {
    static final double[][][] C = {
            {{0.62, 0.1, 0.7, 0.7, 0.5, 0}, {0.65, 0.1, 0.8, 0.7, 0.5, 0}, {0.65, 0.3, 1, 0.69, 0.5, 0},
                    {0.65, 0.1, 0.7, 0.69, 0.6, 1}, {0.65, 0.1, 0.5, 0.68, 0.6, 1}},
            {{0.62, 0.1, 0.7, 0.7, 0.6, 0}, {0.65, 0.1, 0.8, 0.7, 0.6, 0}, {0.65, 0.3, 1, 0.69, 0.6, 0},
                    {0.65, 0.1, 0.7, 0.68, 0.6, 1}, {0.65, 0.1, 0.5, 0.67, 0.6, 1}},
            {{0.65, 0.3, 4, 0.69, 0.6, 0}, {0.65, 0.3, 3, 0.68, 0.6, 0}, {0.65, 0.3, 2, 0.68, 0.5, 0},
                    {0.65, 0.3, 1, 0.65, 1.5, 1}, {0.67, 0.4, 1, 0.65, 1.5, 1}}};
    private static final double[] WATER = {175 / 255.0, 238 / 255.0, 238 / 255.0};
    private static final double[] MUD = {63 / 255.0, 42 / 255.0, 20 / 255.0};
    private static final double[] EMBOSS = {-2, -1, 0, -1, 1, 1, 0, 1, 2};

    Spatter() {
        super("spatter", CorruptionGroup.MEDIUM, true);
    }

    @Override
    boolean needsColour() {
        return true;
    }

    @Override
    float[] corrupt(float[] image, int h, int w, int c, int severity, Resolution table, RandomGenerator rng) {
        double[] p = row(C, table, severity);
        double[] liquid = new double[h * w];
        for (int i = 0; i < liquid.length; i++) {
            liquid[i] = Sampling.normal(rng, p[0], p[1]);
        }
        liquid = Filters.gaussian(liquid, h, w, 1, p[2], 4.0, Border.NEAREST);
        for (int i = 0; i < liquid.length; i++) {
            if (liquid[i] < p[3]) {
                liquid[i] = 0;
            }
        }
        double[] out = new double[image.length];
        if (p[5] == 0) {
            int[] layer = new int[liquid.length];
            for (int i = 0; i < layer.length; i++) {
                // numpy's uint8 cast wraps above 255; the smoothed layer practically never gets there
                layer[i] = Pixels.clampByte((int) (liquid[i] * 255));
            }
            int[] edges = OpenCvOps.canny(layer, h, w, 50, 150);
            int[] inverted = new int[edges.length];
            for (int i = 0; i < edges.length; i++) {
                inverted[i] = 255 - edges[i];
            }
            double[] dist = OpenCvOps.distanceTransform(inverted, h, w);
            for (int i = 0; i < dist.length; i++) {
                dist[i] = Math.min(dist[i], 20);
            }
            dist = Filters.box3(dist, h, w, 1);
            int[] d8 = new int[dist.length];
            for (int i = 0; i < d8.length; i++) {
                d8[i] = (int) dist[i];
            }
            d8 = OpenCvOps.equalizeHist(d8);
            double[] embossed = Filters.correlate2d(toDouble(d8), h, w, 1, EMBOSS, 3, 3, Border.REFLECT_101);
            double[] e8 = new double[embossed.length];
            for (int i = 0; i < e8.length; i++) {
                e8[i] = Pixels.clampByte((int) Math.rint(embossed[i]));
            }
            double[] smooth = Filters.box3(e8, h, w, 1);
            double[] m = new double[smooth.length];
            double max = 0;
            for (int i = 0; i < m.length; i++) {
                m[i] = layer[i] * (double) (float) Math.rint(smooth[i]);
                max = Math.max(max, m[i]);
            }
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int i = y * w + x;
                    double strength = max > 0 ? m[i] / max * p[4] : 0;
                    for (int ch = 0; ch < 3; ch++) {
                        out[i * 3 + ch] = image[i * 3 + ch] + strength * WATER[ch];
                    }
                }
            }
        } else {
            double[] mask = new double[liquid.length];
            for (int i = 0; i < mask.length; i++) {
                mask[i] = liquid[i] > p[3] ? 1 : 0;
            }
            mask = Filters.gaussian(mask, h, w, 1, p[4], 4.0, Border.NEAREST);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int i = y * w + x;
                    double m = (float) mask[i] < 0.8 ? 0 : (float) mask[i];
                    for (int ch = 0; ch < 3; ch++) {
                        out[i * 3 + ch] = image[i * 3 + ch] * (1 - m) + MUD[ch] * m;
                    }
                }
            }
        }
        return Pixels.toFloatClipped(out);
    }

    private static double[] toDouble(int[] u) {
        double[] d = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            d[i] = u[i];
        }
        return d;
    }
}
