package org.lowfreq.analysis.spectrum;

/**
 * The cumulative radial power curve of a {@link PowerSpectrum}: {@code ratio[j]} is the share of
 * the power at radial frequency {@code <= radiusCpp[j]} (cycles per pixel).
 *
 * @param radiusCpp radii a, increasing, cycles per pixel; read-only
 * @param ratio     cumulative power share at each radius, in [0, 1]; read-only
 */
public record RadialCumulative(double[] radiusCpp, double[] ratio) {
    public RadialCumulative {
        if (radiusCpp.length != ratio.length || radiusCpp.length < 2) {
            throw new IllegalArgumentException("need matching radius and ratio arrays of length >= 2");
        }
    }

    /**
     * f_0.5: the radius where the ratio first reaches 0.5, by linear interpolation between the two
     * bracketing points. NaN when the curve has no power (all NaN).
     */
    public double halfPowerFrequencyCpp() {
        return crossing(0.5);
    }

    /** f_0.5 on the normalised scale (Nyquist = 1). */
    public double halfPowerFrequencyNorm() {
        return PowerSpectrum.normalised(halfPowerFrequencyCpp());
    }

    /** The radius where the ratio first reaches {@code level}, linearly interpolated; NaN if never. */
    public double crossing(double level) {
        for (int j = 0; j < ratio.length; j++) {
            if (ratio[j] >= level) {
                if (j == 0) {
                    return radiusCpp[0];
                }
                double r0 = ratio[j - 1];
                double r1 = ratio[j];
                return radiusCpp[j - 1] + (level - r0) * (radiusCpp[j] - radiusCpp[j - 1]) / (r1 - r0);
            }
        }
        return Double.NaN;
    }
}
