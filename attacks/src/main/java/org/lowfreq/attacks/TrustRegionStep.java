package org.lowfreq.attacks;

import org.lowfreq.spi.Norm;

/**
 * The per-step problem of the Brendel-Bethge attack (Brendel et al. 2019, eq. 3): from the current
 * point x, the step delta that minimises the distance {@code ||x + delta - x0||_p} subject to
 * staying on the linearised boundary ({@code b . delta = c}), inside the trust region
 * ({@code ||delta||_2 <= r}) and inside the pixel range ({@code x + delta in [0, 1]}). When the
 * linearised boundary cannot be reached inside the trust region, the step is instead the one that
 * goes furthest towards it ({@code max sign(c) b . delta} on the same region), as in Foolbox 3.
 */
interface TrustRegionStep {
    /** The step, or null when a 1-D solve found no bracket (reported as not converged). */
    double[] solve(BoxStep g, double c, double r);

    static TrustRegionStep of(Norm norm) {
        return norm == Norm.LINF ? new LinfTrustRegion() : new L2TrustRegion();
    }

    /**
     * The multiplier of the step that goes furthest towards the boundary inside the pixel box and
     * the trust region, or NaN when the boundary is reachable there (then the caller solves the
     * distance problem); on the pixel box.
     */
    static double unreachable(BoxStep g, double c, double r) {
        g.pixelBox();
        double sign = c >= 0 ? 1 : -1;
        double lambda = g.radiusMultiplier(sign, r);
        if (Double.isNaN(lambda)) {
            return lambda;
        }
        double reach = sign * BoxStep.dot(g.b, g.stepAt(lambda));
        return reach < Math.abs(c) ? lambda : Double.NaN;
    }
}
