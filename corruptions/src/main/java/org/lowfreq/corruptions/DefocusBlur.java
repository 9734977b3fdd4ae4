package org.lowfreq.corruptions;

import java.util.random.RandomGenerator;
import org.lowfreq.spi.CorruptionGroup;
import org.lowfreq.spi.Resolution;

/**
 * Correlation with the reference's anti-aliased disk: the indicator of x^2 + y^2 <= r^2 on a
 * 17 x 17 grid (radius <= 8; else (2r + 1)^2), normalised, smoothed by a 3 x 3 (5 x 5 above
 * radius 8) OpenCV Gaussian of sigma alias_blur; both filters with OpenCV's reflect-101 border.
 */
final class DefocusBlur extends TableCorruption {
    static final double[][][] C = {
            {{0.3, 0.4}, {0.4, 0.5}, {0.5, 0.6}, {1, 0.2}, {1.5, 0.1}},
            {{0.5, 0.6}, {1, 0.1}, {1.5, 0.1}, {2.5, 0.01}, {3, 0.1}},
            {{3, 0.1}, {4, 0.5}, {6, 0.5}, {8, 0.5}, {10, 0.5}}};

    DefocusBlur() {
        super("defocus_blur", CorruptionGroup.MEDIUM, false);
    }

    /** The disk kernel, row-major, side length in {@code size[0]}. */
    static double[] disk(double radius, double aliasBlur, int[] size) {
        int half;
        int ksize;
        if (radius <= 8) {
            half = 8;
            ksize = 3;
        } else {
            half = (int) Math.ceil(radius);
            ksize = 5;
        }
        int n = 2 * half + 1;
        double[] d = new double[n * n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double y = i - half;
                double x = j - half;
                if (x * x + y * y <= radius * radius) {
                    d[i * n + j] = 1;
                    sum++;
                }
            }
        }
        for (int i = 0; i < d.length; i++) {
            d[i] /= sum;
        }
        double[] g = openCvGaussianKernel(ksize, aliasBlur);
        double[] smooth = Filters.correlateColumns(Filters.correlateRows(d, n, n, 1, g, Border.REFLECT_101),
                n, n, 1, g, Border.REFLECT_101);
        size[0] = n;
        return smooth;
    }

    /** cv2.getGaussianKernel(ksize, sigma) for sigma > 0. */
    static double[] openCvGaussianKernel(int ksize, double sigma) {
        double[] k = new double[ksize];
        double scale2X = -0.5 / (sigma * sigma);
        double sum = 0;
        for (int i = 0; i < ksize; i++) {
            double x = i - (ksize - 1) * 0.5;
            k[i] = Math.exp(scale2X * x * x);
            sum += k[i];
        }
        for (int i = 0; i < ksize; i++) {
            k[i] /= sum;
        }
        return k;
    }

    @Override
    float[] corrupt(float[] image, int h, int w, int c, int severity, Resolution table, RandomGenerator rng) {
        double[] p = row(C, table, severity);
        int[] size = new int[1];
        double[] kernel = disk(p[0], p[1], size);
        double[] x = Filters.correlate2d(Pixels.toDouble(image), h, w, c, kernel, size[0], size[0], Border.REFLECT_101);
        return Pixels.toFloatClipped(x);
    }
}
