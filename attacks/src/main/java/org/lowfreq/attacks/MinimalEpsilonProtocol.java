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
import org.lowfreq.spi.Capability;
import org.lowfreq.spi.Classifier;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.LabelDerangement;
import org.lowfreq.spi.Norm;
import org.lowfreq.spi.ProgressListener;
import org.lowfreq.spi.ResultRow;
import org.lowfreq.spi.ResultSink;
import org.lowfreq.spi.Seeds;
import org.lowfreq.spi.UserInputException;

/**
 * The targeted minimal-perturbation protocol of docs/METHODS.md 3, per batch of images, with one of two
 * searches ({@link SearchProtocol}): the default sweep + FMN ({@link SweepSearch}) or the paper
 * code's PGD bisection ({@link BisectionSearch}). Every epsilon row notes which one produced it.
 * Targets are a seeded derangement of the labels ({@link LabelDerangement}) or a user's file
 * ({@link TargetsFile}). Finished batches are persisted in the output folder and skipped on
 * restart. Every random start depends only on (seed, image index, stage), never on the batch size.
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
     * @param notes          per image, "" or what went wrong for it (e.g. a refinement that did not converge)
     * @param gradientSeconds wall time inside the model's gradient calls (the rest of {@code seconds} is forward
     *                        passes and the protocol's own work)
     * @param forwardSeconds  wall time inside the model's forward calls
     * @param imagesComputed  images of the batches computed in this run (not loaded from a previous one)
     * @param gradientCallSizes the number of images of each gradient call of this run, in order (how full the batches were)
     * @param gradientCallNanos the wall time of each of those calls
     */
    public record Outcome(Images images, int[] targets, boolean[] success, double[] minimalEpsilon,
                          double[] targetProbability, float[] perturbations, long gradientImages, long forwardImages,
                          double seconds, int batchesComputed, String[] notes, double gradientSeconds,
                          double forwardSeconds, int imagesComputed, int[] gradientCallSizes, long[] gradientCallNanos) {
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
        if (!images.hasLabels()) {
            throw new UserInputException("the attack protocol needs labelled images");
        }
        return run(model, images, targets(images.labels(), settings.seed()), outDir, progress);
    }

    /**
     * As {@link #run(Classifier, Images, Path, ProgressListener)} towards given targets (e.g. from
     * {@link TargetsFile}): one per image, each a class other than the image's label.
     */
    public Outcome run(Classifier model, Images images, int[] targets, Path outDir, ProgressListener progress) {
        model.require(Capability.INPUT_GRADIENT, "the attack protocol");
        if (!images.hasLabels()) {
            throw new UserInputException("the attack protocol needs labelled images");
        }
        if (images.count() != settings.images()) {
            throw new IllegalArgumentException(images.count() + " images for a protocol of " + settings.images());
        }
        if (targets.length != images.count()) {
            throw new IllegalArgumentException(targets.length + " targets for " + images.count() + " images");
        }
        model.checkInput(images);
        int n = images.count();
        int d = images.shape().size();
        BatchSearch search = BatchSearch.of(settings);
        writeTargets(outDir.resolve("targets.csv"), images.labels(), targets);
        BatchStore store = new BatchStore(outDir, settings.fingerprint(model.card().name()));
        CountingClassifier counting = new CountingClassifier(model);
        boolean[] success = new boolean[n];
        double[] eps = new double[n];
        double[] prob = new double[n];
        float[] perturbations = new float[n * d];
        String[] notes = new String[n];
        int batches = (n + settings.batchSize() - 1) / settings.batchSize();
        int computed = 0;
        int imagesComputed = 0;
        long start = System.nanoTime();
        progress.start("attack " + settings.norm().label() + " (" + settings.description() + ")", n);
        try {
            for (int b = 0; b < batches; b++) {
                int from = b * settings.batchSize();
                int to = Math.min(n, from + settings.batchSize());
                Optional<BatchStore.Batch> done = store.load(b);
                BatchStore.Batch batch;
                if (done.isPresent() && done.get().from() == from && done.get().count() == to - from) {
                    batch = done.get();
                } else {
                    batch = search.attack(counting, images.slice(from, to), Arrays.copyOfRange(targets, from, to), from, progress);
                    store.save(b, batch);
                    computed++;
                    imagesComputed += to - from;
                }
                for (int i = 0; i < batch.count(); i++) {
                    success[from + i] = batch.success()[i];
                    eps[from + i] = batch.success()[i] ? batch.norm()[i] : Double.NaN;
                    prob[from + i] = batch.targetProbability()[i];
                    notes[from + i] = batch.notes()[i];
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
                counting.forwardImages.get(), seconds, computed, notes, counting.gradientNanos.get() / 1e9,
                counting.forwardNanos.get() / 1e9, imagesComputed,
                counting.gradientBatches.stream().mapToInt(Integer::intValue).toArray(),
                counting.gradientCallNanos.stream().mapToLong(Long::longValue).toArray());
    }

    // ---- read-outs ----

    /**
     * Tidy rows of the outcome: per image; the success rate on the grid (with the standard Linf
     * budgets named); median and mean over the successful images, the success fraction, the median
     * over all images (failures as +infinity); f_0.5. Every row that holds or depends on an
     * epsilon notes the search protocol that produced it.
     */
    public List<ResultRow> rows(Outcome o) {
        String unit = settings.norm().label();
        String metric = "epsilon_min_" + unit;
        String protocol = "protocol: " + settings.description();
        long seed = settings.seed();
        List<ResultRow> rows = new ArrayList<>();
        double[] eps = o.minimalEpsilon();
        int n = eps.length;
        int found = o.found();
        for (int i = 0; i < n; i++) {
            ResultRow r = new ResultRow("image", Integer.toString(i), "target=" + o.targets()[i], seed, metric, eps[i], "");
            String missing = Double.isNaN(eps[i]) ? "no successful perturbation found" : "";
            rows.add(r.withNote(join(join(missing, o.notes()[i]), protocol)));
        }
        for (double e : settings.epsilonGrid()) {
            String budget = settings.norm() == Norm.LINF ? standardBudget(e) : "";
            rows.add(ResultRow.at("epsilon_" + unit, e, seed, "success_rate", EpsilonStatistics.successRate(eps, e))
                    .withNote(join(budget.isEmpty() ? "" : "targeted success at the standard budget " + budget, protocol)));
        }
        String over = "over the " + found + " of " + n + " images with a success";
        String none = "no success found";
        double median = EpsilonStatistics.medianOfSuccesses(eps);
        rows.add(summary(metric + "_median_success", median, seed, Double.isNaN(median) ? none : over, protocol));
        double mean = EpsilonStatistics.meanOfSuccesses(eps);
        rows.add(summary(metric + "_mean_success", mean, seed, Double.isNaN(mean) ? none : over, protocol));
        rows.add(summary("log_" + metric + "_mean_success", Math.log(mean), seed,
                Double.isNaN(mean) ? none : "natural log of the mean " + over, protocol));
        rows.add(summary("success_fraction", found / (double) n, seed, found + " of " + n + " images", protocol));
        double all = EpsilonStatistics.medianOverAll(eps);
        rows.add(summary(metric + "_median_all", all, seed, Double.isNaN(all)
                ? "half or more of the images have no successful perturbation"
                : "over all " + n + " images, failures counted as +infinity", protocol));
        double[] halves = halfPower(o);
        String noSpectrum = Double.isNaN(halves[0]) ? "no successful perturbation" : "";
        rows.add(summary("f_half_cpp", halves[0], seed, noSpectrum, protocol).withGroup("perturbation_spectrum"));
        rows.add(summary("f_half_norm", halves[1], seed, noSpectrum, protocol).withGroup("perturbation_spectrum"));
        return rows;
    }

    /** "2/255" when eps is one of the standard Linf budgets, else "". */
    static String standardBudget(double eps) {
        for (double b : ProtocolSettings.LINF_STANDARD_BUDGETS) {
            if (Math.abs(eps - b) < 1e-9) {
                return Math.round(b * 255) + "/255";
            }
        }
        return "";
    }

    private static ResultRow summary(String metric, double value, long seed, String note, String protocol) {
        return ResultRow.summary(metric, value, seed).withNote(join(note, protocol));
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "; " + b;
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
                "target_probability", "protocol"}, p -> {
                for (int i = 0; i < n; i++) {
                    p.printRecord(i, o.images().labels()[i], o.targets()[i], o.success()[i],
                            Double.isNaN(o.minimalEpsilon()[i]) ? "NaN" : ResultRow.formatNumber(o.minimalEpsilon()[i]),
                            ResultRow.formatNumber(o.targetProbability()[i]), settings.protocol().label());
                }
            });
        var s = o.images().shape();
        NpyWriter.writeFloat32(outDir.resolve("perturbations.npy"), new int[] {n, s.height(), s.width(), s.channels()},
                o.perturbations());
        SuccessCurveFigure.write(modelName + " (" + unit + ", min_prob " + settings.minProbability() + ", "
                        + settings.description() + ")", unit,
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
