package org.lowfreq.analysis.report;

import org.lowfreq.spi.ResultRow;

/**
 * A model as the results table describes it (from the card columns of its rows), with its identity
 * (configuration without the seed, from scratch or fine-tuned).
 */
public record ModelInfo(String name, String family, String arch, double blurSigma, long modelSeed,
                        ModelIdentity identity) {

    public ModelInfo(String name, String family, String arch, double blurSigma, long modelSeed) {
        this(name, family, arch, blurSigma, modelSeed, new ModelIdentity(name, family + " " + arch + " "
                + ResultRow.formatNumber(Double.isFinite(blurSigma) ? blurSigma : 0), modelSeed, false, "", "given"));
    }

    /** The seed-variance group: the configuration hash without the seed (docs/METHODS.md 7). */
    public String configuration() {
        return identity.configuration();
    }

    /** A readable name of the configuration, e.g. {@code blur sigma=1.5} or {@code blur sigma=1.5 (fine-tuned)}. */
    public String configurationLabel() {
        String s = "blur".equalsIgnoreCase(family) || blurSigma > 0 ? " \u03c3=" + ResultRow.formatNumber(sigmaOrZero()) : "";
        return family + s + (isFineTuned() ? " (fine-tuned)" : "");
    }

    public boolean isFineTuned() {
        return identity.fineTuned();
    }

    /**
     * Whether the model belongs to the blur sweep of docs/METHODS.md section 5: family {@code blur}, or the
     * baseline, which is the sweep's sigma = 0 (none) point; trained from scratch (fine-tuned models
     * inherit their parent's bias and are reported beside the sweep).
     */
    public boolean isBlurSweepMember() {
        return !isFineTuned() && isBlurFamily();
    }

    /** Family blur, or the baseline (sigma 0), whether from scratch or fine-tuned. */
    public boolean isBlurFamily() {
        return "blur".equalsIgnoreCase(family) || ("baseline".equalsIgnoreCase(family) && !(blurSigma > 0));
    }

    public boolean isBaseline() {
        return "baseline".equalsIgnoreCase(family) && !(blurSigma > 0);
    }

    /** Sigma of the blur layer, 0 when none (NaN in a table counts as none). */
    public double sigmaOrZero() {
        return Double.isFinite(blurSigma) ? blurSigma : 0;
    }
}
