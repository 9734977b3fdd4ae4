package org.lowfreq.analysis.stats;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.lowfreq.spi.Seeds;

/** Pearson and Spearman correlations, with percentile bootstrap confidence intervals over pairs. */
public final class Correlation {
    /**
     * A correlation and its bootstrap interval.
     *
     * @param r          the estimate on all pairs
     * @param low        lower end of the interval (NaN when too few valid resamples)
     * @param high       upper end
     * @param level      confidence level, e.g. 0.95
     * @param n          pairs
     * @param resamples  bootstrap resamples drawn
     */
    public record Estimate(double r, double low, double high, double level, int n, int resamples) {
    }

    public enum Kind { PEARSON, SPEARMAN }

    /** Fewest pairs for a bootstrap interval: below it the resamples repeat a handful of points and say nothing. */
    public static final int MIN_BOOTSTRAP_PAIRS = 5;

    private Correlation() {
    }

    public static double pearson(double[] x, double[] y) {
        check(x, y);
        int n = x.length;
        double mx = Arrays.stream(x).average().orElse(Double.NaN);
        double my = Arrays.stream(y).average().orElse(Double.NaN);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : Double.NaN;
    }

    /** Pearson correlation of the ranks (ties get their average rank). */
    public static double spearman(double[] x, double[] y) {
        check(x, y);
        return pearson(ranks(x), ranks(y));
    }

    public static double of(Kind kind, double[] x, double[] y) {
        return kind == Kind.PEARSON ? pearson(x, y) : spearman(x, y);
    }

    /**
     * The estimate with a percentile bootstrap interval from {@code resamples} seeded resamples of the
     * pairs; with fewer than {@link #MIN_BOOTSTRAP_PAIRS} pairs the interval is NaN (no interval).
     */
    public static Estimate bootstrap(Kind kind, double[] x, double[] y, int resamples, double level, long seed) {
        check(x, y);
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
        }
        int n = x.length;
        double r = of(kind, x, y);
        if (n < MIN_BOOTSTRAP_PAIRS) {
            return new Estimate(r, Double.NaN, Double.NaN, level, n, 0);
        }
        SplittableRandom rng = Seeds.random(seed, "correlation-bootstrap", kind.name());
        double[] stats = new double[resamples];
        int valid = 0;
        double[] bx = new double[n];
        double[] by = new double[n];
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < n; i++) {
                int k = rng.nextInt(n);
                bx[i] = x[k];
                by[i] = y[k];
            }
            double v = of(kind, bx, by);
            if (Double.isFinite(v)) {
                stats[valid++] = v; // a resample with a constant column has no correlation; skip it
            }
        }
        if (valid < 10) {
            return new Estimate(r, Double.NaN, Double.NaN, level, n, resamples);
        }
        double[] s = Arrays.copyOf(stats, valid);
        Arrays.sort(s);
        double alpha = (1 - level) / 2;
        return new Estimate(r, quantile(s, alpha), quantile(s, 1 - alpha), level, n, resamples);
    }

    /** Linear-interpolation quantile (type 7) of sorted values. */
    public static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /** Ranks 1..n, ties get the mean of the ranks they span. */
    public static double[] ranks(double[] v) {
        int n = v.length;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(v[a], v[b]));
        double[] r = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && v[idx[j + 1]] == v[idx[i]]) {
                j++;
            }
            double avg = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                r[idx[k]] = avg;
            }
            i = j + 1;
        }
        return r;
    }

    private static void check(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x has " + x.length + " values but y has " + y.length);
        }
        if (x.length < 3) {
            throw new IllegalArgumentException("a correlation needs at least 3 pairs, got " + x.length);
        }
    }
}
