package org.lowfreq.attacks;

/**
 * {@link TrustRegionStep} for L2, through its two Lagrange multipliers: for a trust-region
 * multiplier mu >= 0 and a boundary multiplier nu, the minimiser of
 * {@code ||y + delta||^2 + mu ||delta||^2 - 2 nu (b . delta - c)} on the box (y = x - x0) is
 * {@code clamp((nu b - y) / (1 + mu))}, separable per pixel. nu solves {@code b . delta = c}
 * (monotone in nu); mu = 0 when that step lies inside the trust region, else the mu where its
 * length is r (the length falls as mu grows). Foolbox solves the same dual with a small BFGS-B; two
 * nested monotone root searches do it here.
 */
final class L2TrustRegion implements TrustRegionStep {
    private static final double TOL = 1e-7;

    @Override
    public double[] solve(BoxStep g, double c, double r) {
        double boundaryStep = TrustRegionStep.unreachable(g, c, r);
        if (!Double.isNaN(boundaryStep)) {
            return g.stepAt(boundaryStep);
        }
        double[] atZero = closest(g, c, 0);
        if (atZero == null) {
            return null;
        }
        if (BoxStep.dot(atZero, atZero) <= r * r) {
            return atZero;
        }
        double top = 1;
        double[] step = closest(g, c, top);
        int k = 0;
        while (step != null && BoxStep.dot(step, step) > r * r && k++ < 80) {
            top *= 4;
            step = closest(g, c, top);
        }
        if (step == null || BoxStep.dot(step, step) > r * r) {
            // even the shortest way onto the linearised boundary is longer than r: go towards it
            double lambda = g.radiusMultiplier(c >= 0 ? 1 : -1, r);
            return Double.isNaN(lambda) ? null : g.stepAt(lambda);
        }
        double mu = MonotoneRoot.solve(m -> {
            double[] s = closest(g, c, m);
            return s == null ? Double.NaN : r * r - BoxStep.dot(s, s);
        }, 0, top, TOL * r * r);
        return Double.isNaN(mu) ? null : closest(g, c, mu);
    }

    /** {@code clamp((nu b - y) / (1 + mu))} with nu such that {@code b . delta = c}; null if none found. */
    private static double[] closest(BoxStep g, double c, double mu) {
        int d = g.d;
        double[] y = new double[d];
        for (int k = 0; k < d; k++) {
            y[k] = g.x[k] - g.x0[k];
        }
        double bb = g.bNormSq();
        double centre = ((1 + mu) * c + BoxStep.dot(g.b, y)) / bb; // the solution without the box
        double width = Math.abs(centre) + 1 / Math.sqrt(bb);
        int k = 0;
        while ((reach(g, y, centre - width, mu) > c || reach(g, y, centre + width, mu) < c) && k++ < 200) {
            width *= 2;
        }
        double tol = TOL * Math.abs(c) + 1e-12;
        double nu = MonotoneRoot.solve(v -> reach(g, y, v, mu) - c, centre - width, centre + width, tol);
        if (Double.isNaN(nu)) {
            return null;
        }
        double[] s = new double[d];
        for (int q = 0; q < d; q++) {
            s[q] = BoxStep.clamp((nu * g.b[q] - y[q]) / (1 + mu), g.lo[q], g.hi[q]);
        }
        return s;
    }

    private static double reach(BoxStep g, double[] y, double nu, double mu) {
        double s = 0;
        for (int k = 0; k < g.d; k++) {
            s += g.b[k] * BoxStep.clamp((nu * g.b[k] - y[k]) / (1 + mu), g.lo[k], g.hi[k]);
        }
        return s;
    }
}
