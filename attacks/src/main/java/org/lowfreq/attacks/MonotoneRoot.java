package org.lowfreq.attacks;

import java.util.function.DoubleUnaryOperator;

/**
 * Root of a nondecreasing function of one variable on a bracket, by the Illinois variant of
 * regula falsi: the per-step problems of {@link TrustRegionStep} reduce to such roots of
 * piecewise-linear or piecewise-quadratic functions of a Lagrange multiplier, where it converges
 * in a few tens of evaluations (plain bisection needs about 50 for the same accuracy).
 */
final class MonotoneRoot {
    static final int MAX_EVALUATIONS = 100;

    private MonotoneRoot() {
    }

    /**
     * A point t in [lo, hi] with 0 <= f(t) <= tol, or the upper end of the last bracket (where
     * f >= 0), so the answer never falls short when f measures what a step reaches. Needs
     * f(lo) <= 0 <= f(hi); returns NaN when that fails or f is NaN.
     */
    static double solve(DoubleUnaryOperator f, double lo, double hi, double tol) {
        double flo = f.applyAsDouble(lo);
        double fhi = f.applyAsDouble(hi);
        if (!(flo <= 0 && fhi >= 0)) {
            return Double.NaN;
        }
        if (flo >= 0) {
            return lo;
        }
        double flo0 = flo;
        double fhi0 = fhi;
        int side = 0;
        for (int k = 0; k < MAX_EVALUATIONS; k++) {
            // flo0/fhi0 are the values used for the secant (Illinois halves the stale one)
            double t = (lo * fhi0 - hi * flo0) / (fhi0 - flo0);
            if (!(t > lo && t < hi)) {
                t = (lo + hi) / 2; // rounding pushed the secant point out of the bracket
            }
            double ft = f.applyAsDouble(t);
            if (Double.isNaN(ft)) {
                return Double.NaN;
            }
            if (ft >= 0 && ft <= tol) {
                return t;
            }
            if (ft < 0) {
                lo = t;
                flo0 = ft;
                if (side == -1) {
                    fhi0 /= 2;
                }
                side = -1;
            } else {
                hi = t;
                fhi0 = ft;
                if (side == 1) {
                    flo0 /= 2;
                }
                side = 1;
            }
            if (hi - lo <= 1e-15 * Math.max(1, Math.abs(hi))) {
                return hi;
            }
        }
        return hi;
    }
}
