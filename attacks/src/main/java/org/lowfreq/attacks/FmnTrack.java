package org.lowfreq.attacks;

import java.util.SplittableRandom;
import org.lowfreq.spi.AdversarialExample;
import org.lowfreq.spi.Norm;
import org.lowfreq.spi.Seeds;

/**
 * One image's FMN refinement ({@link FmnAttack}'s default schedule and restarts, no per-image stop)
 * as a state machine the {@link PgdSweep} runs in the slot the image held during the sweep: an image
 * that leaves the sweep starts its refinement at once, in the same gradient batches as the images
 * still sweeping, so the batch the model sees stays full (issue 17: the sweep's last images used
 * to run in ever smaller batches before FMN started). The step is {@link FmnAttack}'s, image by
 * image: its trajectory depends only on its own gradients, never on which images share the batch.
 */
final class FmnTrack {
    /** What the track needs next from the model. */
    enum Need { GRADIENT, FORWARD, DONE }

    /** FMN's settings: those of {@link SweepSearch}'s refinement. */
    record Settings(Norm norm, int steps, double stepSize, int restarts, double minProbability, long seed) {
        double logMin() {
            return Math.log(minProbability);
        }
    }

    private static final double GAMMA0 = 0.05;
    private static final double GAMMA_FINAL = 0.001;

    private final Settings settings;
    private final String name;
    private final long id;
    private final int d;
    private final float[] x0;
    private float[] delta;
    private final float[] best;
    private double bestNorm = Double.POSITIVE_INFINITY;
    private double eps;
    private int restart;
    private int step;
    /** FORWARD after the last step of a restart: judge the last iterate; after the last restart: the final check of the best. */
    private boolean finalCheck;
    private AdversarialExample result;

    /** {@code start} (may be unsuccessful, or null) is the first iterate and, when it succeeds, the best so far. */
    FmnTrack(Settings settings, float[] x0, long id, AdversarialExample start) {
        this.settings = settings;
        this.name = "fmn-" + settings.norm().label();
        this.id = id;
        this.d = x0.length;
        this.x0 = x0;
        this.best = new float[d];
        this.delta = new float[d];
        if (start != null) {
            for (int k = 0; k < d; k++) {
                delta[k] = start.clipped()[k] - x0[k];
            }
            if (start.success()) {
                System.arraycopy(delta, 0, best, 0, d);
                bestNorm = Perturbations.norm(settings.norm(), delta, 0, d);
            }
        }
        restart = -1;
        nextRestart();
    }

    Need need() {
        if (result != null) {
            return Need.DONE;
        }
        return finalCheck || step == settings.steps() ? Need.FORWARD : Need.GRADIENT;
    }

    /** The pixels the next call needs (the iterate, or the best for the final check). */
    void pixels(float[] into, int offset) {
        float[] p = finalCheck ? best : delta;
        for (int q = 0; q < d; q++) {
            into[offset + q] = x0[q] + p[q];
        }
    }

    /** One FMN step from the cross-entropy and its gradient at the iterate (g = CE + log(min_prob)). */
    void onGradient(float crossEntropy, float[] grad, int go) {
        int steps = settings.steps();
        Norm norm = settings.norm();
        double cos = (1 + Math.cos(Math.PI * step / steps)) / 2;
        double alpha0 = settings.stepSize();
        double alphaFinal = alpha0 / 100;
        double alpha = alphaFinal + (alpha0 - alphaFinal) * cos;
        double gamma = GAMMA_FINAL + (GAMMA0 - GAMMA_FINAL) * cos;
        // as TargetCriterion.boundaryGradient rounds it
        double g = (float) (crossEntropy + settings.logMin());
        double n = Perturbations.norm(norm, delta, 0, d);
        boolean adversarial = g < 0;
        if (adversarial && n < bestNorm) {
            bestNorm = n;
            System.arraycopy(delta, 0, best, 0, d);
        }
        eps = FmnAttack.step(norm, x0, delta, 0, d, grad, go, g, n, eps, bestNorm, alpha, gamma);
        step++;
    }

    /** The exact criterion's verdict on {@link #pixels}. */
    void onForward(boolean success, double targetProbability) {
        if (finalCheck) {
            float[] a = new float[d];
            for (int q = 0; q < d; q++) {
                a[q] = x0[q] + best[q];
            }
            result = new AdversarialExample(a, a.clone(), success, Perturbations.norm(settings.norm(), best, 0, d),
                    targetProbability);
            return;
        }
        // the last iterate of a restart is never judged by a gradient call
        double n = Perturbations.norm(settings.norm(), delta, 0, d);
        if (success && n < bestNorm) {
            bestNorm = n;
            System.arraycopy(delta, 0, best, 0, d);
        }
        nextRestart();
    }

    AdversarialExample result() {
        return result;
    }

    private void nextRestart() {
        restart++;
        if (restart == settings.restarts()) {
            finalCheck = true;
            return;
        }
        if (restart > 0) {
            delta = new float[d];
            if (Double.isFinite(bestNorm)) {
                SplittableRandom rng = Seeds.random(settings.seed(), name, "restart", id, restart);
                Perturbations.randomStart(settings.norm(), delta, 0, d, 0.5 * bestNorm, rng);
                for (int k = 0; k < d; k++) {
                    delta[k] += best[k];
                }
                Perturbations.clipToImage(x0, delta, 0, d);
            }
        }
        eps = bestNorm;
        step = 0;
    }
}
