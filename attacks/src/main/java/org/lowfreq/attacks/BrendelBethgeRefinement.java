package org.lowfreq.attacks;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.lowfreq.spi.AdversarialExample;
import org.lowfreq.spi.Capability;
import org.lowfreq.spi.Classifier;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.LossGradient;
import org.lowfreq.spi.Norm;

/**
 * The Brendel-Bethge attack (Brendel et al., NeurIPS 2019; after Foolbox 3's BrendelBethgeAttack),
 * targeted, Linf or L2, as a refinement of given adversarials. Per image: a binary search from the
 * starting adversarial towards the original puts the iterate on the boundary (forward passes);
 * then each step takes the gradient b of the boundary function g of {@link TargetCriterion}
 * (negative = success), averages it with the previous ones (momentum 0.5), and moves by the
 * {@link TrustRegionStep}: the step that minimises the distance to the original while staying on
 * the linearised boundary {@code g + b . delta = -MARGIN} (aiming 10% past it from the clean side
 * and 10% short of it from the adversarial side, Foolbox's overshoot 1.1) inside an L2 trust
 * region of radius {@code lr * d} (d pixels, range 1), lr halved at regular intervals, as in
 * Foolbox; lr and the momentum differ from Foolbox's (README, Choices). The smallest successful
 * iterate is kept.
 *
 * <p>An image without a successful start does not run; an image whose boundary gradient vanishes
 * or is not finite, or whose per-step problem finds no solution, stops there and keeps its best:
 * each is reported in {@link Result#notes()} and never fails the batch. No randomness.
 */
final class BrendelBethgeRefinement {
    /** Trust-region radius relative to d (Foolbox: 1e-3 over 1000 steps; see the README on why larger here). */
    static final double LR = 1e-2;
    static final double LR_DECAY = 0.5;
    static final int LR_DECAYS = 12;
    /** Weight of the previous boundary normals (Foolbox: 0.8; see the README). */
    static final double MOMENTUM = 0.5;
    static final double OVERSHOOT = 1.1;
    static final int BINARY_SEARCH_STEPS = 15;
    /**
     * The level of g the steps aim at, just inside the adversarial side (g is a log-probability
     * difference): near g = 0 float32 pixels cannot resolve the small steps left, and iterates that
     * land a rounding error on the wrong side would stall there.
     */
    static final double MARGIN = 1e-5;
    private final Norm norm;
    private final int steps;
    private final TargetCriterion criterion;
    private final TrustRegionStep solver;

    /** The refined examples and, per image, "" or why Brendel-Bethge did not run or stopped early. */
    record Result(AdversarialExample[] examples, String[] notes) {
    }

    BrendelBethgeRefinement(Norm norm, int steps, double minProbability) {
        if (steps < 1) {
            throw new IllegalArgumentException("Brendel-Bethge needs at least one step, got " + steps);
        }
        this.norm = norm;
        this.steps = steps;
        this.criterion = new TargetCriterion(minProbability);
        this.solver = TrustRegionStep.of(norm);
    }

    Result refine(Classifier model, Images inputs, int[] targets, AdversarialExample[] starts) {
        model.require(Capability.INPUT_GRADIENT, "the Brendel-Bethge attack");
        Attacks.checkTargets(model, inputs, targets);
        int n = inputs.count();
        int d = inputs.shape().size();
        float[] x0 = inputs.pixels();
        String[] notes = new String[n];
        Arrays.fill(notes, "");
        boolean[] active = new boolean[n];
        float[] x = x0.clone();
        for (int i = 0; i < n; i++) {
            active[i] = starts[i] != null && starts[i].success();
            if (active[i]) {
                System.arraycopy(starts[i].clipped(), 0, x, i * d, d);
            } else {
                notes[i] = "Brendel-Bethge did not run: the PGD sweep found no adversarial to start from";
            }
        }
        toBoundary(model, inputs, targets, active, x);
        float[] best = x.clone();
        double[] bestNorm = new double[n];
        for (int i = 0; i < n; i++) {
            bestNorm[i] = active[i] ? distance(x, x0, i * d, d) : Double.POSITIVE_INFINITY;
        }
        double[][] boundary = new double[n][];
        int interval = Math.max(1, steps / LR_DECAYS);
        double lr = LR;
        for (int s = 0; s < steps; s++) {
            if ((s + 1) % interval == 0) {
                lr *= LR_DECAY;
            }
            int[] idx = IntStream.range(0, n).filter(i -> active[i]).toArray();
            if (idx.length == 0) {
                break;
            }
            int[] t = new int[idx.length];
            float[] px = new float[idx.length * d];
            for (int k = 0; k < idx.length; k++) {
                t[k] = targets[idx[k]];
                System.arraycopy(x, idx[k] * d, px, k * d, d);
            }
            LossGradient lg = criterion.boundaryGradient(model, new Images(idx.length, inputs.shape(), px), t);
            double region = lr * d;
            int step = s;
            // images are independent: their per-step problems run in parallel, with the same results
            IntStream.range(0, idx.length).parallel().forEach(k -> {
                int i = idx[k];
                double g = lg.loss()[k];
                double[] grad = new double[d];
                double gn = 0;
                for (int q = 0; q < d; q++) {
                    grad[q] = lg.gradient()[k * d + q];
                    gn += grad[q] * grad[q];
                }
                if (!Double.isFinite(g) || !Double.isFinite(gn) || gn == 0) {
                    stop(active, notes, i, "Brendel-Bethge stopped at step " + step + ": the boundary gradient "
                            + (gn == 0 ? "vanished" : "is not finite") + "; kept its best so far");
                    return;
                }
                if (g < 0) {
                    double dist = distance(x, x0, i * d, d);
                    if (dist < bestNorm[i]) {
                        bestNorm[i] = dist;
                        System.arraycopy(x, i * d, best, i * d, d);
                    }
                }
                if (boundary[i] == null) {
                    boundary[i] = grad;
                } else {
                    for (int q = 0; q < d; q++) {
                        boundary[i][q] = (1 - MOMENTUM) * grad[q] + MOMENTUM * boundary[i][q];
                    }
                }
                // aim at g = -MARGIN, not 0: at g = 0 the remaining steps fall below float32 pixel resolution
                double h = g + MARGIN;
                double c = h > 0 ? -OVERSHOOT * h : -(2 - OVERSHOOT) * h;
                double[] xi = new double[d];
                double[] x0i = new double[d];
                for (int q = 0; q < d; q++) {
                    xi[q] = x[i * d + q];
                    x0i[q] = x0[i * d + q];
                }
                double[] delta = solver.solve(new BoxStep(x0i, xi, boundary[i]), c, region);
                if (delta == null || !allFinite(delta)) {
                    stop(active, notes, i, "Brendel-Bethge stopped at step " + step
                            + ": the trust-region step did not converge; kept its best so far");
                    return;
                }
                for (int q = 0; q < d; q++) {
                    x[i * d + q] = (float) BoxStep.clamp(xi[q] + delta[q], 0, 1);
                }
            });
        }
        // the last iterate is never judged inside the loop
        TargetCriterion.Evaluation last = criterion.evaluate(model, inputs.withPixels(x), targets);
        for (int i = 0; i < n; i++) {
            double dist = distance(x, x0, i * d, d);
            if (last.success()[i] && dist < bestNorm[i]) {
                bestNorm[i] = dist;
                System.arraycopy(x, i * d, best, i * d, d);
            }
        }
        return new Result(finalCheck(model, inputs, targets, starts, best), notes);
    }

    private static void stop(boolean[] active, String[] notes, int i, String why) {
        active[i] = false;
        notes[i] = why;
    }

    private static boolean allFinite(double[] v) {
        for (double a : v) {
            if (!Double.isFinite(a)) {
                return false;
            }
        }
        return true;
    }

    private double distance(float[] x, float[] x0, int offset, int d) {
        float[] delta = new float[d];
        for (int q = 0; q < d; q++) {
            delta[q] = x[offset + q] - x0[offset + q];
        }
        return Perturbations.norm(norm, delta, 0, d);
    }

    /**
     * Binary search per image on the segment from the original to its start (L2: the straight
     * line; Linf: the start's perturbation clipped to a shrinking Linf ball, as Foolbox), leaving
     * each active image's iterate at the closest point found that still succeeds.
     */
    private void toBoundary(Classifier model, Images inputs, int[] targets, boolean[] active, float[] x) {
        int n = inputs.count();
        int d = inputs.shape().size();
        float[] x0 = inputs.pixels();
        float[] start = x.clone();
        double[] lo = new double[n];
        double[] hi = new double[n];
        Arrays.fill(hi, 1);
        double[] linf = new double[n];
        for (int i = 0; i < n; i++) {
            for (int q = 0; q < d; q++) {
                linf[i] = Math.max(linf[i], Math.abs(start[i * d + q] - x0[i * d + q]));
            }
        }
        for (int it = 0; it < BINARY_SEARCH_STEPS; it++) {
            float[] trial = x0.clone();
            double[] mid = new double[n];
            for (int i = 0; i < n; i++) {
                mid[i] = (lo[i] + hi[i]) / 2;
                if (active[i]) {
                    point(x0, start, i * d, d, mid[i], linf[i], trial);
                }
            }
            TargetCriterion.Evaluation e = criterion.evaluate(model, inputs.withPixels(trial), targets);
            for (int i = 0; i < n; i++) {
                if (e.success()[i]) {
                    hi[i] = mid[i];
                } else {
                    lo[i] = mid[i];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (active[i] && hi[i] < 1) {
                point(x0, start, i * d, d, hi[i], linf[i], x);
            }
        }
    }

    private void point(float[] x0, float[] start, int o, int d, double t, double linf, float[] out) {
        for (int q = 0; q < d; q++) {
            double delta = start[o + q] - x0[o + q];
            double moved = norm == Norm.LINF ? BoxStep.clamp(delta, -t * linf, t * linf) : t * delta;
            out[o + q] = (float) BoxStep.clamp(x0[o + q] + moved, 0, 1);
        }
    }

    /**
     * Exact check of each best (the loop judged success by g from the gradient call); a best that
     * fails it, or is no better than the start, gives way to the start.
     */
    private AdversarialExample[] finalCheck(Classifier model, Images inputs, int[] targets, AdversarialExample[] starts,
                                            float[] best) {
        int n = inputs.count();
        int d = inputs.shape().size();
        float[] x0 = inputs.pixels();
        TargetCriterion.Evaluation e = criterion.evaluate(model, inputs.withPixels(best), targets);
        AdversarialExample[] out = new AdversarialExample[n];
        for (int i = 0; i < n; i++) {
            float[] a = Arrays.copyOfRange(best, i * d, i * d + d);
            AdversarialExample found = new AdversarialExample(a, a.clone(), e.success()[i], distance(best, x0, i * d, d),
                    e.targetProbability()[i]);
            out[i] = starts[i] == null ? found : Attacks.better(starts[i], found);
        }
        return out;
    }
}
