package org.lowfreq.analysis.stats;

import java.util.Arrays;

/**
 * Mean, sample standard deviation (n - 1 denominator), median and range of a set of values; NaNs
 * are dropped first (they mean "no value" in the results tables).
 */
public record Descriptive(int n, double mean, double sd, double median, double min, double max) {

    public static Descriptive of(double... values) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        int n = v.length;
        if (n == 0) {
            return new Descriptive(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = Arrays.stream(v).sum() / n;
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : Double.NaN;
        double median = n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
        return new Descriptive(n, mean, sd, median, v[0], v[n - 1]);
    }

    public static Descriptive of(java.util.Collection<Double> values) {
        return of(values.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
