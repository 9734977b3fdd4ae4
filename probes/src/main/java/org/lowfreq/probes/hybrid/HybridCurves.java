package org.lowfreq.probes.hybrid;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.lowfreq.probes.hybrid.HybridEvaluator.SeedOutcomes;
import org.lowfreq.probes.hybrid.ReverseFrequency.Crossing;
import org.lowfreq.spi.Seeds;

/** Read-outs of one seed's outcomes along the f_mix grid, and a bootstrap of f_rev over images. */
public final class HybridCurves {
    private HybridCurves() {
    }

    /** Per-seed curves along the grid. */
    public record SeedCurves(double[] pLow, double[] pHigh, double[] pOther, double[] confidence, double[] d,
                             Crossing fRev) {
    }

    /** A percentile bootstrap interval; NaN bounds with a note when too few resamples had a value. */
    public record Interval(double low, double high, int defined, int resamples, String note) {
    }

    public static SeedCurves curves(SeedOutcomes o, MixGrid grid) {
        int g = grid.size();
        int n = o.outcome()[0].length;
        double[] pLow = new double[g];
        double[] pHigh = new double[g];
        double[] pOther = new double[g];
        double[] conf = new double[g];
        double[] d = new double[g];
        for (int k = 0; k < g; k++) {
            int m = grid.maskOf(k);
            int[] counts = new int[3];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                counts[o.outcome()[m][i]]++;
                sum += o.confidence()[m][i];
            }
            pLow[k] = counts[HybridEvaluator.LOW] / (double) n;
            pHigh[k] = counts[HybridEvaluator.HIGH] / (double) n;
            pOther[k] = counts[HybridEvaluator.OTHER] / (double) n;
            conf[k] = sum / n;
            // from counts, so D is exactly p_low - p_high and its sign is exact
            d[k] = (counts[HybridEvaluator.LOW] - counts[HybridEvaluator.HIGH]) / (double) n;
        }
        return new SeedCurves(pLow, pHigh, pOther, conf, d, ReverseFrequency.find(grid.grid(), d));
    }

    /**
     * f_rev of every seed and of their mean, recomputed on {@code resamples} bootstrap resamples of
     * the images (the same resample for every seed, since hybrid i of every seed has image i as its
     * low source). Resample b draws from a generator seeded by (seed, b) alone, so the answer does
     * not depend on the thread count.
     *
     * @return [resample][seed], with the mean over seeds in the last column (NaN where undefined)
     */
    public static double[][] bootstrapFRev(List<SeedOutcomes> seeds, MixGrid grid, int resamples, long seed,
                                           ExecutorService pool, int workers) {
        int s = seeds.size();
        int n = seeds.get(0).outcome()[0].length;
        int masks = grid.distinctMasks();
        // d per seed and mask as bytes: +1 low, -1 high, 0 other
        byte[][][] sign = new byte[s][masks][n];
        for (int j = 0; j < s; j++) {
            for (int m = 0; m < masks; m++) {
                byte[] o = seeds.get(j).outcome()[m];
                for (int i = 0; i < n; i++) {
                    sign[j][m][i] = (byte) (o[i] == HybridEvaluator.LOW ? 1 : (o[i] == HybridEvaluator.HIGH ? -1 : 0));
                }
            }
        }
        double[][] out = new double[resamples][];
        int chunks = Math.max(1, Math.min(workers, resamples));
        List<Future<?>> jobs = new ArrayList<>();
        for (int c = 0; c < chunks; c++) {
            int from = (int) ((long) resamples * c / chunks);
            int to = (int) ((long) resamples * (c + 1) / chunks);
            jobs.add(pool.submit(() -> {
                int[] weight = new int[n];
                double[] d = new double[grid.size()];
                double[] dm = new double[masks];
                for (int b = from; b < to; b++) {
                    java.util.Arrays.fill(weight, 0);
                    SplittableRandom rng = Seeds.random(seed, "hybrid-bootstrap", b);
                    for (int k = 0; k < n; k++) {
                        weight[rng.nextInt(n)]++;
                    }
                    double[] row = new double[s + 1];
                    double sum = 0;
                    int defined = 0;
                    for (int j = 0; j < s; j++) {
                        for (int m = 0; m < masks; m++) {
                            byte[] sg = sign[j][m];
                            long acc = 0;
                            for (int i = 0; i < n; i++) {
                                acc += weight[i] * sg[i];
                            }
                            dm[m] = acc / (double) n;
                        }
                        for (int k = 0; k < d.length; k++) {
                            d[k] = dm[grid.maskOf(k)];
                        }
                        row[j] = ReverseFrequency.find(grid.grid(), d).fMix();
                        if (!Double.isNaN(row[j])) {
                            sum += row[j];
                            defined++;
                        }
                    }
                    row[s] = defined == s ? sum / s : Double.NaN;
                    out[b] = row;
                }
            }));
        }
        for (Future<?> f : jobs) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted during the bootstrap", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("bootstrap failed", e.getCause());
            }
        }
        return out;
    }

    /** Percentile interval of column {@code col} of {@link #bootstrapFRev}'s answer at the given level. */
    public static Interval percentile(double[][] resamples, int col, double level) {
        double[] v = java.util.Arrays.stream(resamples).mapToDouble(r -> r[col]).filter(x -> !Double.isNaN(x))
                .sorted().toArray();
        int total = resamples.length;
        // an interval from a minority of resamples would describe a different quantity
        if (v.length < 2 || v.length < 0.9 * total) {
            return new Interval(Double.NaN, Double.NaN, v.length, total, "only " + v.length + " of " + total
                    + " bootstrap resamples have a crossing, too few for an interval");
        }
        String note = v.length < total ? (total - v.length) + " of " + total
                + " bootstrap resamples had no crossing and were left out" : "";
        double alpha = (1 - level) / 2;
        return new Interval(quantile(v, alpha), quantile(v, 1 - alpha), v.length, total, note);
    }

    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        double t = pos - lo;
        return sorted[lo] + t * (sorted[hi] - sorted[lo]);
    }
}
