package org.lowfreq.attacks;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.lowfreq.spi.AdversarialExample;
import org.lowfreq.spi.AttackOptions;
import org.lowfreq.spi.AttackResult;
import org.lowfreq.spi.Capability;
import org.lowfreq.spi.Classifier;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.Loss;
import org.lowfreq.spi.LossGradient;
import org.lowfreq.spi.Norm;
import org.lowfreq.spi.Options;
import org.lowfreq.spi.Seeds;
import org.lowfreq.spi.UserInputException;

/**
 * Targeted projected gradient descent (Madry et al. 2018) at a fixed budget epsilon, batched:
 * random start in the eps-ball, then {@code steps} descent steps on the loss towards the target
 * (Linf: {@code -a sign(grad)}; L2: {@code -a grad / ||grad||_2}), each followed by projection onto
 * the ball and clipping to [0, 1]. The step size {@code a = stepSize * epsilon} (default
 * {@code 2.5 / steps}: 40 steps for Linf, 50 for L2). With several restarts, each image
 * keeps its smallest successful result, else the one with the highest target probability.
 *
 * <p>Extra options: {@code loss} = {@code ce} (default), {@code margin} or {@code boundary} (the
 * {@link TargetCriterion} function); {@code first-index}: the data set index of the first image,
 * so random starts depend on (seed, image index, restart) only, never on the batch.
 */
public final class PgdAttack implements org.lowfreq.spi.Attack {
    public static final Set<String> EXTRA_OPTIONS = Set.of("loss", "first-index", "random-start");
    private final Norm norm;

    public PgdAttack(Norm norm) {
        this.norm = norm;
    }

    /** Default steps: 40 for Linf, 50 for L2 (docs/METHODS.md 3). */
    public static int defaultSteps(Norm norm) {
        return norm == Norm.LINF ? 40 : 50;
    }

    /**
     * Default step size relative to epsilon: Madry et al.'s {@code 2.5 / steps}, so the steps can
     * cross the ball (2 epsilon) from any random start with room to spare. (Foolbox 3's 0.033 and
     * 0.025 travel only 1.3 epsilon in total and miss successes just above the minimal epsilon.)
     */
    public static double defaultRelativeStep(Norm norm) {
        return 2.5 / defaultSteps(norm);
    }

    /** The default options at a budget. */
    public static AttackOptions defaults(Norm norm, double epsilon, double minProbability, long seed) {
        return new AttackOptions(epsilon, defaultSteps(norm), defaultRelativeStep(norm), 1, minProbability, seed, Options.EMPTY);
    }

    @Override
    public String name() {
        return "pgd-" + norm.label();
    }

    @Override
    public String description() {
        return "targeted PGD, " + norm.label() + ", random start, fixed epsilon";
    }

    @Override
    public Norm norm() {
        return norm;
    }

    @Override
    public boolean minimal() {
        return false;
    }

    @Override
    public AttackResult run(Classifier model, Images inputs, int[] targets, AttackOptions options) {
        long first = options.extra().getLong("first-index", 0);
        long[] ids = new long[inputs.count()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = first + i;
        }
        return run(model, inputs, targets, ids, options);
    }

    /** As {@link #run(Classifier, Images, int[], AttackOptions)} with an explicit seed key per image. */
    public AttackResult run(Classifier model, Images inputs, int[] targets, long[] imageIds, AttackOptions options) {
        double[] budgets = new double[inputs.count()];
        java.util.Arrays.fill(budgets, options.epsilon());
        return run(model, inputs, targets, imageIds, options, budgets);
    }

    /**
     * As {@link #run(Classifier, Images, int[], long[], AttackOptions)} with one budget per image
     * (the bisection protocol runs every image at its own mid-point in one batch); the option's
     * epsilon is ignored.
     */
    public AttackResult run(Classifier model, Images inputs, int[] targets, long[] imageIds, AttackOptions options,
                            double[] budgets) {
        model.require(Capability.INPUT_GRADIENT, "attack " + name());
        Attacks.checkTargets(model, inputs, targets);
        if (budgets.length != inputs.count()) {
            throw new IllegalArgumentException(budgets.length + " budgets for " + inputs.count() + " images");
        }
        for (double eps : budgets) {
            if (!(eps >= 0) || Double.isInfinite(eps)) {
                throw new UserInputException("attack " + name() + " needs a finite epsilon >= 0, got " + eps);
            }
        }
        Loss loss = null;
        String lossName = options.extra().getString("loss", "ce");
        switch (lossName) {
            case "ce" -> loss = Loss.CROSS_ENTROPY;
            case "margin" -> loss = Loss.LOGIT_MARGIN;
            case "boundary" -> loss = null;
            default -> throw new UserInputException("unknown PGD loss '" + lossName + "'", "use ce, margin or boundary");
        }
        boolean randomStart = options.extra().getBoolean("random-start", true);
        TargetCriterion criterion = new TargetCriterion(options.minProbability());
        int n = inputs.count();
        int d = inputs.shape().size();
        float[] x0 = inputs.pixels();

        AdversarialExample[] best = new AdversarialExample[n];
        for (int r = 0; r < options.restarts(); r++) {
            float[] delta = new float[n * d];
            if (randomStart) {
                for (int i = 0; i < n; i++) {
                    double eps = budgets[i];
                    if (!(eps > 0)) {
                        continue;
                    }
                    SplittableRandom rng = Seeds.random(options.seed(), name(), "start", imageIds[i], r);
                    Perturbations.randomStart(norm, delta, i * d, d, eps, rng);
                    Perturbations.clipToImage(x0, delta, i * d, d);
                }
            }
            float[] raw = Perturbations.add(x0, delta);
            for (int s = 0; s < options.steps(); s++) {
                Images x = inputs.withPixels(Perturbations.add(x0, delta));
                LossGradient lg = loss == null ? criterion.boundaryGradient(model, x, targets)
                        : model.lossGradient(x, targets, loss);
                float[] g = lg.gradient();
                for (int i = 0; i < n; i++) {
                    int o = i * d;
                    double step = options.stepSize() * budgets[i];
                    if (norm == Norm.LINF) {
                        for (int k = o; k < o + d; k++) {
                            delta[k] -= (float) (step * Math.signum(g[k]));
                        }
                    } else {
                        double gn = Perturbations.l2(g, o, d);
                        if (gn > 0) {
                            double f = step / gn;
                            for (int k = o; k < o + d; k++) {
                                delta[k] -= (float) (f * g[k]);
                            }
                        }
                    }
                }
                if (s == options.steps() - 1) {
                    raw = Perturbations.add(x0, delta);
                }
                for (int i = 0; i < n; i++) {
                    Perturbations.project(norm, delta, i * d, d, budgets[i]);
                    Perturbations.clipToImage(x0, delta, i * d, d);
                }
            }
            float[] clipped = Perturbations.add(x0, delta);
            TargetCriterion.Evaluation e = criterion.evaluate(model, inputs.withPixels(clipped), targets);
            for (int i = 0; i < n; i++) {
                int o = i * d;
                AdversarialExample a = new AdversarialExample(java.util.Arrays.copyOfRange(raw, o, o + d),
                        java.util.Arrays.copyOfRange(clipped, o, o + d), e.success()[i],
                        Perturbations.norm(norm, delta, o, d), e.targetProbability()[i]);
                best[i] = Attacks.better(best[i], a);
            }
        }
        List<AdversarialExample> out = new ArrayList<>(List.of(best));
        return new AttackResult(out);
    }
}
