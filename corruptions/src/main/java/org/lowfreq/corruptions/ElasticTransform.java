package org.lowfreq.corruptions;

import java.util.random.RandomGenerator;
import org.lowfreq.spi.CorruptionGroup;
import org.lowfreq.spi.Resolution;

/**
 * A random affine warp (three points moved by U(-c2, c2), OpenCV warpAffine with reflect-101),
 * then a displacement field alpha * gaussian(U(-1, 1), sigma) per axis (c0 = alpha, c1 = sigma,
 * truncate 3, reflect) sampled bilinearly as scipy's map_coordinates(order=1, mode='reflect').
 */
final class ElasticTransform extends TableCorruption {
    static final double[][][] C = {
            scale(32, new double[][] {{0, 0, 0.08}, {0.05, 0.2, 0.07}, {0.08, 0.06, 0.06}, {0.1, 0.04, 0.05},
                    {0.1, 0.03, 0.03}}),
            scale(64, new double[][] {{0, 0, 0.08}, {0.05, 0.3, 0.06}, {0.1, 0.08, 0.06}, {0.1, 0.03, 0.03},
                    {0.16, 0.03, 0.02}}),
            // the reference multiplies by 244 where it meant 224; kept, as in ImageNet-C
            scale(244, new double[][] {{2, 0.7, 0.1}, {2, 0.08, 0.2}, {0.05, 0.01, 0.02}, {0.07, 0.01, 0.02},
                    {0.12, 0.01, 0.02}})};

    private static double[][] scale(double size, double[][] t) {
        double[][] out = new double[t.length][];
        for (int i = 0; i < t.length; i++) {
            out[i] = new double[t[i].length];
            for (int j = 0; j < t[i].length; j++) {
                out[i][j] = size * t[i][j];
            }
        }
        return out;
    }

    ElasticTransform() {
        super("elastic_transform", CorruptionGroup.MEDIUM, false);
    }

    @Override
    float[] corrupt(float[] image, int h, int w, int c, int severity, Resolution table, RandomGenerator rng) {
        double[] p = row(C, table, severity);
        double alpha = p[0];
        double sigma = p[1];
        double affine = p[2];
        double cy = h / 2;
        double cx = w / 2;
        double sq = Math.min(h, w) / 3;
        double[] src = {cx + sq, cy + sq, cx + sq, cy - sq, cx - sq, cy - sq};
        double[] dst = new double[6];
        for (int i = 0; i < 6; i++) {
            dst[i] = (float) (src[i] + (float) Sampling.uniform(rng, -affine, affine));
        }
        double[] inv = OpenCvOps.inverseAffine(src, dst);
        double[] warped = OpenCvOps.warpAffine(Pixels.toDouble(image), h, w, c, inv);

        double[] dx = new double[h * w];
        double[] dy = new double[h * w];
        for (int i = 0; i < dx.length; i++) {
            dx[i] = Sampling.uniform(rng, -1, 1);
        }
        for (int i = 0; i < dy.length; i++) {
            dy[i] = Sampling.uniform(rng, -1, 1);
        }
        dx = Filters.gaussian(dx, h, w, 1, sigma, 3.0, Border.REFLECT);
        dy = Filters.gaussian(dy, h, w, 1, sigma, 3.0, Border.REFLECT);
        double[] out = new double[warped.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                double sy = y + (float) (dy[i] * alpha);
                double sx = x + (float) (dx[i] * alpha);
                OpenCvOps.bilinear(warped, h, w, c, sy, sx, Border.REFLECT, out, i * c);
            }
        }
        return Pixels.toFloatClipped(out);
    }
}
