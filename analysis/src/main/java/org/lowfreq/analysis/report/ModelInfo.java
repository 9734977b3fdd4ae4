package org.lowfreq.analysis.report;

import org.lowfreq.spi.ResultRow;

/** A model as the results table describes it (from the card columns of its rows). */
public record ModelInfo(String name, String family, String arch, double blurSigma, long modelSeed) {

    /** The training configuration without the seed, e.g. {@code blur sigma=1.5}: what seed variance groups by. */
    public String configuration() {
        if (isBlurSweepMember() && blurSigma > 0) {
            return family + " sigma=" + ResultRow.formatNumber(blurSigma);
        }
        return family + (arch == null || arch.isBlank() ? "" : " " + arch);
    }

    /**
     * Whether the model belongs to the blur sweep of METHODS.md section 5: family {@code blur}, or the
     * baseline, which is the sweep's sigma = 0 (none) point.
     */
    public boolean isBlurSweepMember() {
        return "blur".equalsIgnoreCase(family)
                || ("baseline".equalsIgnoreCase(family) && !(blurSigma > 0));
    }

    /** Sigma of the blur layer, 0 when none (NaN in a table counts as none). */
    public double sigmaOrZero() {
        return Double.isFinite(blurSigma) ? blurSigma : 0;
    }
}
