package org.lowfreq.probes.hybrid;

/**
 * The reverse frequency f_rev (docs/METHODS.md 1.6): the f_mix where {@code D = p_low - p_high} first
 * crosses zero from below, by linear interpolation between the two bracketing grid points.
 *
 * <p>Choices: a crossing needs a grid point with D &lt; 0 followed (possibly after points with
 * D = 0 exactly) by one with D &gt; 0. When D reaches exactly 0 at the first point after the
 * negative one, f_rev is that point (the interpolation's limit). A curve that starts at or above
 * zero, never becomes positive, or only touches zero has no f_rev: {@link Crossing#fMix()} is NaN
 * and {@link Crossing#note()} says why. Nothing is ever extrapolated beyond the grid.
 */
public final class ReverseFrequency {
    private ReverseFrequency() {
    }

    /** The outcome: {@code fMix} in f_mix units (Nyquist = 1), or NaN with a reason. */
    public record Crossing(double fMix, String note) {
        public boolean found() {
            return !Double.isNaN(fMix);
        }

        /** The same frequency in cycles per pixel ({@code norm * 0.5}). */
        public double cyclesPerPixel() {
            return fMix * 0.5;
        }
    }

    /**
     * @param grid ascending f_mix values
     * @param d    D at each grid value
     */
    public static Crossing find(double[] grid, double[] d) {
        if (grid.length != d.length) {
            throw new IllegalArgumentException(grid.length + " grid points but " + d.length + " D values");
        }
        if (grid.length < 2) {
            return new Crossing(Double.NaN, "f_rev needs at least 2 f_mix values");
        }
        boolean sawNegative = false;
        for (int k = 0; k + 1 < grid.length; k++) {
            if (!(d[k] < 0)) {
                continue;
            }
            sawNegative = true;
            int j = k + 1;
            while (j < grid.length && d[j] == 0) {
                j++;
            }
            if (j == grid.length) {
                break;
            }
            if (d[j] > 0) {
                if (j > k + 1) {
                    return new Crossing(grid[k + 1], "");
                }
                double t = -d[k] / (d[j] - d[k]);
                return new Crossing(grid[k] + t * (grid[j] - grid[k]), "");
            }
        }
        if (!sawNegative) {
            return new Crossing(Double.NaN, "D = p_low - p_high is never below 0 on the f_mix grid "
                    + "(the model follows the low-frequency image everywhere), so it never crosses zero from below");
        }
        return new Crossing(Double.NaN, "D = p_low - p_high never rises above 0 after being negative on the f_mix grid "
                + "(the model follows the high-frequency image up to f_mix = " + grid[grid.length - 1] + ")");
    }
}
