package org.lowfreq.tensorflow;

import java.util.Locale;

import org.lowfreq.datasets.stream.UnreadablePolicy;
import java.util.Set;

import org.lowfreq.spi.Options;
import org.lowfreq.spi.TrainingSpec;
import org.lowfreq.spi.UserInputException;
import org.lowfreq.spi.ValueRange;

/**
 * The training settings beyond {@link TrainingSpec}, read from its options (all optional).
 *
 * @param weightDecay        L2 weight decay on convolution and dense kernels (1e-4)
 * @param validationFraction share of the training images held out for checkpoint selection (0.05)
 * @param augment            the standard CIFAR augmentation: reflect-pad 4 + random crop + flip (true)
 * @param rotationDegrees    opt-in: nearest-neighbour rotation drawn from [-d, d] degrees (0 = none)
 * @param colourJitter       opt-in: brightness, contrast and saturation factors in [1 - j, 1 + j] (0 = none)
 * @param pgdEpsilon         adversarial family: Linf radius (8/255)
 * @param pgdSteps           adversarial family: PGD steps per batch (7)
 * @param pgdStepSize        adversarial family: step size (2/255)
 * @param augmentation       augmentation family: {@code noise} or {@code augmix}
 * @param noiseSigma         augmentation family: Gaussian-noise sigma drawn per image from [0, noiseSigma] (0.1)
 * @param augmixWidth        AugMix chains per image (3)
 * @param augmixDepth        AugMix maximum chain depth (3)
 * @param augmixSeverity     AugMix operation severity, 1..10 (3)
 * @param initFrom           fine-tune from this model folder (empty = from scratch)
 * @param pcaFitLimit        images the PCA is fitted on (10000)
 * @param loaderWorkers      threads that make the training and evaluation batches ahead of the step
 *                           (2; 0 = on the step thread); the batches are the same for any count
 * @param inferenceBatchSize images per validation and test batch (0 = about half a million pixels:
 *                           512 at 32 px, 128 at 64 px, 16 at 224 px); does not change the numbers
 * @param unreadable         an image file that cannot be decoded stops the run naming it ({@code refuse},
 *                           the default), or is left out and reported by path ({@code skip})
 */
public record TrainingRecipe(double weightDecay, double validationFraction, boolean augment, double rotationDegrees,
                             double colourJitter, double pgdEpsilon,
                             int pgdSteps, double pgdStepSize, String augmentation, double noiseSigma,
                             int augmixWidth, int augmixDepth, int augmixSeverity, String initFrom, int pcaFitLimit,
                             int loaderWorkers, int inferenceBatchSize, UnreadablePolicy unreadable) {
    public static final Set<String> KEYS = Set.of("weight-decay", "validation-fraction", "augment", "rotation",
            "colour-jitter", "pgd-epsilon",
            "pgd-steps", "pgd-step-size", "augmentation", "noise-sigma", "augmix-width", "augmix-depth",
            "augmix-severity", "init-from", "pca-fit-limit", "loader-workers", "inference-batch-size",
            "on-unreadable");

    /**
     * Options that decide how fast a run goes, never what it computes: left out of the resume
     * fingerprint (a run may resume with another worker count) and of the card's recorded options.
     */
    public static final Set<String> SPEED_ONLY = Set.of("loader-workers", "inference-batch-size");

    /** The default of {@code loader-workers}: two threads make batches while the step runs. */
    public static final int DEFAULT_LOADER_WORKERS = 2;

    /** Validation and test batch size for images of {@code shape}. */
    public int inferenceBatchSize(org.lowfreq.spi.ImageShape shape) {
        if (inferenceBatchSize > 0) {
            return inferenceBatchSize;
        }
        // about 0.5 M pixels per batch: the activations of a full-width ResNet stay within a few GB
        return Math.max(16, Math.min(512, (1 << 19) / (shape.height() * shape.width())));
    }

    /** The per-image augmentation of this recipe. */
    public Augmenter augmenter() {
        return Augmenter.cifar(rotationDegrees, colourJitter);
    }

    public static TrainingRecipe of(Options o) {
        o.requireOnly("tensorflow trainer", KEYS);
        TrainingRecipe r = new TrainingRecipe(o.getDouble("weight-decay", 1e-4, ValueRange.NOT_NEGATIVE),
                o.getDouble("validation-fraction", 0.05, ValueRange.PROBABILITY),
                o.getBoolean("augment", true), o.getDouble("rotation", 0, ValueRange.NOT_NEGATIVE),
                o.getDouble("colour-jitter", 0, ValueRange.NOT_NEGATIVE), o.getDouble("pgd-epsilon", 8.0 / 255, ValueRange.POSITIVE),
                o.getInt("pgd-steps", 7, ValueRange.AT_LEAST_ONE),
                o.getDouble("pgd-step-size", 2.0 / 255, ValueRange.POSITIVE),
                o.getString("augmentation", "augmix").toLowerCase(Locale.ROOT),
                o.getDouble("noise-sigma", 0.1, ValueRange.NOT_NEGATIVE), o.getInt("augmix-width", 3, ValueRange.AT_LEAST_ONE),
                o.getInt("augmix-depth", 3, ValueRange.AT_LEAST_ONE), o.getInt("augmix-severity", 3, ValueRange.AT_LEAST_ONE),
                o.getString("init-from", ""), o.getInt("pca-fit-limit", 10000, ValueRange.AT_LEAST_ONE),
                o.getInt("loader-workers", DEFAULT_LOADER_WORKERS, ValueRange.ZERO_OR_MORE),
                o.getInt("inference-batch-size", 0, ValueRange.ZERO_OR_MORE),
                UnreadablePolicy.parse(o.getString("on-unreadable", UnreadablePolicy.REFUSE.spelling())));
        if (r.validationFraction <= 0 || r.validationFraction >= 0.5) {
            throw new UserInputException("validation-fraction must be in (0, 0.5), got " + r.validationFraction);
        }
        if (!r.augmentation.equals("noise") && !r.augmentation.equals("augmix")) {
            throw new UserInputException("augmentation=" + r.augmentation + " is unknown", "use noise or augmix");
        }
        if (!(r.rotationDegrees >= 0 && r.rotationDegrees <= 45)) {
            throw new UserInputException("rotation must be in [0, 45] degrees, got " + r.rotationDegrees,
                    "the paper's recipe uses at most 2 (nearest neighbour); 0 turns it off");
        }
        if (!(r.colourJitter >= 0 && r.colourJitter < 1)) {
            throw new UserInputException("colour-jitter must be in [0, 1), got " + r.colourJitter, "0 turns it off");
        }
        if (r.pgdSteps < 1 || r.pgdEpsilon < 0) {
            throw new UserInputException("pgd-steps must be >= 1 and pgd-epsilon >= 0");
        }
        return r;
    }
}
