package org.lowfreq.corruptions;

import java.util.random.RandomGenerator;
import org.lowfreq.spi.CorruptionGroup;
import org.lowfreq.spi.Resolution;

/** (x + c0 plasma) max(x) / (max(x) + c0), plasma fractal of decay c1 cropped from the top left. */
final class Fog extends TableCorruption {
    static final double[][][] C = {
            {{.2, 3}, {.5, 3}, {0.75, 2.5}, {1, 2}, {1.5, 1.75}},
            {{.4, 3}, {.7, 3}, {1, 2.5}, {1.5, 2}, {2, 1.75}},
            {{1.5, 2}, {2, 2}, {2.5, 1.7}, {2.5, 1.5}, {3, 1.4}}};
    /** The reference's map sizes: 32, 64 and 256. */
    static final int[] MAPSIZE = {32, 64, 256};

    Fog() {
        super("fog", CorruptionGroup.LOW, false);
    }

    @Override
    float[] corrupt(float[] image, int h, int w, int c, int severity, Resolution table, RandomGenerator rng) {
        double[] p = row(C, table, severity);
        int mapsize = MAPSIZE[table.ordinal()];
        while (mapsize < Math.max(h, w)) {
            mapsize *= 2;
        }
        double[] plasma = PlasmaFractal.generate(mapsize, p[1], rng);
        double max = 0;
        for (float v : image) {
            max = Math.max(max, v);
        }
        float[] out = new float[image.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double f = p[0] * plasma[y * mapsize + x];
                for (int ch = 0; ch < c; ch++) {
                    int i = (y * w + x) * c + ch;
                    out[i] = (float) Pixels.clip01((image[i] + f) * max / (max + p[0]));
                }
            }
        }
        return out;
    }
}
