package org.lowfreq.analysis.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.lowfreq.analysis.results.ResultTable;
import org.lowfreq.analysis.stats.Descriptive;

/**
 * A collected tidy table with the read-outs the report needs. Every getter tolerates missing rows
 * (NaN or an empty collection) and extra metrics (ignored), so the report can draw whatever the
 * data allows. Metric names follow the probes: see analysis/README.md, "Report inputs".
 */
public final class ResultSet {
    /** The 15 common corruptions of docs/METHODS.md 4: the cells of the -C accuracy. */
    public static final List<String> COMMON_CORRUPTIONS = List.of("gaussian_noise", "shot_noise", "impulse_noise",
            "defocus_blur", "glass_blur", "motion_blur", "zoom_blur", "snow", "frost", "fog", "brightness", "contrast",
            "elastic_transform", "pixelate", "jpeg_compression");
    /** The 4 extra corruptions, reported on their own. */
    public static final List<String> EXTRA_CORRUPTIONS = List.of("speckle_noise", "gaussian_blur", "spatter", "saturate");
    /** Cells of the full -C accuracy: 15 corruptions x 5 severities. */
    public static final int ALL_CELLS = 75;

    private final List<ResultRecord> rows;
    private final Map<String, ModelInfo> models = new LinkedHashMap<>();
    private final Map<String, Double> cardCleanAccuracy;
    private final Map<String, ModelIdentity> identities;

    public ResultSet(Collection<ResultRecord> rows) {
        this(rows, Map.of(), Map.of());
    }

    /**
     * @param cardCleanAccuracy model name -> clean accuracy from its model card, used when no row has one
     * @param identities        model name -> identity (configuration without seed, fine-tuned or not); a model
     *                          without one is identified by its card columns (family, arch, backend, sigma, PCA k)
     */
    public ResultSet(Collection<ResultRecord> rows, Map<String, Double> cardCleanAccuracy,
                     Map<String, ModelIdentity> identities) {
        this.cardCleanAccuracy = Map.copyOf(cardCleanAccuracy);
        this.identities = Map.copyOf(identities);
        this.rows = List.copyOf(rows);
        for (ResultRecord r : this.rows) {
            models.computeIfAbsent(r.model(), k -> new ModelInfo(r.model(), r.family(), r.arch(), r.blurSigma(),
                    r.modelSeed(), identities.getOrDefault(r.model(), ModelIdentity.ofColumns(r))));
        }
    }

    /** Reads a collected table and the identities beside it ({@link ModelIdentities}), when there are any. */
    public static ResultSet read(Path csv) {
        List<ResultRecord> out = new ArrayList<>();
        for (Map<String, String> m : ResultTable.read(csv)) {
            out.add(ResultRecord.of(m, csv.toString()));
        }
        return new ResultSet(out, Map.of(), ModelIdentities.read(csv));
    }

    /** The same rows with clean accuracies from model cards as a fallback. */
    public ResultSet withCardCleanAccuracy(Map<String, Double> byModel) {
        return new ResultSet(rows, byModel, identities);
    }

    /** The same rows with further identities (e.g. from model cards) for models that have none yet. */
    public ResultSet withIdentities(Map<String, ModelIdentity> more) {
        Map<String, ModelIdentity> all = new java.util.HashMap<>(more);
        all.putAll(identities);
        return new ResultSet(rows, cardCleanAccuracy, all);
    }

    public List<ResultRecord> rows() {
        return rows;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Models in order of first appearance. */
    public List<ModelInfo> models() {
        return List.copyOf(models.values());
    }

    public List<String> families() {
        return models.values().stream().map(ModelInfo::family).distinct().toList();
    }

    public List<ResultRecord> select(Predicate<ResultRecord> p) {
        return rows.stream().filter(p).toList();
    }

    /** Probe names of the attack protocol (they start with "attack"), sorted. */
    public List<String> attackProbes() {
        return rows.stream().map(ResultRecord::probe).filter(p -> p.startsWith("attack")).distinct().sorted().toList();
    }

    /**
     * A summary metric (parameter empty) of a model from probes matching {@code probe}: the pooled row
     * (seed -1) when there is one, else the mean of the per-seed rows; NaN when absent.
     */
    public double summary(String model, Predicate<String> probe, String metric) {
        List<ResultRecord> hits = rows.stream().filter(r -> r.model().equals(model) && probe.test(r.probe())
                && r.metric().equals(metric) && r.parameter().isEmpty()).toList();
        List<ResultRecord> pooled = hits.stream().filter(ResultRecord::pooled).toList();
        List<ResultRecord> use = pooled.isEmpty() ? hits : pooled;
        return Descriptive.of(use.stream().mapToDouble(ResultRecord::value).toArray()).mean();
    }

    /** Per-seed values of a summary metric (rows with seed >= 0). */
    public List<Double> perSeed(String model, Predicate<String> probe, String metric) {
        return rows.stream().filter(r -> r.model().equals(model) && probe.test(r.probe()) && r.metric().equals(metric)
                && r.parameter().isEmpty() && !r.pooled() && Double.isFinite(r.value())).map(ResultRecord::value).toList();
    }

    /** The notes of rows whose metric has no value (e.g. "D never crosses zero"). */
    public List<String> missingNotes(String model, Predicate<String> probe, String metric) {
        return rows.stream().filter(r -> r.model().equals(model) && probe.test(r.probe()) && r.metric().equals(metric)
                && Double.isNaN(r.value()) && !r.note().isEmpty()).map(ResultRecord::note).distinct().toList();
    }

    /** f_rev (normalised, Nyquist = 1): the pooled mean, else the mean over seeds. */
    public double fRevNorm(String model) {
        double pooled = summary(model, "hybrid"::equals, "f_rev_norm_mean");
        return Double.isFinite(pooled) ? pooled : summary(model, "hybrid"::equals, "f_rev_norm");
    }

    /** Standard deviation of f_rev over probe seeds. */
    public double fRevNormSd(String model) {
        double pooled = summary(model, "hybrid"::equals, "f_rev_norm_sd");
        return Double.isFinite(pooled) ? pooled : Descriptive.of(perSeed(model, "hybrid"::equals, "f_rev_norm")).sd();
    }

    public double fHalfCpp(String model, String attackProbe) {
        return summary(model, attackProbe::equals, "f_half_cpp");
    }

    /** The norm unit of an attack's epsilon metrics ({@code linf}, {@code l2}), from its metric names; null if none. */
    private String epsilonUnit(String model, String attackProbe) {
        return rows.stream().filter(r -> r.model().equals(model) && r.probe().equals(attackProbe)
                        && r.parameter().isEmpty() && r.metric().startsWith("epsilon_min_"))
                .map(r -> r.metric().substring("epsilon_min_".length()).split("_")[0]).findFirst().orElse(null);
    }

    private double epsilonMetric(String model, String attackProbe, String suffix) {
        String unit = epsilonUnit(model, attackProbe);
        return unit == null ? Double.NaN : summary(model, attackProbe::equals, "epsilon_min_" + unit + suffix);
    }

    /**
     * Median minimal epsilon over the images with a success ({@code epsilon_min_<unit>_median_success});
     * a table from before that name falls back to {@code median_epsilon}. NaN when absent.
     */
    public double medianEpsilon(String model, String attackProbe) {
        double v = epsilonMetric(model, attackProbe, "_median_success");
        return Double.isFinite(v) ? v : summary(model, attackProbe::equals, "median_epsilon");
    }

    /** Mean minimal epsilon over the images with a success ({@code epsilon_min_<unit>_mean_success}). */
    public double meanEpsilon(String model, String attackProbe) {
        return epsilonMetric(model, attackProbe, "_mean_success");
    }

    /** Fraction of attacked images with a success ({@code success_fraction}). */
    public double successFraction(String model, String attackProbe) {
        return summary(model, attackProbe::equals, "success_fraction");
    }

    /**
     * Median over all images with failures counted as infinite ({@code epsilon_min_<unit>_median_all};
     * the older name {@code epsilon_min_<unit>_median} meant the same). NaN when half or more failed.
     */
    public double medianEpsilonAll(String model, String attackProbe) {
        double v = epsilonMetric(model, attackProbe, "_median_all");
        return Double.isFinite(v) ? v : epsilonMetric(model, attackProbe, "_median");
    }

    /**
     * Clean accuracy: the metric {@code clean_accuracy} from any probe, else the model card's; a table of
     * the corruption probe from before that metric (a row of group "clean" at severity 0) counts too.
     */
    public double cleanAccuracy(String model) {
        double v = summary(model, p -> true, "clean_accuracy");
        if (Double.isFinite(v)) {
            return v;
        }
        double legacy = Descriptive.of(rows.stream().filter(r -> r.model().equals(model) && r.probe().startsWith("corruption")
                && r.metric().equals("accuracy") && r.group().equals("clean")).map(ResultRecord::value).toList()).mean();
        return Double.isFinite(legacy) ? legacy : cardCleanAccuracy.getOrDefault(model, Double.NaN);
    }

    /** Per-cell accuracies of the 15 common corruptions: corruption -> severity (1..5) -> accuracy (mean over seeds). */
    public Map<String, Map<Integer, Double>> corruptionCells(String model) {
        return cells(model, COMMON_CORRUPTIONS);
    }

    /** Per-cell accuracies of the 4 extra corruptions, apart from the -C cells. */
    public Map<String, Map<Integer, Double>> extraCells(String model) {
        return cells(model, EXTRA_CORRUPTIONS);
    }

    private Map<String, Map<Integer, Double>> cells(String model, List<String> corruptions) {
        Map<String, Map<Integer, List<Double>>> acc = new TreeMap<>();
        for (ResultRecord r : rows) {
            if (r.model().equals(model) && r.probe().startsWith("corruption") && r.metric().equals("accuracy")
                    && r.parameter().equals("severity") && corruptions.contains(r.group())
                    && r.parameterValue() >= 1 && r.parameterValue() <= 5 && Double.isFinite(r.value())) {
                acc.computeIfAbsent(r.group(), k -> new TreeMap<>())
                        .computeIfAbsent((int) r.parameterValue(), k -> new ArrayList<>()).add(r.value());
            }
        }
        Map<String, Map<Integer, Double>> out = new TreeMap<>();
        acc.forEach((c, bySev) -> {
            Map<Integer, Double> m = new TreeMap<>();
            bySev.forEach((s, v) -> m.put(s, Descriptive.of(v).mean()));
            out.put(c, m);
        });
        return out;
    }

    /**
     * A model's corruption accuracy and what it covers.
     *
     * @param value    mean accuracy (fraction correct) over the cells
     * @param cells    how many of the 75 common cells it averages
     */
    public record CAccuracy(double value, int cells) {
        public boolean complete() {
            return cells == ALL_CELLS;
        }

        /** "-C accuracy" for the 75 cells, else "-C subset (k of 75 cells)". */
        public String label() {
            return complete() ? "-C accuracy" : "-C subset (" + cells + " of " + ALL_CELLS + " cells)";
        }
    }

    /**
     * The headline -C accuracy: {@code c_accuracy} (all 75 cells), else {@code c_subset_accuracy} (its
     * cell count from its note "-C subset (k of 75 cells)", else from the cells in the table), else the
     * unweighted mean of the common cells present. A subset is never called "-C accuracy".
     */
    public CAccuracy cAccuracy(String model) {
        double full = summary(model, p -> p.startsWith("corruption"), "c_accuracy");
        if (Double.isFinite(full)) {
            return new CAccuracy(full, ALL_CELLS);
        }
        int present = corruptionCells(model).values().stream().mapToInt(Map::size).sum();
        double subset = summary(model, p -> p.startsWith("corruption"), "c_subset_accuracy");
        if (Double.isFinite(subset)) {
            int k = rows.stream().filter(r -> r.model().equals(model) && r.metric().equals("c_subset_accuracy"))
                    .map(r -> SUBSET_NOTE.matcher(r.note())).filter(java.util.regex.Matcher::find)
                    .map(m -> Integer.parseInt(m.group(1))).findFirst().orElse(present);
            return new CAccuracy(subset, Math.min(k, ALL_CELLS - 1));
        }
        double mean = Descriptive.of(corruptionCells(model).values().stream().flatMap(m -> m.values().stream()).toList()).mean();
        return new CAccuracy(mean, present);
    }

    private static final java.util.regex.Pattern SUBSET_NOTE = java.util.regex.Pattern.compile("\\((\\d+) of 75 cells\\)");

    /** The -C value of {@link #cAccuracy} (NaN when there is none). */
    public double corruptionAccuracy(String model) {
        return cAccuracy(model).value();
    }

    /** Mean accuracy over the extra corruptions ({@code extras_accuracy}, else the mean of their cells). */
    public double extrasAccuracy(String model) {
        double v = summary(model, p -> p.startsWith("corruption"), "extras_accuracy");
        return Double.isFinite(v) ? v
                : Descriptive.of(extraCells(model).values().stream().flatMap(m -> m.values().stream()).toList()).mean();
    }

    /** Bootstrap interval of f_rev over images (the hybrid probe's per-seed ci rows, averaged); NaNs when absent. */
    public double[] fRevInterval(String model) {
        return new double[] {summary(model, "hybrid"::equals, "f_rev_norm_ci_low"),
                summary(model, "hybrid"::equals, "f_rev_norm_ci_high")};
    }

    /** Mean accuracy per severity over corruptions. */
    public Map<Integer, Double> accuracyBySeverity(String model) {
        Map<Integer, List<Double>> by = new TreeMap<>();
        corruptionCells(model).values().forEach(m -> m.forEach((s, v) -> by.computeIfAbsent(s, k -> new ArrayList<>()).add(v)));
        Map<Integer, Double> out = new TreeMap<>();
        by.forEach((s, v) -> out.put(s, Descriptive.of(v).mean()));
        return out;
    }

    /** Mean accuracy per corruption over severities. */
    public Map<String, Double> accuracyByCorruption(String model) {
        Map<String, Double> out = new TreeMap<>();
        corruptionCells(model).forEach((c, m) -> out.put(c, Descriptive.of(m.values()).mean()));
        return out;
    }

    /**
     * A curve of a model: parameter value -> metric (mean over seeds), from probes matching
     * {@code probe}, with the given parameter name; rows of other groups are kept apart by
     * {@code group} (null = any group).
     */
    public TreeMap<Double, Double> curve(String model, Predicate<String> probe, Predicate<String> parameter, String metric,
                                         String group) {
        Map<Double, List<Double>> by = new TreeMap<>();
        for (ResultRecord r : rows) {
            if (r.model().equals(model) && probe.test(r.probe()) && parameter.test(r.parameter())
                    && r.metric().equals(metric) && (group == null || group.equals(r.group()))
                    && Double.isFinite(r.parameterValue()) && Double.isFinite(r.value())) {
                by.computeIfAbsent(r.parameterValue(), k -> new ArrayList<>()).add(r.value());
            }
        }
        TreeMap<Double, Double> out = new TreeMap<>();
        by.forEach((k, v) -> out.put(k, Descriptive.of(v).mean()));
        return out;
    }

    /** D(f_mix) = p_low - p_high, mean over seeds: the probe's d_low_minus_high, else computed from p_low and p_high. */
    public TreeMap<Double, Double> hybridCurve(String model) {
        TreeMap<Double, Double> d = curve(model, "hybrid"::equals, "f_mix"::equals, "d_low_minus_high", null);
        if (!d.isEmpty()) {
            return d;
        }
        TreeMap<Double, Double> low = curve(model, "hybrid"::equals, "f_mix"::equals, "p_low", null);
        TreeMap<Double, Double> high = curve(model, "hybrid"::equals, "f_mix"::equals, "p_high", null);
        TreeMap<Double, Double> out = new TreeMap<>();
        low.forEach((f, v) -> {
            if (high.containsKey(f)) {
                out.put(f, v - high.get(f));
            }
        });
        return out;
    }

    /** Groups (e.g. "" or a norm) under which a probe wrote a metric. */
    public List<String> groupsOf(String probe, String metric) {
        return rows.stream().filter(r -> r.probe().equals(probe) && r.metric().equals(metric)).map(ResultRecord::group)
                .distinct().sorted().toList();
    }
}
