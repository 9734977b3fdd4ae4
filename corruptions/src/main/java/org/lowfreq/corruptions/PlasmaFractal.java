package org.lowfreq.corruptions;

import java.util.random.RandomGenerator;

/**
 * The reference's diamond-square height map (fog): a mapsize x mapsize array (power of two),
 * wrapping at the edges as numpy.roll does, with the random offset wibble * U(-wibble, wibble)
 * (the reference's squared amplitude kept) and wibble divided by wibbledecay each level;
 * normalised to [0, 1].
 */
final class PlasmaFractal {
    private PlasmaFractal() {
    }

    static double[] generate(int mapsize, double wibbleDecay, RandomGenerator rng) {
        if (Integer.bitCount(mapsize) != 1) {
            throw new IllegalArgumentException("mapsize must be a power of two: " + mapsize);
        }
        double[] m = new double[mapsize * mapsize];
        int step = mapsize;
        double wibble = 100;
        while (step >= 2) {
            int g = mapsize / step;
            int half = step / 2;
            // squares: centre = mean of the four corners + wibble
            double[] corner = new double[g * g];
            for (int i = 0; i < g; i++) {
                for (int j = 0; j < g; j++) {
                    corner[i * g + j] = m[(i * step) * mapsize + j * step];
                }
            }
            double[] acc = new double[g * g];
            for (int i = 0; i < g; i++) {
                for (int j = 0; j < g; j++) {
                    acc[i * g + j] = corner[i * g + j] + corner[((i + 1) % g) * g + j];
                }
            }
            for (int i = 0; i < g; i++) {
                for (int j = 0; j < g; j++) {
                    double v = acc[i * g + j] + acc[i * g + (j + 1) % g];
                    m[(i * step + half) * mapsize + j * step + half] = v / 4 + wibble * Sampling.uniform(rng, -wibble, wibble);
                }
            }
            // diamonds
            double[] dr = new double[g * g];
            double[] ul = new double[g * g];
            for (int i = 0; i < g; i++) {
                for (int j = 0; j < g; j++) {
                    dr[i * g + j] = m[(i * step + half) * mapsize + j * step + half];
                    ul[i * g + j] = m[(i * step) * mapsize + j * step];
                }
            }
            for (int i = 0; i < g; i++) {
                for (int j = 0; j < g; j++) {
                    double ldr = dr[i * g + j] + dr[((i - 1 + g) % g) * g + j];
                    double lul = ul[i * g + j] + ul[i * g + (j + 1) % g];
                    m[(i * step) * mapsize + j * step + half] = (ldr + lul) / 4 + wibble * Sampling.uniform(rng, -wibble, wibble);
                }
            }
            for (int i = 0; i < g; i++) {
                for (int j = 0; j < g; j++) {
                    double tdr = dr[i * g + j] + dr[i * g + (j - 1 + g) % g];
                    double tul = ul[i * g + j] + ul[((i + 1) % g) * g + j];
                    m[(i * step + half) * mapsize + j * step] = (tdr + tul) / 4 + wibble * Sampling.uniform(rng, -wibble, wibble);
                }
            }
            step /= 2;
            wibble /= wibbleDecay;
        }
        double min = Double.POSITIVE_INFINITY;
        for (double v : m) {
            min = Math.min(min, v);
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < m.length; i++) {
            m[i] -= min;
            max = Math.max(max, m[i]);
        }
        for (int i = 0; i < m.length; i++) {
            m[i] /= max;
        }
        return m;
    }
}
