package org.lowfreq.attacks;

import java.util.SplittableRandom;
import org.lowfreq.spi.Norm;

/** Per-image vector operations on flat NHWC batches ({@code d} floats per image). */
final class Perturbations {
    private Perturbations() {
    }

    static double norm(Norm norm, float[] v, int offset, int d) {
        return norm.of(v, offset, d);
    }

    /** The dual norm of the gradient: L1 for Linf, L2 for L2. */
    static double dualNorm(Norm norm, float[] v, int offset, int d) {
        double acc = 0;
        for (int k = offset; k < offset + d; k++) {
            acc += norm == Norm.LINF ? Math.abs(v[k]) : (double) v[k] * v[k];
        }
        return norm == Norm.LINF ? acc : Math.sqrt(acc);
    }

    static double l2(float[] v, int offset, int d) {
        return Norm.L2.of(v, offset, d);
    }

    /** Projects {@code delta[offset..offset+d)} onto the eps-ball of the norm, in place. */
    static void project(Norm norm, float[] delta, int offset, int d, double eps) {
        if (norm == Norm.LINF) {
            float e = (float) eps;
            for (int k = offset; k < offset + d; k++) {
                delta[k] = Math.max(-e, Math.min(e, delta[k]));
            }
        } else {
            double n = l2(delta, offset, d);
            if (n > eps) {
                double s = eps / n;
                for (int k = offset; k < offset + d; k++) {
                    delta[k] = (float) (delta[k] * s);
                }
            }
        }
    }

    /** Makes x0 + delta lie in [0, 1], changing delta, in place. */
    static void clipToImage(float[] x0, float[] delta, int offset, int d) {
        for (int k = offset; k < offset + d; k++) {
            float v = x0[k] + delta[k];
            if (v < 0f) {
                delta[k] = -x0[k];
            } else if (v > 1f) {
                delta[k] = 1f - x0[k];
            }
        }
    }

    /** x0 + delta as a new array. */
    static float[] add(float[] x0, float[] delta) {
        float[] out = new float[x0.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = x0[k] + delta[k];
        }
        return out;
    }

    /** A uniform random start in the eps-ball: per pixel for Linf; uniform in the ball for L2. */
    static void randomStart(Norm norm, float[] delta, int offset, int d, double eps, SplittableRandom rng) {
        if (norm == Norm.LINF) {
            for (int k = offset; k < offset + d; k++) {
                delta[k] = (float) (eps * (2 * rng.nextDouble() - 1));
            }
        } else {
            double s = 0;
            double[] g = new double[d];
            for (int k = 0; k < d; k++) {
                g[k] = rng.nextGaussian();
                s += g[k] * g[k];
            }
            double radius = eps * Math.pow(rng.nextDouble(), 1.0 / d) / Math.sqrt(s);
            for (int k = 0; k < d; k++) {
                delta[offset + k] = (float) (g[k] * radius);
            }
        }
    }
}
