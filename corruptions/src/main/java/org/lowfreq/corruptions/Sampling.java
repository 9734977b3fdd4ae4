package org.lowfreq.corruptions;

import java.util.random.RandomGenerator;

/** The random draws the reference generator takes from numpy, on a caller-supplied generator. */
final class Sampling {
    private Sampling() {
    }

    static double normal(RandomGenerator rng, double loc, double scale) {
        return loc + scale * rng.nextGaussian();
    }

    /** Uniform in [low, high). */
    static double uniform(RandomGenerator rng, double low, double high) {
        return low + (high - low) * rng.nextDouble();
    }

    /** Uniform integer in [low, high) as numpy's randint. */
    static int randint(RandomGenerator rng, int low, int high) {
        return rng.nextInt(low, high);
    }

    /**
     * Poisson variate with numpy's algorithms: multiplication for small means, Hörmann's PTRS
     * transformed rejection for means >= 10.
     */
    static long poisson(RandomGenerator rng, double lam) {
        if (lam <= 0) {
            return 0;
        }
        if (lam >= 10) {
            return poissonPtrs(rng, lam);
        }
        double enlam = Math.exp(-lam);
        long x = 0;
        double prod = 1.0;
        while (true) {
            prod *= rng.nextDouble();
            if (prod > enlam) {
                x++;
            } else {
                return x;
            }
        }
    }

    private static long poissonPtrs(RandomGenerator rng, double lam) {
        double slam = Math.sqrt(lam);
        double loglam = Math.log(lam);
        double b = 0.931 + 2.53 * slam;
        double a = -0.059 + 0.02483 * b;
        double invalpha = 1.1239 + 1.1328 / (b - 3.4);
        double vr = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            double u = rng.nextDouble() - 0.5;
            double v = rng.nextDouble();
            double us = 0.5 - Math.abs(u);
            long k = (long) Math.floor((2 * a / us + b) * u + lam + 0.43);
            if (us >= 0.07 && v <= vr) {
                return k;
            }
            if (k < 0 || (us < 0.013 && v > us)) {
                continue;
            }
            if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b)
                    <= -lam + k * loglam - logGamma(k + 1)) {
                return k;
            }
        }
    }

    private static final double[] LOGGAM_COEFFS = {8.333333333333333e-02, -2.777777777777778e-03,
            7.936507936507937e-04, -5.952380952380952e-04, 8.417508417508418e-04, -1.917526917526918e-03,
            6.410256410256410e-03, -2.955065359477124e-02, 1.796443723688307e-01, -1.39243221690590e+00};

    /** log Gamma(x) for x > 0 (Stirling series with upward shift, as numpy's random_loggam). */
    static double logGamma(double x) {
        if (x == 1.0 || x == 2.0) {
            return 0.0;
        }
        int n = 0;
        double x0 = x;
        if (x <= 7.0) {
            n = (int) (7 - x);
            x0 = x + n;
        }
        double x2 = 1.0 / (x0 * x0);
        double gl0 = LOGGAM_COEFFS[9];
        for (int k = 8; k >= 0; k--) {
            gl0 = gl0 * x2 + LOGGAM_COEFFS[k];
        }
        double gl = gl0 / x0 + 0.5 * Math.log(2 * Math.PI) + (x0 - 0.5) * Math.log(x0) - x0;
        if (x <= 7.0) {
            for (int k = 1; k <= n; k++) {
                gl -= Math.log(x0 - 1.0);
                x0 -= 1.0;
            }
        }
        return gl;
    }
}
