package org.lowfreq.probes.hybrid;

import java.util.ArrayList;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.lowfreq.probes.hybrid.HybridCurves.Interval;
import org.lowfreq.probes.hybrid.HybridCurves.SeedCurves;
import org.lowfreq.probes.hybrid.HybridEvaluator.SeedOutcomes;
import org.lowfreq.probes.data.SplitStream;
import org.lowfreq.spi.Classifier;
import org.lowfreq.spi.Dataset;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.LabelDerangement;
import org.lowfreq.spi.Options;
import org.lowfreq.spi.Probe;
import org.lowfreq.spi.ProbeContext;
import org.lowfreq.spi.ResultRow;
import org.lowfreq.spi.ResultSink;
import org.lowfreq.spi.Seeds;
import org.lowfreq.spi.UserInputException;

/**
 * The hybrid-image frequency probe of docs/METHODS.md section 1: for each seed, pair every test image
 * (low-frequency source) with a test image of another class (high-frequency source), mix them
 * below / above {@code 0.5 f_mix} cycles per pixel, and read where the model switches from
 * following the high to following the low image: the reverse frequency f_rev.
 */
public final class HybridImageProbe implements Probe {
    public static final String NAME = "hybrid";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Hybrid images (low-pass of one image + high-pass of another class) across f_mix; "
                + "p_low, p_high, p_other, confidence and the reverse frequency f_rev (docs/METHODS.md 1)";
    }

    @Override
    public Set<String> optionNames() {
        return Set.of("seeds", "grid", "batch-size", "bootstrap", "ci", "examples", "figures", "pairs");
    }

    /** Parsed options. */
    record Settings(int seeds, double[] grid, int batch, int bootstrap, double ci, int examples, boolean figures) {
        static Settings from(Options o, Classifier classifier) {
            int seeds = o.getInt("seeds", 6);
            if (seeds < 1) {
                throw new UserInputException("seeds=" + seeds + " must be at least 1");
            }
            int batch = o.getInt("batch-size", classifier.preferredBatchSize());
            if (batch < 1) {
                throw new UserInputException("batch-size=" + batch + " must be at least 1");
            }
            int bootstrap = o.getInt("bootstrap", 1000);
            if (bootstrap < 0) {
                throw new UserInputException("bootstrap=" + bootstrap + " must be >= 0 (0 = no interval)");
            }
            double ci = o.getDouble("ci", 0.95);
            if (!(ci > 0 && ci < 1)) {
                throw new UserInputException("ci=" + ci + " must be a level between 0 and 1, e.g. 0.95");
            }
            int examples = o.getInt("examples", 4);
            if (examples < 0) {
                throw new UserInputException("examples=" + examples + " must be >= 0");
            }
            return new Settings(seeds, MixGrid.checked(o.getDoubles("grid", MixGrid.DEFAULT_GRID)), batch, bootstrap,
                    ci, examples, o.getBoolean("figures", true));
        }
    }

    /** Everything a run measured, for figures and tests. */
    public record Result(MixGrid grid, List<Long> seeds, List<SeedOutcomes> outcomes, List<SeedCurves> curves,
                         double[] meanD, double fRevMean) {
    }

    @Override
    public void run(ProbeContext ctx) {
        measure(ctx);
    }

    /** Runs the probe and also returns what it measured. */
    public Result measure(ProbeContext ctx) {
        Classifier model = ctx.classifier();
        Settings s = Settings.from(ctx.options(), model);
        Dataset data = ctx.dataset();
        String split = ctx.split();
        // the shape is checked without decoding; pairing needs only the labels, and the images are
        // streamed in the order of the pairs (HybridEvaluator), so the split is never held in memory
        model.checkInput(new Images(0, data.shape(), new float[0]));
        int[] labels = data.labels(split);
        MixGrid grid = new MixGrid(s.grid(), data.shape().height(), data.shape().width());
        int n = labels.length;
        ExecutorService pool = Executors.newFixedThreadPool(ctx.threads(), daemonThreads());
        try {
            List<Long> seedValues = new ArrayList<>();
            for (int k = 0; k < s.seeds(); k++) {
                seedValues.add(ctx.seed() + k);
            }
            String pairsOption = ctx.options().getString("pairs", null);
            Map<Long, int[]> given = pairsOption == null ? Map.of()
                    : PairsFile.read(Path.of(pairsOption), labels, seedValues);
            List<int[]> partners = new ArrayList<>();
            List<Long> seeds = new ArrayList<>();
            List<SeedOutcomes> outcomes = new ArrayList<>();
            List<SeedCurves> curves = new ArrayList<>();
            HybridEvaluator evaluator = new HybridEvaluator(model, data, split, labels, grid, pool, ctx.threads(), s.batch());
            ctx.progress().start("hybrid " + model.card().name(), (long) s.seeds() * n * grid.distinctMasks());
            for (int k = 0; k < s.seeds(); k++) {
                long seed = ctx.seed() + k;
                int[] partner = given.containsKey(seed) ? given.get(seed)
                        : LabelDerangement.pairing(labels, Seeds.random(seed, "hybrid-pairing"));
                partners.add(partner);
                SeedOutcomes o = evaluator.evaluate(partner, ctx.progress());
                SeedCurves c = HybridCurves.curves(o, grid);
                seeds.add(seed);
                outcomes.add(o);
                curves.add(c);
                ctx.progress().status("seed " + seed + " f_rev=" + (c.fRev().found()
                        ? String.format(java.util.Locale.ROOT, "%.3f", c.fRev().fMix()) : "none"));
            }
            ctx.progress().finish();
            PairsFile.write(ctx.outDir().resolve(PairsFile.WRITTEN), seeds, partners);
            double[] meanD = writeCurves(ctx.sink(), grid, seeds, curves);
            double fRevMean = writeReverseFrequency(ctx, s, grid, seeds, outcomes, curves, pool);
            Result result = new Result(grid, seeds, outcomes, curves, meanD, fRevMean);
            if (s.figures()) {
                HybridFigures.write(ctx.outDir(), model.card().name(), labels,
                        indices -> SplitStream.read(data, split, indices, ctx.threads()), data.classNames(), result,
                        s.examples());
            }
            return result;
        } finally {
            pool.shutdownNow();
        }
    }

    private static double[] writeCurves(ResultSink sink, MixGrid grid, List<Long> seeds, List<SeedCurves> curves) {
        double[] meanD = new double[grid.size()];
        for (int g = 0; g < grid.size(); g++) {
            double f = grid.fMix(g);
            double[] sums = new double[5];
            for (int k = 0; k < seeds.size(); k++) {
                SeedCurves c = curves.get(k);
                double[] v = {c.pLow()[g], c.pHigh()[g], c.pOther()[g], c.confidence()[g], c.d()[g]};
                String[] names = {"p_low", "p_high", "p_other", "confidence", "d_low_minus_high"};
                for (int j = 0; j < v.length; j++) {
                    sink.accept(ResultRow.at("f_mix", f, seeds.get(k), names[j], v[j]));
                    sums[j] += v[j];
                }
            }
            String[] means = {"p_low_mean", "p_high_mean", "p_other_mean", "confidence_mean", "d_low_minus_high_mean"};
            for (int j = 0; j < sums.length; j++) {
                sink.accept(ResultRow.at("f_mix", f, -1, means[j], sums[j] / seeds.size()));
            }
            meanD[g] = sums[4] / seeds.size();
        }
        return meanD;
    }

    private static double writeReverseFrequency(ProbeContext ctx, Settings s, MixGrid grid, List<Long> seeds,
                                                List<SeedOutcomes> outcomes, List<SeedCurves> curves,
                                                ExecutorService pool) {
        ResultSink sink = ctx.sink();
        double[][] boot = s.bootstrap() > 0
                ? HybridCurves.bootstrapFRev(outcomes, grid, s.bootstrap(), ctx.seed(), pool, ctx.threads())
                : null;
        String ciNote = String.format(java.util.Locale.ROOT, "%.0f%% percentile bootstrap over images, %d resamples",
                100 * s.ci(), s.bootstrap());
        double sum = 0;
        double sumSq = 0;
        int defined = 0;
        for (int k = 0; k < seeds.size(); k++) {
            ReverseFrequency.Crossing c = curves.get(k).fRev();
            long seed = seeds.get(k);
            sink.accept(new ResultRow("", "", "", seed, "f_rev_norm", c.fMix(), c.note()));
            sink.accept(new ResultRow("", "", "", seed, "f_rev_cpp", c.cyclesPerPixel(), c.note()));
            if (c.found()) {
                sum += c.fMix();
                sumSq += c.fMix() * c.fMix();
                defined++;
                if (boot != null) {
                    writeInterval(sink, seed, HybridCurves.percentile(boot, k, s.ci()), ciNote);
                }
            }
        }
        int total = seeds.size();
        sink.accept(ResultRow.summary("seeds_with_f_rev", defined, -1));
        if (defined == 0) {
            String note = "no seed has an upward zero crossing of D = p_low - p_high: " + curves.get(0).fRev().note();
            for (String m : List.of("f_rev_norm_mean", "f_rev_cpp_mean")) {
                sink.accept(new ResultRow("", "", "", -1, m, Double.NaN, note));
            }
            return Double.NaN;
        }
        String partial = defined < total ? "mean over the " + defined + " of " + total + " seeds that have a crossing" : "";
        double mean = sum / defined;
        sink.accept(new ResultRow("", "", "", -1, "f_rev_norm_mean", mean, partial));
        sink.accept(new ResultRow("", "", "", -1, "f_rev_cpp_mean", mean * 0.5, partial));
        if (defined >= 2) {
            double sd = Math.sqrt(Math.max(0, (sumSq - defined * mean * mean) / (defined - 1)));
            String note = "sample sd over seeds" + (partial.isEmpty() ? "" : "; " + partial);
            sink.accept(new ResultRow("", "", "", -1, "f_rev_norm_sd", sd, note));
            sink.accept(new ResultRow("", "", "", -1, "f_rev_cpp_sd", sd * 0.5, note));
        } else {
            String note = "an sd over seeds needs at least 2 seeds with a crossing";
            sink.accept(new ResultRow("", "", "", -1, "f_rev_norm_sd", Double.NaN, note));
            sink.accept(new ResultRow("", "", "", -1, "f_rev_cpp_sd", Double.NaN, note));
        }
        if (boot != null) {
            Interval ci = defined == total ? HybridCurves.percentile(boot, total, s.ci())
                    : new Interval(Double.NaN, Double.NaN, 0, s.bootstrap(),
                    "no interval for the mean: some seeds have no crossing");
            writeInterval(sink, -1, ci, ciNote + " (mean over seeds)");
        }
        return mean;
    }

    private static void writeInterval(ResultSink sink, long seed, Interval ci, String what) {
        String note = ci.note().isEmpty() ? what : what + "; " + ci.note();
        sink.accept(new ResultRow("", "", "", seed, "f_rev_norm_ci_low", ci.low(), note));
        sink.accept(new ResultRow("", "", "", seed, "f_rev_norm_ci_high", ci.high(), note));
        sink.accept(new ResultRow("", "", "", seed, "f_rev_cpp_ci_low", ci.low() * 0.5, note));
        sink.accept(new ResultRow("", "", "", seed, "f_rev_cpp_ci_high", ci.high() * 0.5, note));
    }

    static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "lowfreq-probe-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
