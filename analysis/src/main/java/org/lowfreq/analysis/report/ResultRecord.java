package org.lowfreq.analysis.report;

import java.util.Map;
import org.lowfreq.spi.UserInputException;

/**
 * One row of a collected tidy table ({@link org.lowfreq.spi.ResultColumns#ALL}) with its numbers
 * parsed. Text columns keep their text; {@code parameterValue} is also parsed (NaN when empty).
 */
public record ResultRecord(String model, String family, String arch, double blurSigma, int pcaK, long modelSeed,
                           String backend, String dataset, String split, int nImages, String probe, String parameter,
                           String parameterText, double parameterValue, String group, long seed, String metric,
                           double value, String note) {

    /** Parses a row read by {@link org.lowfreq.analysis.results.ResultTable#read}; {@code where} names the file. */
    public static ResultRecord of(Map<String, String> m, String where) {
        try {
            String pv = m.get("parameter_value");
            return new ResultRecord(m.get("model"), m.get("family"), m.get("arch"), num(m.get("blur_sigma")),
                    (int) num(m.get("pca_k")), (long) num(m.get("model_seed")), m.get("backend"), m.get("dataset"),
                    m.get("split"), (int) num(m.get("n_images")), m.get("probe"), m.get("parameter"), pv, num(pv),
                    m.get("group"), (long) num(m.get("seed")), m.get("metric"), num(m.get("value")), m.get("note"));
        } catch (NumberFormatException e) {
            throw new UserInputException(where + ": a numeric column holds text (" + e.getMessage() + ")",
                    "numeric columns (blur_sigma, pca_k, model_seed, n_images, seed, value) take numbers or NaN");
        }
    }

    private static double num(String s) {
        if (s == null || s.isBlank()) {
            return Double.NaN;
        }
        return Double.parseDouble(s.trim());
    }

    /** True for a summary row pooled over seeds. */
    public boolean pooled() {
        return seed < 0;
    }
}
