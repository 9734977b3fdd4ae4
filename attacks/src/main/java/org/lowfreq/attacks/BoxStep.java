package org.lowfreq.attacks;

/**
 * One image's step geometry for {@link TrustRegionStep}: the current point x in [0, 1]^d, the
 * original x0, the boundary normal b, and the steps {@code delta(lambda) = clamp(lambda b, lo, hi)}
 * along b inside a box [lo, hi] (the pixel range around x, possibly cut to an Linf ball around
 * x0). Each coordinate of such a step moves monotonically away from the box's point nearest to
 * zero, so both {@code b . delta} and {@code ||delta||_2} are monotone in lambda: the 1-D roots
 * that {@link MonotoneRoot} finds.
 */
final class BoxStep {
    final double[] x0;
    final double[] x;
    final double[] b;
    final double[] lo;
    final double[] hi;
    final int d;

    BoxStep(double[] x0, double[] x, double[] b) {
        this.x0 = x0;
        this.x = x;
        this.b = b;
        this.d = x.length;
        this.lo = new double[d];
        this.hi = new double[d];
        pixelBox();
    }

    /** Box = the pixel range: x + delta in [0, 1]. */
    void pixelBox() {
        for (int k = 0; k < d; k++) {
            lo[k] = -x[k];
            hi[k] = 1 - x[k];
        }
    }

    /** Box = the pixel range cut to the Linf ball of radius eps around x0. */
    void linfBox(double eps) {
        for (int k = 0; k < d; k++) {
            double y = x[k] - x0[k];
            lo[k] = Math.max(-x[k], -y - eps);
            hi[k] = Math.min(1 - x[k], -y + eps);
        }
    }

    static double clamp(double v, double lo, double hi) {
        return v < lo ? lo : v > hi ? hi : v;
    }

    /** {@code ||clamp(lambda b)||_2^2}. */
    double normSq(double lambda) {
        double s = 0;
        for (int k = 0; k < d; k++) {
            double v = clamp(lambda * b[k], lo[k], hi[k]);
            s += v * v;
        }
        return s;
    }

    /** {@code b . clamp(lambda b)}. */
    double reach(double lambda) {
        double s = 0;
        for (int k = 0; k < d; k++) {
            s += b[k] * clamp(lambda * b[k], lo[k], hi[k]);
        }
        return s;
    }

    double[] step(double lambda) {
        double[] v = new double[d];
        for (int k = 0; k < d; k++) {
            v[k] = clamp(lambda * b[k], lo[k], hi[k]);
        }
        return v;
    }

    /** The box corner furthest along sign * b (lambda = sign * infinity). */
    double[] corner(double sign) {
        double[] v = new double[d];
        for (int k = 0; k < d; k++) {
            double s = sign * b[k];
            v[k] = s > 0 ? hi[k] : s < 0 ? lo[k] : clamp(0, lo[k], hi[k]);
        }
        return v;
    }

    double bNormSq() {
        double s = 0;
        for (double v : b) {
            s += v * v;
        }
        return s;
    }

    static double dot(double[] a, double[] c) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * c[k];
        }
        return s;
    }

    /**
     * The multiplier (signed like {@code sign}) where the step along b leaves the L2 ball of radius
     * r, or +-infinity when the whole box side lies inside it; NaN when no bracket is found.
     */
    double radiusMultiplier(double sign, double r) {
        double[] c = corner(sign);
        if (dot(c, c) <= r * r) {
            return sign * Double.POSITIVE_INFINITY;
        }
        double bn = Math.sqrt(bNormSq());
        double top = r / bn;
        int k = 0;
        while (normSq(sign * top) < r * r && k++ < 200) {
            top *= 2;
        }
        // the step's squared norm reaches r^2 within a relative 1e-9
        return sign * MonotoneRoot.solve(m -> normSq(sign * m) - r * r, 0, top, 1e-9 * r * r);
    }

    /** The step at a multiplier that may be infinite (a box corner). */
    double[] stepAt(double lambda) {
        return Double.isInfinite(lambda) ? corner(Math.signum(lambda)) : step(lambda);
    }
}
