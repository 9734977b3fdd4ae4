package org.lowfreq.spi;

/**
 * One tidy result: a metric's value under one condition. The sink adds the model, probe and
 * provenance columns (see {@link ResultColumns}).
 *
 * @param parameter      the swept parameter's name with its unit where it has one (e.g.
 *                       {@code f_mix}, {@code epsilon_linf}, {@code severity}), or "" for a summary
 * @param parameterValue its value as text, or ""
 * @param group          a grouping key such as a corruption name or a norm, or ""
 * @param seed           the probe's seed for this row, or -1 when the row pools seeds
 * @param metric         the metric's name with its unit where it has one (e.g. {@code p_low},
 *                       {@code f_rev_cpp}, {@code accuracy})
 * @param value          the value; NaN means "no value" and must come with a {@code note}
 * @param note           why a value is missing, or any remark; "" when none
 */
public record ResultRow(String parameter, String parameterValue, String group, long seed, String metric,
                        double value, String note) {
    public ResultRow {
        if (metric == null || metric.isBlank()) {
            throw new IllegalArgumentException("a result row needs a metric name");
        }
        parameter = parameter == null ? "" : parameter;
        parameterValue = parameterValue == null ? "" : parameterValue;
        group = group == null ? "" : group;
        note = note == null ? "" : note;
    }

    /** A summary metric with no parameter. */
    public static ResultRow summary(String metric, double value, long seed) {
        return new ResultRow("", "", "", seed, metric, value, "");
    }

    /** A metric at one parameter value. */
    public static ResultRow at(String parameter, double parameterValue, long seed, String metric, double value) {
        return new ResultRow(parameter, formatNumber(parameterValue), "", seed, metric, value, "");
    }

    public ResultRow withGroup(String newGroup) {
        return new ResultRow(parameter, parameterValue, newGroup, seed, metric, value, note);
    }

    public ResultRow withNote(String newNote) {
        return new ResultRow(parameter, parameterValue, group, seed, metric, value, newNote);
    }

    /** Shortest text that reads back as the same double (so grid values stay 0.09, not 0.09000000357). */
    public static String formatNumber(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
