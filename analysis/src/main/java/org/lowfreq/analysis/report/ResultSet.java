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
    /** Corruption-group names that the corruption probe uses as summary groups, not corruptions. */
    public static final Set<String> CORRUPTION_GROUPS = Set.of("low", "medium", "high");

    private final List<ResultRecord> rows;
    private final Map<String, ModelInfo> models = new LinkedHashMap<>();
    private final Map<String, Double> cardCleanAccuracy;

    public ResultSet(Collection<ResultRecord> rows) {
        this(rows, Map.of());
    }

    /** {@code cardCleanAccuracy}: model name -> clean accuracy from its model card, used when no row has one. */
    public ResultSet(Collection<ResultRecord> rows, Map<String, Double> cardCleanAccuracy) {
        this.cardCleanAccuracy = Map.copyOf(cardCleanAccuracy);
        this.rows = List.copyOf(rows);
        for (ResultRecord r : this.rows) {
            models.putIfAbsent(r.model(), new ModelInfo(r.model(), r.family(), r.arch(), r.blurSigma(), r.modelSeed()));
        }
    }

    public static ResultSet read(Path csv) {
        List<ResultRecord> out = new ArrayList<>();
        for (Map<String, String> m : ResultTable.read(csv)) {
            out.add(ResultRecord.of(m, csv.toString()));
        }
        return new ResultSet(out);
    }

    /** The same rows with clean accuracies from model cards as a fallback. */
    public ResultSet withCardCleanAccuracy(Map<String, Double> byModel) {
        return new ResultSet(rows, byModel);
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

    /**
     * Median minimal epsilon of an attack: the protocol's {@code epsilon_min_<norm>_median}, or a
     * {@code median_epsilon} row; NaN when absent (or when half the images had no success).
     */
    public double medianEpsilon(String model, String attackProbe) {
        double v = summary(model, attackProbe::equals, "median_epsilon");
        if (Double.isFinite(v)) {
            return v;
        }
        return rows.stream().filter(r -> r.model().equals(model) && r.probe().equals(attackProbe)
                        && r.parameter().isEmpty() && r.metric().startsWith("epsilon_min_") && r.metric().endsWith("_median"))
                .map(ResultRecord::metric).findFirst().map(m -> summary(model, attackProbe::equals, m)).orElse(Double.NaN);
    }

    /** Clean accuracy from any probe or evaluation that wrote it, else from the model card when given. */
    public double cleanAccuracy(String model) {
        double v = summary(model, p -> true, "clean_accuracy");
        return Double.isFinite(v) ? v : cardCleanAccuracy.getOrDefault(model, Double.NaN);
    }

    /** Per-cell corruption accuracies: corruption -> severity -> accuracy (mean over seeds). */
    public Map<String, Map<Integer, Double>> corruptionCells(String model) {
        Map<String, Map<Integer, List<Double>>> acc = new TreeMap<>();
        for (ResultRecord r : rows) {
            if (r.model().equals(model) && r.probe().startsWith("corruption") && r.metric().equals("accuracy")
                    && r.parameter().equals("severity") && !r.group().isEmpty()
                    && !CORRUPTION_GROUPS.contains(r.group()) && Double.isFinite(r.parameterValue())
                    && Double.isFinite(r.value())) {
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

    /** The headline -C accuracy: the probe's corruption_accuracy_mean, else the unweighted mean of all cells. */
    public double corruptionAccuracy(String model) {
        double headline = summary(model, p -> p.startsWith("corruption"), "corruption_accuracy_mean");
        if (Double.isFinite(headline)) {
            return headline;
        }
        return Descriptive.of(corruptionCells(model).values().stream().flatMap(m -> m.values().stream()).toList()).mean();
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
