package org.lowfreq.attacks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.lowfreq.analysis.results.AtomicCsv;
import org.lowfreq.analysis.spectrum.PowerSpectrum;
import org.lowfreq.analysis.spectrum.RadialCumulative;
import org.lowfreq.analysis.spectrum.SpectrumCsv;
import org.lowfreq.analysis.spectrum.SpectrumFigures;
import org.lowfreq.datasets.npy.NpyWriter;
import org.lowfreq.spi.AdversarialExample;
import org.lowfreq.spi.AttackOptions;
import org.lowfreq.spi.AttackResult;
import org.lowfreq.spi.Capability;
import org.lowfreq.spi.Classifier;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.LabelDerangement;
import org.lowfreq.spi.Options;
import org.lowfreq.spi.ProgressListener;
import org.lowfreq.spi.ResultRow;
import org.lowfreq.spi.ResultSink;
import org.lowfreq.spi.Seeds;
import org.lowfreq.spi.UserInputException;

/**
 * The targeted minimal-perturbation protocol of METHODS.md 3, per batch of images:
 * <ol>
 *   <li>sweep: targeted PGD (random start) at each epsilon of the grid, ascending, on the images
 *       not yet successful; the first success per image is kept;</li>
 *   <li>refinement: FMN from that success (or from zero when the sweep found none), with
 *       restarts, keeping the smallest success;</li>
 *   <li>polish: {@link ScaleSearch} shrinks each success along its own direction.</li>
 * </ol>
 * Targets are a seeded derangement of the labels ({@link LabelDerangement}). Finished batches are
 * persisted in the output folder and skipped on restart. Every random start depends only on
 * (seed, image index, stage), never on the batch size.
 */
public final class MinimalEpsilonProtocol {
    private final ProtocolSettings settings;

    public MinimalEpsilonProtocol(ProtocolSettings settings) {
        this.settings = settings;
    }

    public ProtocolSettings settings() {
        return settings;
    }

    /**
     * Everything measured.
     *
     * @param perturbations N x H x W x C, {@code x_adv - x}; zeros where no success was found
     * @param minimalEpsilon per image, NaN when none found
     */
    public record Outcome(Images images, int[] targets, boolean[] success, double[] minimalEpsilon,
                          double[] targetProbability, float[] perturbations, long gradientImages, long forwardImages,
                          double seconds, int batchesComputed) {
        public int found() {
            int k = 0;
            for (boolean b : success) {
                k += b ? 1 : 0;
            }
            return k;
        }
    }

    /** Targets of the protocol: the seeded derangement of the labels. */
    public static int[] targets(int[] labels, long seed) {
        return LabelDerangement.labels(labels, Seeds.random(seed, "attack-targets"));
    }

    /** Runs (or resumes) the protocol on {@code images} (the first N, labelled), persisting batches under {@code outDir}. */
    public Outcome run(Classifier model, Images images, Path outDir, ProgressListener progress) {
        model.require(Capability.INPUT_GRADIENT, "the attack protocol");
        if (!images.hasLabels()) {
            throw new UserInputException("the attack protocol needs labelled images");
        }
        if (images.count() != settings.images()) {
            throw new IllegalArgumentException(images.count() + " images for a protocol of " + settings.images());
        }
        model.checkInput(images);
        int n = images.count();
        int d = images.shape().size();
        int[] targets = targets(images.labels(), settings.seed());
        writeTargets(outDir.resolve("targets.csv"), images.labels(), targets);
        BatchStore store = new BatchStore(outDir, settings.fingerprint(model.card().name()));
        CountingClassifier counting = new CountingClassifier(model);
        boolean[] success = new boolean[n];
        double[] eps = new double[n];
        double[] prob = new double[n];
        float[] perturbations = new float[n * d];
        int batches = (n + settings.batchSize() - 1) / settings.batchSize();
        int computed = 0;
        long start = System.nanoTime();
        progress.start("attack " + settings.norm().label(), n);
        try {
            for (int b = 0; b < batches; b++) {
                int from = b * settings.batchSize();
                int to = Math.min(n, from + settings.batchSize());
                Optional<BatchStore.Batch> done = store.load(b);
                BatchStore.Batch batch;
                if (done.isPresent() && done.get().from() == from && done.get().count() == to - from) {
                    batch = done.get();
                } else {
                    batch = attackBatch(counting, images.slice(from, to), Arrays.copyOfRange(targets, from, to), from, progress);
                    store.save(b, batch);
                    computed++;
                }
                for (int i = 0; i < batch.count(); i++) {
                    success[from + i] = batch.success()[i];
                    eps[from + i] = batch.success()[i] ? batch.norm()[i] : Double.NaN;
                    prob[from + i] = batch.targetProbability()[i];
                }
                System.arraycopy(batch.perturbations(), 0, perturbations, from * d, batch.perturbations().length);
                progress.advance(to - from);
                int found = 0;
                for (int i = 0; i < to; i++) {
                    found += success[i] ? 1 : 0;
                }
                progress.status("found " + found + "/" + to);
            }
        } finally {
            progress.finish();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Outcome(images, targets, success, eps, prob, perturbations, counting.gradientImages.get(),
                counting.forwardImages.get(), seconds, computed);
    }

    private BatchStore.Batch attackBatch(Classifier model, Images x, int[] targets, int from, ProgressListener progress) {
        int n = x.count();
        int d = x.shape().size();
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = from + i;
        }
        AdversarialExample[] best = new AdversarialExample[n];
        PgdAttack pgd = new PgdAttack(settings.norm());
        double[] grid = settings.epsilonGrid();
        for (int j = 0; j < grid.length; j++) {
            List<Integer> open = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (best[i] == null || !best[i].success()) {
                    open.add(i);
                }
            }
            if (open.isEmpty()) {
                break;
            }
            int[] idx = open.stream().mapToInt(Integer::intValue).toArray();
            int[] t = new int[idx.length];
            long[] subIds = new long[idx.length];
            for (int k = 0; k < idx.length; k++) {
                t[k] = targets[idx[k]];
                subIds[k] = ids[idx[k]];
            }
            AttackOptions o = new AttackOptions(grid[j], settings.pgdSteps(), settings.pgdRelativeStep(), 1,
                    settings.minProbability(), Seeds.derive(settings.seed(), "sweep", j), Options.EMPTY);
            AttackResult r = pgd.run(model, x.select(idx), t, subIds, o);
            for (int k = 0; k < idx.length; k++) {
                best[idx[k]] = Attacks.better(best[idx[k]], r.examples().get(k));
            }
            progress.status("batch from " + from + ": sweep eps=" + grid[j] + ", " + (idx.length) + " open");
        }
        progress.status("batch from " + from + ": FMN refinement");
        FmnAttack fmn = new FmnAttack(settings.norm());
        AttackOptions fo = new AttackOptions(Double.NaN, settings.fmnSteps(), settings.fmnStepSize(), settings.fmnRestarts(),
                settings.minProbability(), Seeds.derive(settings.seed(), "fmn"), Options.EMPTY);
        AttackResult refined = fmn.refine(model, x, targets, best, ids, fo);
        for (int i = 0; i < n; i++) {
            best[i] = Attacks.better(best[i], refined.examples().get(i));
        }
        best = ScaleSearch.shrink(model, x, targets, best, settings.norm(), settings.minProbability(), settings.scaleIterations());
        boolean[] ok = new boolean[n];
        double[] norm = new double[n];
        double[] prob = new double[n];
        float[] p = new float[n * d];
        for (int i = 0; i < n; i++) {
            ok[i] = best[i].success();
            norm[i] = best[i].norm();
            prob[i] = best[i].targetProbability();
            if (ok[i]) {
                for (int k = 0; k < d; k++) {
                    p[i * d + k] = best[i].clipped()[k] - x.pixels()[i * d + k];
                }
            }
        }
        return new BatchStore.Batch(from, n, ok, norm, prob, p);
    }

    // ---- read-outs ----

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

    /** Median over all images, failures counted as +infinity; NaN when half or more failed. */
    public static double median(double[] minimalEpsilon) {
        double[] s = minimalEpsilon.clone();
        for (int i = 0; i < s.length; i++) {
            if (Double.isNaN(s[i])) {
                s[i] = Double.POSITIVE_INFINITY;
            }
        }
        Arrays.sort(s);
        int n = s.length;
        double m = n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
        return Double.isFinite(m) ? m : Double.NaN;
    }

    /** Mean over the images where a success was found; NaN when none. */
    public static double meanOfFound(double[] minimalEpsilon) {
        double s = 0;
        int k = 0;
        for (double e : minimalEpsilon) {
            if (!Double.isNaN(e)) {
                s += e;
                k++;
            }
        }
        return k == 0 ? Double.NaN : s / k;
    }

    /** Tidy rows of the outcome (per image, the success curve on the grid, summaries, f_0.5). */
    public List<ResultRow> rows(Outcome o) {
        String unit = settings.norm().label();
        String metric = "epsilon_min_" + unit;
        long seed = settings.seed();
        List<ResultRow> rows = new ArrayList<>();
        int n = o.minimalEpsilon().length;
        int found = o.found();
        for (int i = 0; i < n; i++) {
            ResultRow r = new ResultRow("image", Integer.toString(i), "target=" + o.targets()[i], seed, metric,
                    o.minimalEpsilon()[i], "");
            rows.add(Double.isNaN(o.minimalEpsilon()[i]) ? r.withNote("no successful perturbation found") : r);
        }
        for (double e : settings.epsilonGrid()) {
            rows.add(ResultRow.at("epsilon_" + unit, e, seed, "success_rate", successRate(o.minimalEpsilon(), e)));
        }
        double median = median(o.minimalEpsilon());
        rows.add(note(ResultRow.summary(metric + "_median", median, seed), Double.isNaN(median),
                "half or more of the images have no successful perturbation"));
        String partial = found < n ? "over the " + found + " of " + n + " images with a success" : "";
        double mean = meanOfFound(o.minimalEpsilon());
        rows.add(note(ResultRow.summary(metric + "_mean", mean, seed), Double.isNaN(mean), "no success found").withNote(
                Double.isNaN(mean) ? "no success found" : partial));
        rows.add(note(ResultRow.summary("log_" + metric + "_mean", Math.log(mean), seed), Double.isNaN(mean), "no success found")
                .withNote(Double.isNaN(mean) ? "no success found" : (partial.isEmpty() ? "natural log of the mean" : "natural log of the mean " + partial)));
        rows.add(ResultRow.summary("success_fraction", found / (double) n, seed));
        double[] halves = halfPower(o);
        rows.add(note(ResultRow.summary("f_half_cpp", halves[0], seed).withGroup("perturbation_spectrum"), Double.isNaN(halves[0]),
                "no successful perturbation"));
        rows.add(note(ResultRow.summary("f_half_norm", halves[1], seed).withGroup("perturbation_spectrum"), Double.isNaN(halves[1]),
                "no successful perturbation"));
        return rows;
    }

    private static ResultRow note(ResultRow r, boolean missing, String why) {
        return missing ? r.withNote(why) : r;
    }

    /** The spectrum of the successful perturbations only, or empty when there is none. */
    public static Optional<PowerSpectrum> spectrum(Outcome o) {
        int found = o.found();
        if (found == 0) {
            return Optional.empty();
        }
        int d = o.images().shape().size();
        float[] p = new float[found * d];
        int k = 0;
        for (int i = 0; i < o.success().length; i++) {
            if (o.success()[i]) {
                System.arraycopy(o.perturbations(), i * d, p, k * d, d);
                k++;
            }
        }
        return Optional.of(PowerSpectrum.of(p, o.images().shape(), found));
    }

    private static double[] halfPower(Outcome o) {
        return spectrum(o).map(s -> {
            RadialCumulative c = s.cumulativeRadial();
            return new double[] {c.halfPowerFrequencyCpp(), c.halfPowerFrequencyNorm()};
        }).orElse(new double[] {Double.NaN, Double.NaN});
    }

    /** Writes per_image.csv, perturbations.npy, the success curve and the spectrum figures and tables. */
    public void writeArtifacts(Outcome o, String modelName, Path outDir) {
        String unit = settings.norm().label();
        int n = o.minimalEpsilon().length;
        AtomicCsv.write(outDir.resolve("per_image.csv"), new String[] {"index", "label", "target", "success", "epsilon_min_" + unit,
                "target_probability"}, p -> {
                for (int i = 0; i < n; i++) {
                    p.printRecord(i, o.images().labels()[i], o.targets()[i], o.success()[i],
                            Double.isNaN(o.minimalEpsilon()[i]) ? "NaN" : ResultRow.formatNumber(o.minimalEpsilon()[i]),
                            ResultRow.formatNumber(o.targetProbability()[i]));
                }
            });
        var s = o.images().shape();
        NpyWriter.writeFloat32(outDir.resolve("perturbations.npy"), new int[] {n, s.height(), s.width(), s.channels()},
                o.perturbations());
        SuccessCurveFigure.write(modelName + " (" + unit + ", min_prob " + settings.minProbability() + ")", unit,
                o.minimalEpsilon(), outDir.resolve("success_vs_epsilon.png"));
        spectrum(o).ifPresent(sp -> {
            RadialCumulative c = sp.cumulativeRadial();
            String title = modelName + " " + unit + " perturbations";
            SpectrumFigures.heatMap(title, sp, outDir.resolve("spectrum_heatmap.png"));
            SpectrumFigures.cumulativeRadial(title, List.of(new SpectrumFigures.Curve(modelName, c)),
                    outDir.resolve("spectrum_cumulative.png"));
            SpectrumCsv.cumulativeRadial(c, outDir.resolve("spectrum_cumulative.csv"));
            SpectrumCsv.summary(sp, c, outDir.resolve("spectrum.csv"));
        });
    }

    /** Adds the rows to a sink. */
    public void report(Outcome o, ResultSink sink) {
        rows(o).forEach(sink::accept);
    }

    private static void writeTargets(Path file, int[] labels, int[] targets) {
        if (Files.exists(file)) {
            // a resumed run must attack the same targets
            try {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                boolean same = lines.size() == labels.length + 1;
                for (int i = 0; same && i < labels.length; i++) {
                    same = lines.get(i + 1).equals(i + "," + labels[i] + "," + targets[i]);
                }
                if (!same) {
                    throw new UserInputException(file + " holds other images or targets than this run",
                            "use another --out folder, or delete the old run");
                }
                return;
            } catch (IOException e) {
                throw new UserInputException("cannot read " + file + ": " + e.getMessage());
            }
        }
        AtomicCsv.write(file, new String[] {"index", "label", "target"}, p -> {
            for (int i = 0; i < labels.length; i++) {
                p.printRecord(i, labels[i], targets[i]);
            }
        });
    }
}
