package org.lowfreq.corruptions;

import java.util.random.RandomGenerator;
import org.lowfreq.spi.CorruptionGroup;
import org.lowfreq.spi.Resolution;

/**
 * Gaussian blur (sigma c0), truncation to uint8, c2 sweeps of local pixel swaps (rows and columns
 * from n - d down to d + 1, each pixel swapped with one at an offset drawn from [-d, d) in x and
 * y, d = c1), then the same Gaussian blur again.
 */
final class GlassBlur extends TableCorruption {
    static final double[][][] C = {
            {{0.05, 1, 1}, {0.25, 1, 1}, {0.4, 1, 1}, {0.25, 1, 2}, {0.4, 1, 2}},
            {{0.1, 1, 1}, {0.5, 1, 1}, {0.6, 1, 2}, {0.7, 2, 1}, {0.9, 2, 2}},
            {{0.7, 1, 2}, {0.9, 2, 1}, {1, 2, 3}, {1.1, 3, 2}, {1.5, 4, 2}}};

    GlassBlur() {
        super("glass_blur", CorruptionGroup.MEDIUM, false);
    }

    @Override
    float[] corrupt(float[] image, int h, int w, int c, int severity, Resolution table, RandomGenerator rng) {
        double[] p = row(C, table, severity);
        double sigma = p[0];
        int delta = (int) p[1];
        int iterations = (int) p[2];
        double[] blurred = Filters.gaussian(Pixels.toDouble(image), h, w, c, sigma, 4.0, Border.NEAREST);
        double[] x = new double[blurred.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = Pixels.clampByte((int) (blurred[i] * 255)) / 255.0;
        }
        for (int it = 0; it < iterations; it++) {
            for (int y = h - delta; y > delta; y--) {
                for (int xx = w - delta; xx > delta; xx--) {
                    int dx = Sampling.randint(rng, -delta, delta);
                    int dy = Sampling.randint(rng, -delta, delta);
                    int a = (y * w + xx) * c;
                    int b = ((y + dy) * w + xx + dx) * c;
                    for (int ch = 0; ch < c; ch++) {
                        double t = x[a + ch];
                        x[a + ch] = x[b + ch];
                        x[b + ch] = t;
                    }
                }
            }
        }
        return Pixels.toFloatClipped(Filters.gaussian(x, h, w, c, sigma, 4.0, Border.NEAREST));
    }
}
