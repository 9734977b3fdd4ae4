package org.lowfreq.attacks;

/**
 * {@link TrustRegionStep} for Linf: the smallest eps such that the box "pixel range cut to the
 * Linf ball of radius eps around x0", intersected with the trust region, still holds a step with
 * {@code b . delta = c}. That set of reachable values of {@code b . delta} is an interval that
 * grows with eps, so eps is found by bisection between {@code ||y||_inf - r} and
 * {@code ||y||_inf + r} (y = x - x0; no step of length r gets further either way). For one eps,
 * the furthest reach along +-b on box and ball is {@code b . clamp(lambda b)} at the lambda where
 * the step's length is r (a monotone root). The step returned is such a clamp on the final box,
 * with the lambda that meets {@code b . delta = c}.
 */
final class LinfTrustRegion implements TrustRegionStep {
    private static final int BISECTIONS = 40;

    @Override
    public double[] solve(BoxStep g, double c, double r) {
        double boundaryStep = TrustRegionStep.unreachable(g, c, r);
        if (!Double.isNaN(boundaryStep)) {
            return g.stepAt(boundaryStep);
        }
        double current = 0;
        for (int k = 0; k < g.d; k++) {
            current = Math.max(current, Math.abs(g.x[k] - g.x0[k]));
        }
        double lo = Math.max(0, current - r);
        double hi = current + r;
        double hiLambda = reachable(g, c, r, hi);
        if (Double.isNaN(hiLambda)) {
            return null;
        }
        for (int it = 0; it < BISECTIONS; it++) {
            double mid = (lo + hi) / 2;
            double lambda = reachable(g, c, r, mid);
            if (Double.isNaN(lambda)) {
                lo = mid;
            } else {
                hi = mid;
                hiLambda = lambda;
            }
        }
        g.linfBox(hi);
        double limit = hiLambda;
        double bp = g.reach(0);
        if (Double.isInfinite(limit)) {
            // the whole box side lies inside the trust region: find a finite multiplier that reaches c
            double sign = Math.signum(limit);
            limit = sign / Math.sqrt(g.bNormSq());
            for (int k = 0; k < 200 && sign * (g.reach(limit) - c) < 0; k++) {
                limit *= 2;
            }
        }
        double tol = 1e-7 * Math.abs(c) + 1e-12;
        double lambda = c >= bp
                ? MonotoneRoot.solve(l -> g.reach(l) - c, 0, limit, tol)
                : -MonotoneRoot.solve(l -> c - g.reach(-l), 0, -limit, tol);
        return Double.isNaN(lambda) ? null : g.step(lambda);
    }

    /**
     * The multiplier bounding the steps inside box(eps) and the trust region on the side of c, when
     * c is reachable there; NaN when it is not.
     */
    private static double reachable(BoxStep g, double c, double r, double eps) {
        g.linfBox(eps);
        if (g.normSq(0) > r * r) {
            return Double.NaN; // even the box's point nearest to x lies outside the trust region
        }
        double bp = g.reach(0);
        double sign = c >= bp ? 1 : -1;
        double lambda = g.radiusMultiplier(sign, r);
        if (Double.isNaN(lambda)) {
            return Double.NaN;
        }
        double reach = BoxStep.dot(g.b, g.stepAt(lambda));
        return sign * (reach - c) >= 0 ? lambda : Double.NaN;
    }
}
