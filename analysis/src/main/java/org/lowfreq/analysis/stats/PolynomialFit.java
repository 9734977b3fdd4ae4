package org.lowfreq.analysis.stats;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Ordinary least-squares polynomial {@code y = c0 + c1 x + ... + cd x^d}, solved by Householder QR
 * (EJML) on x centred and scaled to [-1, 1] for conditioning; coefficients are reported in the
 * original units.
 *
 * @param coefficients c0..cd in original units (index = power)
 * @param x            the data x
 * @param y            the data y
 * @param residuals    y - fitted, per point
 * @param rSquared     1 - SS_res / SS_tot (NaN when y is constant)
 * @param peak         the fitted maximum, or why there is none
 */
public record PolynomialFit(double[] coefficients, double[] x, double[] y, double[] residuals, double rSquared,
                            Peak peak) {

    /** Where the fitted curve peaks. {@code status} says whether {@code x}/{@code y} are meaningful. */
    public record Peak(PeakStatus status, double x, double y, String explanation) {
        public boolean found() {
            return status == PeakStatus.MAXIMUM_IN_RANGE;
        }
    }

    public enum PeakStatus {
        /** An interior maximum within [min x, max x]. */
        MAXIMUM_IN_RANGE,
        /** The stationary point is a maximum but lies outside the data range (extrapolation). */
        MAXIMUM_OUTSIDE_RANGE,
        /** The curve opens upward (or is monotone in range): no maximum. */
        NO_MAXIMUM
    }

    /** Quadratic fit, the default of docs/METHODS.md section 5. */
    public static PolynomialFit quadratic(double[] x, double[] y) {
        return fit(x, y, 2);
    }

    public static PolynomialFit fit(double[] x, double[] y, int degree) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x has " + x.length + " values but y has " + y.length);
        }
        if (degree < 1) {
            throw new IllegalArgumentException("degree must be at least 1, got " + degree);
        }
        long distinct = Arrays.stream(x).distinct().count();
        if (distinct < degree + 1) {
            throw new IllegalArgumentException("a degree-" + degree + " fit needs at least " + (degree + 1)
                    + " distinct x values, got " + distinct);
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                throw new IllegalArgumentException("point " + i + " is not finite: (" + x[i] + ", " + y[i] + ")");
            }
        }
        double lo = Arrays.stream(x).min().orElseThrow();
        double hi = Arrays.stream(x).max().orElseThrow();
        double centre = 0.5 * (lo + hi);
        double half = 0.5 * (hi - lo);
        int n = x.length;
        int p = degree + 1;
        DMatrixRMaj a = new DMatrixRMaj(n, p);
        DMatrixRMaj b = new DMatrixRMaj(n, 1);
        for (int i = 0; i < n; i++) {
            double t = (x[i] - centre) / half;
            double pow = 1;
            for (int j = 0; j < p; j++) {
                a.set(i, j, pow);
                pow *= t;
            }
            b.set(i, 0, y[i]);
        }
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.leastSquares(n, p);
        if (!solver.setA(a)) {
            throw new IllegalArgumentException("the design matrix is singular; the x values cannot support degree " + degree);
        }
        DMatrixRMaj scaled = new DMatrixRMaj(p, 1);
        solver.solve(b, scaled);
        double[] coef = unscale(scaled.data, centre, half);
        double[] residuals = new double[n];
        double mean = Arrays.stream(y).average().orElseThrow();
        double ssRes = 0;
        double ssTot = 0;
        for (int i = 0; i < n; i++) {
            residuals[i] = y[i] - evaluate(coef, x[i]);
            ssRes += residuals[i] * residuals[i];
            ssTot += (y[i] - mean) * (y[i] - mean);
        }
        double r2 = ssTot > 0 ? 1 - ssRes / ssTot : Double.NaN;
        return new PolynomialFit(coef, x.clone(), y.clone(), residuals, r2, peak(coef, lo, hi));
    }

    /** The fitted value at x. */
    public double at(double xv) {
        return evaluate(coefficients, xv);
    }

    public int degree() {
        return coefficients.length - 1;
    }

    public static double evaluate(double[] coef, double xv) {
        double v = 0;
        for (int j = coef.length - 1; j >= 0; j--) {
            v = v * xv + coef[j];
        }
        return v;
    }

    // Expands sum_j s_j ((x - c)/h)^j into powers of x by the binomial theorem.
    private static double[] unscale(double[] s, double c, double h) {
        int p = s.length;
        double[] out = new double[p];
        for (int j = 0; j < p; j++) {
            double scale = s[j] / Math.pow(h, j);
            for (int k = 0; k <= j; k++) {
                out[k] += scale * binomial(j, k) * Math.pow(-c, j - k);
            }
        }
        return out;
    }

    private static double binomial(int n, int k) {
        double r = 1;
        for (int i = 1; i <= k; i++) {
            r = r * (n - k + i) / i;
        }
        return r;
    }

    private static Peak peak(double[] c, double lo, double hi) {
        if (c.length == 3) {
            double a = c[2];
            double b = c[1];
            if (!(a < 0)) {
                return new Peak(PeakStatus.NO_MAXIMUM, Double.NaN, Double.NaN,
                        "the fitted parabola opens upward (a = " + fmt(a) + " >= 0): it has a minimum, not a peak");
            }
            double xv = -b / (2 * a);
            double yv = evaluate(c, xv);
            if (xv < lo || xv > hi) {
                return new Peak(PeakStatus.MAXIMUM_OUTSIDE_RANGE, xv, yv, "the vertex x = " + fmt(xv)
                        + " lies outside the data range [" + fmt(lo) + ", " + fmt(hi) + "]: no peak within the data");
            }
            return new Peak(PeakStatus.MAXIMUM_IN_RANGE, xv, yv, "vertex of the fitted parabola");
        }
        // Other degrees: the largest fitted value on a fine grid, accepted only away from the ends.
        int steps = 10_000;
        int best = 0;
        double bestY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= steps; i++) {
            double v = evaluate(c, lo + (hi - lo) * i / steps);
            if (v > bestY) {
                bestY = v;
                best = i;
            }
        }
        if (best == 0 || best == steps) {
            return new Peak(PeakStatus.NO_MAXIMUM, Double.NaN, Double.NaN,
                    "the fitted curve is largest at the edge of the data range: no interior peak");
        }
        return new Peak(PeakStatus.MAXIMUM_IN_RANGE, lo + (hi - lo) * best / steps, bestY, "largest fitted value in range");
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.4g", v);
    }
}
