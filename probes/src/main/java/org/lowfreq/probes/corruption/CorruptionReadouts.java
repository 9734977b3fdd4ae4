package org.lowfreq.probes.corruption;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lowfreq.spi.ResultRow;

/**
 * The summaries of docs/METHODS.md 4 from per-cell accuracies (corruption -> accuracy at severities 1..5):
 * <ul>
 *   <li>{@code c_accuracy}: the unweighted mean of the 75 cells of the 15 common corruptions,
 *       written only when all 75 are present; otherwise {@code c_subset_accuracy}, noted
 *       "-C subset (k of 75 cells)", so that a subset is never read as the benchmark's number;</li>
 *   <li>{@code extras_accuracy}: the 4 extra corruptions on their own, never mixed into the above;</li>
 *   <li>{@code accuracy_mean} per severity (group {@code common15}, or {@code common_subset}, and
 *       {@code extras}), {@code accuracy_mean_over_severities} per corruption;</li>
 *   <li>{@code accuracy_mean_group} per low / medium / high group of docs/METHODS.md 2, over the common
 *       corruptions only.</li>
 * </ul>
 * Clean accuracy is its own metric ({@code clean_accuracy}, written by the probe), never a cell.
 */
final class CorruptionReadouts {
    static final int SEVERITIES = 5;
    static final int COMMON_CELLS = CorruptionProbe.COMMON.size() * SEVERITIES;
    static final int EXTRA_CELLS = CorruptionProbe.EXTRA.size() * SEVERITIES;
    static final String EXTRAS = "extras";
    static final String OTHER = "other";

    private CorruptionReadouts() {
    }

    /** low / medium / high for the 15 common corruptions (docs/METHODS.md 2), {@code extras} for the 4 extras, else {@code other}. */
    static String groupOf(String corruption) {
        if (CorruptionProbe.EXTRA.contains(corruption)) {
            return EXTRAS;
        }
        return CorruptionProbe.COMMON_GROUPS.getOrDefault(corruption, OTHER);
    }

    /** The corruptions present in {@code acc}, by group, in the order low, medium, high, extras, other. */
    static Map<String, List<String>> groups(Map<String, double[]> acc) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String g : List.of("low", "medium", "high", EXTRAS, OTHER)) {
            for (String c : acc.keySet()) {
                if (groupOf(c).equals(g)) {
                    out.computeIfAbsent(g, k -> new ArrayList<>()).add(c);
                }
            }
        }
        return out;
    }

    static List<ResultRow> rows(Map<String, double[]> acc, long seed) {
        List<ResultRow> rows = new ArrayList<>();
        for (var e : acc.entrySet()) {
            rows.add(new ResultRow("", "", e.getKey(), seed, "accuracy_mean_over_severities", mean(e.getValue()), ""));
        }
        List<String> common = present(acc, CorruptionProbe.COMMON);
        List<String> extras = present(acc, CorruptionProbe.EXTRA);
        boolean full = common.size() == CorruptionProbe.COMMON.size();
        String subset = subsetLabel(common.size() * SEVERITIES);
        for (int s = 1; s <= SEVERITIES; s++) {
            if (!common.isEmpty()) {
                rows.add(new ResultRow("severity", Integer.toString(s), full ? "common15" : "common_subset", seed,
                        "accuracy_mean", meanAt(acc, common, s), full ? "" : subset + " at this severity: "
                        + common.size() + " of 15 corruptions"));
            }
            if (!extras.isEmpty()) {
                rows.add(new ResultRow("severity", Integer.toString(s), EXTRAS, seed, "accuracy_mean",
                        meanAt(acc, extras, s), "extra corruptions (" + extras.size() + " of 4), not part of -C accuracy"));
            }
        }
        if (full) {
            rows.add(ResultRow.summary("c_accuracy", meanCells(acc, common), seed)
                    .withNote("unweighted mean of the 75 cells (15 common corruptions x 5 severities)"));
        } else if (!common.isEmpty()) {
            rows.add(ResultRow.summary("c_subset_accuracy", meanCells(acc, common), seed)
                    .withNote(subset + ": " + String.join(" ", common)));
        }
        if (!extras.isEmpty()) {
            rows.add(ResultRow.summary("extras_accuracy", meanCells(acc, extras), seed).withNote(
                    "the extra corruptions, " + extras.size() * SEVERITIES + " of " + EXTRA_CELLS + " cells ("
                            + String.join(" ", extras) + "), not part of -C accuracy"));
        }
        for (var g : groups(acc).entrySet()) {
            if (g.getKey().equals(EXTRAS) || g.getKey().equals(OTHER)) {
                continue;
            }
            long ofGroup = CorruptionProbe.COMMON_GROUPS.values().stream().filter(g.getKey()::equals).count();
            String note = "corruptions: " + String.join(" ", g.getValue())
                    + (g.getValue().size() < ofGroup ? " (subset: " + g.getValue().size() + " of " + ofGroup + ")" : "");
            rows.add(new ResultRow("", "", g.getKey(), seed, "accuracy_mean_group", meanCells(acc, g.getValue()), note));
        }
        return rows;
    }

    /** "-C subset (25 of 75 cells)": how a mean over fewer than the 75 common cells is labelled everywhere. */
    static String subsetLabel(int cells) {
        return "-C subset (" + cells + " of " + COMMON_CELLS + " cells)";
    }

    private static List<String> present(Map<String, double[]> acc, List<String> names) {
        return names.stream().filter(acc::containsKey).toList();
    }

    private static double meanAt(Map<String, double[]> acc, List<String> names, int severity) {
        return names.stream().mapToDouble(c -> acc.get(c)[severity - 1]).average().orElse(Double.NaN);
    }

    static double meanCells(Map<String, double[]> acc, List<String> names) {
        double s = 0;
        int k = 0;
        for (String c : names) {
            for (double v : acc.get(c)) {
                s += v;
                k++;
            }
        }
        return k == 0 ? Double.NaN : s / k;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }
}
