package org.lowfreq.attacks;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.lowfreq.spi.AdversarialExample;
import org.lowfreq.spi.Classifier;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.Loss;
import org.lowfreq.spi.LossGradient;
import org.lowfreq.spi.Norm;
import org.lowfreq.spi.Seeds;

/**
 * The PGD epsilon sweep of {@link SweepSearch}, spending gradients only where they are needed
 * (issue 17): a fixed number of slots run targeted PGD (random start, {@code steps} sign / L2 steps
 * of {@code relativeStep * eps}, projection, clipping) on one (image, epsilon) task each. Every
 * gradient call also judges each slot's current iterate: an image leaves at its first successful
 * iterate; a final iterate is judged by a forward pass alone and, when it fails, the image moves on
 * to the next epsilon of the grid in the same slot; a freed slot takes the next waiting image, so the batch the model sees stays full while
 * images remain.
 *
 * <p>Success is read from the cross-entropy the gradient call returns ({@code p_t = exp(-CE)};
 * with min_prob >= 0.5 that alone is the criterion) and confirmed by {@link TargetCriterion} on the
 * candidates only, so a float rounding at the boundary never passes as a success; with min_prob
 * below 0.5 every iterate is judged by the criterion (a forward pass per step). A slot's trajectory
 * depends only on (seed, epsilon index, image index), never on the slot count or on the other
 * images, so results do not depend on the batch size.
 *
 * <p>{@link #runWithFmn} also runs each image's FMN refinement in its slot once its sweep result is
 * known, and uses free slots for the next epsilons of images still sweeping ({@link SweepLadders}): the
 * same answers, fewer and fuller gradient calls.
 */
final class PgdSweep {
    private final Norm norm;
    private final double[] grid;
    private final int steps;
    private final double relativeStep;
    private final TargetCriterion criterion;
    private final long seed;
    private final int slots;

    PgdSweep(ProtocolSettings settings, int slots) {
        if (slots < 1) {
            throw new IllegalArgumentException("slots " + slots);
        }
        this.norm = settings.norm();
        this.grid = settings.epsilonGrid();
        this.steps = settings.pgdSteps();
        this.relativeStep = settings.pgdRelativeStep();
        this.criterion = new TargetCriterion(settings.minProbability());
        this.seed = settings.seed();
        this.slots = slots;
    }

    /** A slot on image {@code image}'s epsilon level {@code level}: fresh random start, no step taken yet. */
    private SweepSlot slot(int image, int level, float[] x0, int d, long id) {
        SweepSlot s = new SweepSlot(image, d);
        start(s, level, x0, d, id);
        return s;
    }

    /** Restarts s on its image at epsilon level {@code level}. */
    private void start(SweepSlot s, int level, float[] x0, int d, long id) {
        s.level = level;
        s.step = 0;
        s.delta = new float[d];
        // the same random start as PgdAttack at this grid point: (seed, "sweep", level) -> (attack, "start", id, 0)
        Perturbations.randomStart(norm, s.delta, 0, d, grid[level],
                Seeds.random(Seeds.derive(seed, "sweep", level), "pgd-" + norm.label(), "start", id, 0));
        Perturbations.clipToImage(Arrays.copyOfRange(x0, s.image * d, s.image * d + d), s.delta, 0, d);
    }

    /** Per image the first success (norm of its perturbation), else the failure with the highest target probability. */
    AdversarialExample[] run(Classifier model, Images x, int[] targets, long[] ids) {
        return run(model, x, targets, ids, null, null);
    }

    /**
     * The sweep, each image then refined by FMN ({@link FmnTrack}) in its own slot from its sweep
     * result, as soon as it leaves the sweep: the images still sweeping and those refining share
     * every gradient call, so the batch stays full while any work remains. Needs min_prob >= 0.5
     * (FMN's boundary function is then the cross-entropy the sweep's gradient calls return).
     * {@code refined[i]} receives image i's FMN result; the sweep's results are returned.
     */
    AdversarialExample[] runWithFmn(Classifier model, Images x, int[] targets, long[] ids, FmnTrack.Settings fmn,
                                    AdversarialExample[] refined) {
        if (criterion.minProbability() < 0.5) {
            throw new IllegalArgumentException("FMN in the sweep's slots needs min_prob >= 0.5, not " + criterion.minProbability());
        }
        return run(model, x, targets, ids, fmn, refined);
    }

    private AdversarialExample[] run(Classifier model, Images x, int[] targets, long[] ids, FmnTrack.Settings fmn,
                                     AdversarialExample[] refined) {
        int n = x.count();
        int d = x.shape().size();
        float[] x0 = x.pixels();
        AdversarialExample[] best = new AdversarialExample[n];
        Deque<Integer> waiting = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            waiting.add(i);
        }
        List<SweepSlot> active = new ArrayList<>();
        boolean ceDecides = criterion.minProbability() >= 0.5;
        // with min_prob >= 0.5 the boundary function is CE + log(min_prob), so the sweep's own
        // cross-entropy gradient on the clean image gives the first-order distance to success
        boolean estimate = ceDecides && grid.length > 1;
        SweepLadders ladders = fmn == null ? null : new SweepLadders(n, grid.length, slots, fmn, x0, d, ids, best,
                (s, level) -> start(s, level, x0, d, ids[s.image]));
        while (!active.isEmpty() || !waiting.isEmpty()) {
            while (active.size() < slots && !waiting.isEmpty()) {
                int i = waiting.poll();
                active.add(estimate ? new SweepSlot(i, d) : slot(i, 0, x0, d, ids[i]));
                if (ladders != null && !estimate) {
                    ladders.started(i, 0);
                }
            }
            if (ladders != null && waiting.isEmpty()) {
                ladders.speculate(active);
            }
            if (judgeFinalIterates(model, x, targets, ids, active, best, fmn, ladders)
                    | forwardFmn(model, x, targets, active, refined)) {
                continue; // slots were freed or moved on: refill before the next gradient call
            }
            int m = active.size();
            float[] px = new float[m * d];
            int[] t = new int[m];
            boolean[] sweeping = new boolean[m];
            for (int k = 0; k < m; k++) {
                SweepSlot s = active.get(k);
                if (s.fmn != null) {
                    s.fmn.pixels(px, k * d);
                } else {
                    sweeping[k] = true;
                    for (int q = 0; q < d; q++) {
                        px[k * d + q] = x0[s.image * d + q] + s.delta[q];
                    }
                }
                t[k] = targets[s.image];
            }
            Images batch = new Images(m, x.shape(), px);
            LossGradient lg = model.lossGradient(batch, t, Loss.CROSS_ENTROPY);
            boolean[] success = judge(model, batch, t, lg, ceDecides, sweeping);
            double[] probability = new double[m];
            for (int k = 0; k < m; k++) {
                probability[k] = Math.exp(-lg.loss()[k]);
            }
            List<SweepSlot> next = new ArrayList<>(m);
            for (int k = 0; k < m; k++) {
                SweepSlot s = active.get(k);
                if (s.fmn != null) {
                    s.fmn.onGradient(lg.loss()[k], lg.gradient(), k * d);
                    next.add(s);
                    continue;
                }
                if (ladders != null && ladders.resolved[s.image]) {
                    continue; // a speculative level of an image whose minimal level is known
                }
                float[] iterate = Arrays.copyOfRange(px, k * d, k * d + d);
                if (success[k]) {
                    AdversarialExample found = new AdversarialExample(iterate, iterate.clone(), true,
                            Perturbations.norm(norm, s.delta, 0, d), probability[k]);
                    if (ladders == null) {
                        best[s.image] = found;
                    } else {
                        SweepSlot refining = ladders.succeeded(s, found);
                        if (refining != null) {
                            next.add(refining);
                        }
                    }
                    continue; // done: the slot is free for the next image (or for its FMN refinement)
                }
                if (s.level == SweepSlot.ESTIMATE) {
                    int level = startLevel(lg, k, d);
                    start(s, level, x0, d, ids[s.image]);
                    if (ladders != null) {
                        ladders.started(s.image, level);
                    }
                } else {
                    step(s, lg.gradient(), k * d, x0, d);
                }
                next.add(s);
            }
            if (ladders != null) {
                next.removeIf(s -> s.fmn == null && ladders.resolved[s.image]);
            }
            active = next;
        }
        return best;
    }

    /**
     * Judges the slots that took all their steps with a forward pass (no gradient is needed on a
     * final iterate): a success ends the image, a failure moves it to the next epsilon or, after
     * the last, ends it with its most probable failure. True when any slot was judged.
     */
    private boolean judgeFinalIterates(Classifier model, Images x, int[] targets, long[] ids, List<SweepSlot> active,
                                       AdversarialExample[] best, FmnTrack.Settings fmn, SweepLadders ladders) {
        List<SweepSlot> last = active.stream().filter(s -> s.fmn == null && s.step == steps).toList();
        if (last.isEmpty()) {
            return false;
        }
        int d = x.shape().size();
        float[] x0 = x.pixels();
        float[] px = new float[last.size() * d];
        int[] t = new int[last.size()];
        for (int k = 0; k < last.size(); k++) {
            SweepSlot s = last.get(k);
            for (int q = 0; q < d; q++) {
                px[k * d + q] = x0[s.image * d + q] + s.delta[q];
            }
            t[k] = targets[s.image];
        }
        TargetCriterion.Evaluation e = criterion.evaluate(model, new Images(last.size(), x.shape(), px), t);
        for (int k = 0; k < last.size(); k++) {
            SweepSlot s = last.get(k);
            float[] iterate = Arrays.copyOfRange(px, k * d, k * d + d);
            AdversarialExample a = new AdversarialExample(iterate, iterate.clone(), e.success()[k],
                    Perturbations.norm(norm, s.delta, 0, d), e.targetProbability()[k]);
            if (ladders != null) {
                if (ladders.resolved[s.image]) {
                    continue;
                }
                active.remove(s);
                SweepSlot refining = e.success()[k] ? ladders.succeeded(s, a)
                        : ladders.failedAt(s, a) ? keep(active, s) : (ladders.settle(s.image) ? ladders.refine(new SweepSlot(s.image, d)) : null);
                if (refining != null) {
                    active.add(refining);
                }
                continue;
            }
            best[s.image] = Attacks.better(best[s.image], a);
            if (!e.success()[k] && s.level + 1 < grid.length) {
                start(s, s.level + 1, x0, d, ids[s.image]);
            } else if (fmn != null) {
                s.fmn = new FmnTrack(fmn, image(x0, s.image, d), ids[s.image], best[s.image]);
            } else {
                active.remove(s);
            }
        }
        if (ladders != null) {
            active.removeIf(s -> s.fmn == null && ladders.resolved[s.image]);
        }
        return true;
    }

    /** Puts s back among the active slots (it moved on to its image's next level); null: no FMN slot to add. */
    private static SweepSlot keep(List<SweepSlot> active, SweepSlot s) {
        active.add(s);
        return null;
    }

    /**
     * One forward pass over the FMN slots that need one (the last iterate of a restart, or the
     * final check of the best); a slot whose refinement is done is freed. True when any was judged.
     */
    private boolean forwardFmn(Classifier model, Images x, int[] targets, List<SweepSlot> active, AdversarialExample[] refined) {
        List<SweepSlot> judged = active.stream().filter(s -> s.fmn != null && s.fmn.need() == FmnTrack.Need.FORWARD).toList();
        if (judged.isEmpty()) {
            return false;
        }
        int d = x.shape().size();
        float[] px = new float[judged.size() * d];
        int[] t = new int[judged.size()];
        for (int k = 0; k < judged.size(); k++) {
            judged.get(k).fmn.pixels(px, k * d);
            t[k] = targets[judged.get(k).image];
        }
        TargetCriterion.Evaluation e = criterion.evaluate(model, new Images(judged.size(), x.shape(), px), t);
        for (int k = 0; k < judged.size(); k++) {
            SweepSlot s = judged.get(k);
            s.fmn.onForward(e.success()[k], e.targetProbability()[k]);
            if (s.fmn.need() == FmnTrack.Need.DONE) {
                refined[s.image] = s.fmn.result();
                active.remove(s);
            }
        }
        return true;
    }

    private static float[] image(float[] x0, int i, int d) {
        return Arrays.copyOfRange(x0, i * d, i * d + d);
    }

    /** Success of each iterate: the candidates by CE, confirmed by the exact criterion (or the criterion throughout). */
    private boolean[] judge(Classifier model, Images batch, int[] t, LossGradient lg, boolean ceDecides, boolean[] sweeping) {
        int m = batch.count();
        boolean[] ok = new boolean[m];
        List<Integer> candidates = new ArrayList<>();
        for (int k = 0; k < m; k++) {
            if (!sweeping[k]) {
                continue; // an FMN slot judges its own iterates
            }
            // CE <= -log(min_prob) + a rounding margin: worth the exact check
            if (!ceDecides || lg.loss()[k] <= -Math.log(criterion.minProbability()) + 1e-5) {
                candidates.add(k);
            }
        }
        if (candidates.isEmpty()) {
            return ok;
        }
        int[] idx = candidates.stream().mapToInt(Integer::intValue).toArray();
        int[] sub = new int[idx.length];
        for (int k = 0; k < idx.length; k++) {
            sub[k] = t[idx[k]];
        }
        TargetCriterion.Evaluation e = criterion.evaluate(model, batch.select(idx), sub);
        for (int k = 0; k < idx.length; k++) {
            ok[idx[k]] = e.success()[k];
        }
        return ok;
    }

    /**
     * The sweep's first epsilon for an image: the largest grid epsilon at or below the first-order
     * distance to success from the clean image, {@code g / ||grad g||_dual} with
     * {@code g = CE + log(min_prob)} (dual = L1 for Linf, L2 for L2); the smallest when that is not
     * finite. The epsilons below it would almost surely fail, at a full PGD run each (about two thirds of
     * the sweep's gradients on a trained ResNet-18). For a boundary function convex along the way
     * (the cross-entropy of a linear model) the estimate is a lower bound of the minimal epsilon,
     * so no success is skipped there; on a ReLU network it can overshoot (2 of 100 images of the
     * baseline ResNet-18 then started one epsilon higher; docs/BENCHMARKS.md).
     */
    private int startLevel(LossGradient lg, int k, int d) {
        double g = lg.loss()[k] + Math.log(criterion.minProbability());
        double dual = Perturbations.dualNorm(norm, lg.gradient(), k * d, d);
        double distance = g / dual;
        int level = 0;
        if (!(distance > 0) || Double.isInfinite(distance)) {
            return level;
        }
        while (level + 1 < grid.length && grid[level + 1] <= distance) {
            level++;
        }
        return level;
    }

    private void step(SweepSlot s, float[] g, int offset, float[] x0, int d) {
        double eps = grid[s.level];
        double a = relativeStep * eps;
        if (norm == Norm.LINF) {
            for (int q = 0; q < d; q++) {
                s.delta[q] -= (float) (a * Math.signum(g[offset + q]));
            }
        } else {
            double gn = Perturbations.l2(g, offset, d);
            if (gn > 0) {
                double f = a / gn;
                for (int q = 0; q < d; q++) {
                    s.delta[q] -= (float) (f * g[offset + q]);
                }
            }
        }
        Perturbations.project(norm, s.delta, 0, d, eps);
        Perturbations.clipToImage(Arrays.copyOfRange(x0, s.image * d, s.image * d + d), s.delta, 0, d);
        s.step++;
    }
}
