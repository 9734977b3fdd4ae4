package org.lowfreq.analysis.manifold;

/**
 * Finds the radius of a blob of spectral power from its angular-mean radial profile, without the
 * bias of taking the profile's peak. The angular mean of an isotropic 2-D Gaussian blob of power
 * centred at distance {@code R} from the origin (sd {@code s}) is, at radius {@code r},
 * <pre>  m(r) = exp(-(r - R)^2 / (2 s^2)) * exp(-r R / s^2) I0(r R / s^2)</pre>
 * (the Rice density divided by r). The same profile results from ANY arrangement of such blobs on
 * the circle of radius R (one oriented field, or a ring of fields of all orientations), because the
 * angular mean does not see where on the circle the power lies. Its peak lies below R by about
 * {@code s^2 / (2 R)} (the circle is shorter inside), and the 2-D maximum of a ring lies there too;
 * fitting {@code a m(r) + b} (b: a flat noise floor) by least squares recovers R itself. The fit is
 * a grid search over (R, s), coarse then fine, with a and b solved in closed form (b >= 0, a > 0).
 */
public final class RiceProfile {
    private RiceProfile() {
    }

    /** The fitted centre radius R, in the units of {@code radius}; NaN when nothing fits. */
    public static double centre(double[] radius, double[] meanPower) {
        double maxR = 0;
        double step = Double.POSITIVE_INFINITY;
        for (int i = 0; i < radius.length; i++) {
            if (Double.isFinite(meanPower[i]) && radius[i] > 0) {
                maxR = Math.max(maxR, radius[i]);
                if (i > 0) {
                    step = Math.min(step, radius[i] - radius[i - 1]);
                }
            }
        }
        if (!(maxR > 0)) {
            return Double.NaN;
        }
        double[] best = search(radius, meanPower, step / 2, maxR, step, 1.15, Double.NaN);
        double lo = Math.max(step / 4, best[0] - 2 * step);
        double hi = Math.min(maxR, best[0] + 2 * step);
        best = search(radius, meanPower, lo, hi, step / 50, 1.02, best[1]);
        return best[0];
    }

    /** Best (R, s) over R in [lo, hi] by {@code rStep} and s on a geometric grid (around {@code sHint} when given). */
    private static double[] search(double[] radius, double[] p, double lo, double hi, double rStep, double sFactor,
                                   double sHint) {
        double bestSse = Double.POSITIVE_INFINITY;
        double bestR = Double.NaN;
        double bestS = Double.NaN;
        for (double rc = lo; rc <= hi + 1e-12; rc += rStep) {
            double sLo = Double.isNaN(sHint) ? rStep : sHint / 1.3;
            double sHi = Double.isNaN(sHint) ? Math.max(2 * rStep, rc) + 2 * rStep : sHint * 1.3;
            for (double s = sLo; s <= sHi; s *= sFactor) {
                double sse = residual(radius, p, rc, s);
                if (sse < bestSse) {
                    bestSse = sse;
                    bestR = rc;
                    bestS = s;
                }
            }
        }
        return new double[] {bestR, bestS};
    }

    /** Least-squares residual of a m(r; R, s) + b with a > 0 and b >= 0 (DC and empty bins skipped). */
    static double residual(double[] radius, double[] p, double rc, double s) {
        double s11 = 0;
        double s12 = 0;
        double s22 = 0;
        double t1 = 0;
        double t2 = 0;
        int n = radius.length;
        double[] m = new double[n];
        for (int i = 0; i < n; i++) {
            if (!(radius[i] > 0) || !Double.isFinite(p[i])) {
                continue;
            }
            m[i] = model(radius[i], rc, s);
            s11 += m[i] * m[i];
            s12 += m[i];
            s22 += 1;
            t1 += m[i] * p[i];
            t2 += p[i];
        }
        double det = s11 * s22 - s12 * s12;
        double a = (t1 * s22 - t2 * s12) / det;
        double b = (s11 * t2 - s12 * t1) / det;
        if (!(det > 0) || b < 0) {
            b = 0;
            a = s11 > 0 ? t1 / s11 : 0;
        }
        if (!(a > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        double sse = 0;
        for (int i = 0; i < n; i++) {
            if (radius[i] > 0 && Double.isFinite(p[i])) {
                double e = p[i] - a * m[i] - b;
                sse += e * e;
            }
        }
        return sse;
    }

    /** The angular mean of a unit Gaussian blob of sd s centred at distance rc, at radius r. */
    static double model(double r, double rc, double s) {
        double d = (r - rc) / s;
        return Math.exp(-0.5 * d * d) * i0e(r * rc / (s * s));
    }

    /** exp(-x) I0(x) for x >= 0: the power series below 15, the asymptotic series above (relative error < 1e-5). */
    static double i0e(double x) {
        if (x < 15) {
            double term = 1;
            double sum = 1;
            double q = x * x / 4;
            for (int k = 1; k < 200 && term > 1e-17 * sum; k++) {
                term *= q / ((double) k * k);
                sum += term;
            }
            return sum * Math.exp(-x);
        }
        double inv = 1 / x;
        return (1 + inv / 8 + 9 * inv * inv / 128 + 225 * inv * inv * inv / 3072) / Math.sqrt(2 * Math.PI * x);
    }
}
