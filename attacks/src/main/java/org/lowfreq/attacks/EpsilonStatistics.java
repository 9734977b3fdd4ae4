package org.lowfreq.attacks;

import java.util.Arrays;

/**
 * Summaries of per-image minimal epsilons, NaN marking an image without a success (docs/METHODS.md 3).
 * The field's convention (Foolbox, the paper's code) summarises the successful images and puts
 * the success fraction beside; the median over all images with failures as +infinity is kept
 * under its own name, since it mixes robustness with the attack's failures.
 */
public final class EpsilonStatistics {
    private EpsilonStatistics() {
    }

    /** Share of images whose minimal epsilon is <= eps (the empirical CDF; failures never count). */
    public static double successRate(double[] minimalEpsilon, double eps) {
        int k = 0;
        for (double e : minimalEpsilon) {
            if (!Double.isNaN(e) && e <= eps) {
                k++;
            }
        }
        return k / (double) minimalEpsilon.length;
    }

    /** Share of images with a success. */
    public static double successFraction(double[] minimalEpsilon) {
        return successes(minimalEpsilon).length / (double) minimalEpsilon.length;
    }

    /** Median over the images with a success; NaN when none. */
    public static double medianOfSuccesses(double[] minimalEpsilon) {
        double[] s = successes(minimalEpsilon);
        return s.length == 0 ? Double.NaN : median(s);
    }

    /** Mean over the images with a success; NaN when none. */
    public static double meanOfSuccesses(double[] minimalEpsilon) {
        double[] s = successes(minimalEpsilon);
        return s.length == 0 ? Double.NaN : Arrays.stream(s).sum() / s.length;
    }

    /** Median over all images, failures counted as +infinity; NaN when half or more failed. */
    public static double medianOverAll(double[] minimalEpsilon) {
        double[] s = minimalEpsilon.clone();
        for (int i = 0; i < s.length; i++) {
            if (Double.isNaN(s[i])) {
                s[i] = Double.POSITIVE_INFINITY;
            }
        }
        double m = median(s);
        return Double.isFinite(m) ? m : Double.NaN;
    }

    private static double[] successes(double[] minimalEpsilon) {
        return Arrays.stream(minimalEpsilon).filter(e -> !Double.isNaN(e)).toArray();
    }

    private static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
