package org.lowfreq.attacks;

import java.util.Arrays;
import org.lowfreq.spi.Norm;
import org.lowfreq.spi.UserInputException;

/**
 * Settings of the minimal-epsilon protocol (docs/METHODS.md 3).
 *
 * @param norm           Linf or L2
 * @param images         N, the first N test images
 * @param minProbability success needs softmax(target) >= this
 * @param seed           seed of the targets and of every random start
 * @param epsilonGrid    the PGD sweep, ascending
 * @param pgdSteps       PGD steps per epsilon
 * @param pgdRelativeStep PGD step size relative to epsilon
 * @param fmnSteps       FMN steps per restart
 * @param fmnStepSize    FMN initial step size (L2 length of a step)
 * @param fmnRestarts    FMN restarts (the first from the sweep's success)
 * @param scaleIterations binary-search iterations of the final {@link ScaleSearch}
 * @param batchSize      images per persisted batch
 * @param protocol       how the minimal epsilon is searched
 * @param bisectionSteps bisection steps of {@link SearchProtocol#BISECTION} (8 in the paper's code)
 * @param refinement     the minimal-norm attack after the PGD sweep of {@link SearchProtocol#SWEEP}
 */
public record ProtocolSettings(Norm norm, int images, double minProbability, long seed, double[] epsilonGrid,
                               int pgdSteps, double pgdRelativeStep, int fmnSteps, double fmnStepSize, int fmnRestarts,
                               int scaleIterations, int batchSize, SearchProtocol protocol, int bisectionSteps,
                               Refinement refinement) {
    /** The standard Linf budgets of the field, 2/255, 4/255 and 8/255: targeted success is reported at each. */
    public static final double[] LINF_STANDARD_BUDGETS = {2 / 255.0, 4 / 255.0, 8 / 255.0};
    /** The default Linf grid: doubling from 0.0005 to 0.25, plus the standard budgets. */
    public static final double[] LINF_GRID = {0.0005, 0.001, 0.002, 0.004, 2 / 255.0, 0.008, 4 / 255.0, 0.016, 8 / 255.0,
        0.032, 0.064, 0.128, 0.25};
    /**
     * Images per persisted batch, and so at most per gradient call: the batch of {@code lowfreq bench}'s
     * input-gradient workload ({@code InputGradientBench.DEFAULT}), where the backend's rate was measured.
     */
    public static final int DEFAULT_BATCH = 128;
    public static final double[] L2_GRID = {0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10};

    public ProtocolSettings {
        if (images < 2) {
            throw new UserInputException("the attack protocol needs at least 2 images, got " + images,
                    "pass --n 2 or more (the paper uses 1000)");
        }
        if (epsilonGrid.length == 0) {
            throw new UserInputException("the epsilon grid is empty", "give e.g. --eps-grid 0.001,0.002,0.004");
        }
        epsilonGrid = epsilonGrid.clone();
        for (int j = 0; j < epsilonGrid.length; j++) {
            if (!(epsilonGrid[j] > 0) || Double.isInfinite(epsilonGrid[j]) || (j > 0 && epsilonGrid[j] <= epsilonGrid[j - 1])) {
                throw new UserInputException("epsilon grid " + Arrays.toString(epsilonGrid) + " must be positive, finite and increasing");
            }
        }
        if (pgdSteps < 1 || fmnSteps < 1 || fmnRestarts < 1 || batchSize < 1 || scaleIterations < 0 || bisectionSteps < 1) {
            throw new UserInputException("steps, restarts and batch size must be >= 1");
        }
        if (protocol == null || refinement == null) {
            throw new IllegalArgumentException("no search protocol or refinement");
        }
        if (protocol == SearchProtocol.BISECTION && refinement != Refinement.FMN) {
            throw new UserInputException("the bisection protocol has no refinement stage, so refinement '"
                    + refinement.label() + "' does not apply", "drop the refinement, or use protocol sweep");
        }
        if (!(minProbability >= 0 && minProbability <= 1)) {
            throw new UserInputException("min probability must lie in [0, 1], got " + minProbability);
        }
    }

    public static ProtocolSettings defaults(Norm norm, int images) {
        return new ProtocolSettings(norm, images, 0.5, 0, norm == Norm.LINF ? LINF_GRID : L2_GRID,
                PgdAttack.defaultSteps(norm), PgdAttack.defaultRelativeStep(norm), FmnAttack.DEFAULT_STEPS,
                FmnAttack.DEFAULT_STEP_SIZE, 2, 20, DEFAULT_BATCH, SearchProtocol.SWEEP, 8, Refinement.FMN);
    }

    public ProtocolSettings withImages(int n) {
        return new ProtocolSettings(norm, n, minProbability, seed, epsilonGrid, pgdSteps, pgdRelativeStep, fmnSteps,
                fmnStepSize, fmnRestarts, scaleIterations, batchSize, protocol, bisectionSteps, refinement);
    }

    public ProtocolSettings withMinProbability(double p) {
        return new ProtocolSettings(norm, images, p, seed, epsilonGrid, pgdSteps, pgdRelativeStep, fmnSteps,
                fmnStepSize, fmnRestarts, scaleIterations, batchSize, protocol, bisectionSteps, refinement);
    }

    public ProtocolSettings withSeed(long s) {
        return new ProtocolSettings(norm, images, minProbability, s, epsilonGrid, pgdSteps, pgdRelativeStep, fmnSteps,
                fmnStepSize, fmnRestarts, scaleIterations, batchSize, protocol, bisectionSteps, refinement);
    }

    public ProtocolSettings withEpsilonGrid(double[] grid) {
        return new ProtocolSettings(norm, images, minProbability, seed, grid, pgdSteps, pgdRelativeStep, fmnSteps,
                fmnStepSize, fmnRestarts, scaleIterations, batchSize, protocol, bisectionSteps, refinement);
    }

    public ProtocolSettings withBatchSize(int b) {
        return new ProtocolSettings(norm, images, minProbability, seed, epsilonGrid, pgdSteps, pgdRelativeStep, fmnSteps,
                fmnStepSize, fmnRestarts, scaleIterations, b, protocol, bisectionSteps, refinement);
    }

    public ProtocolSettings withFmn(int steps, int restarts) {
        return new ProtocolSettings(norm, images, minProbability, seed, epsilonGrid, pgdSteps, pgdRelativeStep, steps,
                fmnStepSize, restarts, scaleIterations, batchSize, protocol, bisectionSteps, refinement);
    }

    public ProtocolSettings withPgdSteps(int steps) {
        return new ProtocolSettings(norm, images, minProbability, seed, epsilonGrid, steps, 2.5 / steps, fmnSteps,
                fmnStepSize, fmnRestarts, scaleIterations, batchSize, protocol, bisectionSteps, refinement);
    }

    public ProtocolSettings withProtocol(SearchProtocol p) {
        return new ProtocolSettings(norm, images, minProbability, seed, epsilonGrid, pgdSteps, pgdRelativeStep, fmnSteps,
                fmnStepSize, fmnRestarts, scaleIterations, batchSize, p, bisectionSteps, refinement);
    }

    public ProtocolSettings withRefinement(Refinement r) {
        return new ProtocolSettings(norm, images, minProbability, seed, epsilonGrid, pgdSteps, pgdRelativeStep, fmnSteps,
                fmnStepSize, fmnRestarts, scaleIterations, batchSize, protocol, bisectionSteps, r);
    }

    /** The search as notes and figure titles name it: "sweep + FMN", "sweep + Brendel-Bethge" or "PGD bisection". */
    public String description() {
        return protocol == SearchProtocol.SWEEP ? "sweep + " + refinement.description() : protocol.description();
    }

    /**
     * The probe name of the results: {@code attack-linf} / {@code attack-l2} for the default sweep
     * + FMN, with {@code -bb} appended for the Brendel-Bethge refinement and {@code -bisection} for
     * the bisection protocol, so that results of different searches on one model never merge.
     */
    public String probeName() {
        String suffix = protocol != SearchProtocol.SWEEP ? "-" + protocol.label()
                : refinement != Refinement.FMN ? "-" + refinement.label() : "";
        return "attack-" + norm.label() + suffix;
    }

    /** Brendel-Bethge steps: the gradient budget of the FMN refinement it replaces (steps x restarts). */
    public int bbSteps() {
        return fmnSteps * fmnRestarts;
    }

    /** The largest epsilon of the grid: the bisection protocol's first PGD budget and upper bound. */
    public double maxEpsilon() {
        return epsilonGrid[epsilonGrid.length - 1];
    }

    /** The width of the bisection protocol's final interval, {@code eps_max / 2^steps}. */
    public double bisectionResolution() {
        return maxEpsilon() / Math.pow(2, bisectionSteps);
    }

    /** Everything that changes the numbers, as one line; a resumed run must match it. */
    public String fingerprint(String modelName) {
        return "model=" + modelName + " norm=" + norm.label() + " n=" + images + " min_prob=" + minProbability
                + " seed=" + seed + " grid=" + Arrays.toString(epsilonGrid) + " pgd=" + pgdSteps + "x" + pgdRelativeStep
                + " fmn=" + fmnSteps + "x" + fmnStepSize + "x" + fmnRestarts + " scale=" + scaleIterations + (protocol == SearchProtocol.SWEEP ? " sweep-start=first-order" : "")
                + " batch=" + batchSize + (protocol == SearchProtocol.SWEEP ? ""
                : " protocol=" + protocol.label() + " bisection=" + bisectionSteps)
                + (refinement == Refinement.FMN ? "" : " refine=" + refinement.label());
    }
}
