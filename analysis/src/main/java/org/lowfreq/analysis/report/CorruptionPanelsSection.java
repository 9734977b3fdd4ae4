package org.lowfreq.analysis.report;

import static org.lowfreq.analysis.report.ReportContext.fmt;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.lowfreq.analysis.figures.XYFigure;

/**
 * Accuracy per severity and per common corruption against f_rev, each with the blur sweep's fit
 * (same rules as the headline), and the extra corruptions in a table of their own.
 */
final class CorruptionPanelsSection implements ReportSection {
    private final ReportContext ctx;

    CorruptionPanelsSection(ReportContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public String name() {
        return "corruption panels";
    }

    @Override
    public String anchor() {
        return "corruptions";
    }

    @Override
    public void draw(HtmlPage page) {
        ResultSet data = ctx.data;
        page.heading(2, "Per-corruption and per-severity panels", anchor());
        TreeSet<String> corruptions = new TreeSet<>();
        TreeSet<Integer> severities = new TreeSet<>();
        for (ModelInfo m : data.models()) {
            data.corruptionCells(m.name()).forEach((c, bySev) -> {
                corruptions.add(c);
                severities.addAll(bySev.keySet());
            });
        }
        if (corruptions.isEmpty()) {
            page.noData("per-corruption panels", "no corruption-probe rows of the 15 common corruptions (group = "
                    + "corruption, parameter severity 1-5, metric accuracy)");
            extras(page);
            return;
        }
        String xLabel = "f_rev (normalised, Nyquist = 1)";
        List<BufferedImage> sevPanels = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (int s : severities) {
            Goldilocks g = Goldilocks.of(data, xLabel, m -> data.fRevNorm(m.name()), "accuracy (fraction correct)",
                    m -> data.accuracyBySeverity(m.name()).getOrDefault(s, Double.NaN));
            XYFigure f = RobustnessSection.scatterWithFit(ctx, "severity " + s + ": accuracy (fraction) vs f_rev (Nyquist = 1)",
                    g, m -> data.fRevNorm(m.name()), m -> data.accuracyBySeverity(m.name()).getOrDefault(s, Double.NaN), 6, false);
            if (f != null) {
                sevPanels.add(f.hideLegend().image(380, 300));
            }
            rows.add(List.of("severity " + s, g.rSquaredWithN(), fmt(g.sigma(), 2), g.note()));
        }
        if (!sevPanels.isEmpty()) {
            ctx.figure(page, "per-severity", XYFigure.Png.encode(XYFigure.Png.tile(sevPanels, 3)), "Accuracy (fraction "
                    + "correct, mean over the common corruptions present) against f_rev (normalised, Nyquist = 1), one "
                    + "panel per severity; colours as above; dashed: quadratic over the per-\u03c3 means (only with \u2265 "
                    + Goldilocks.MIN_SIGMAS + " \u03c3).");
        }
        List<BufferedImage> panels = new ArrayList<>();
        for (String c : corruptions) {
            Goldilocks g = Goldilocks.of(data, xLabel, m -> data.fRevNorm(m.name()), "accuracy (fraction correct)",
                    m -> data.accuracyByCorruption(m.name()).getOrDefault(c, Double.NaN));
            XYFigure f = RobustnessSection.scatterWithFit(ctx, c + ": accuracy (fraction) vs f_rev", g,
                    m -> data.fRevNorm(m.name()), m -> data.accuracyByCorruption(m.name()).getOrDefault(c, Double.NaN), 6, false);
            if (f != null) {
                panels.add(f.hideLegend().image(300, 240));
            }
            rows.add(List.of(c, g.rSquaredWithN(), fmt(g.sigma(), 2), g.note()));
        }
        if (!panels.isEmpty()) {
            ctx.figure(page, "per-corruption", XYFigure.Png.encode(XYFigure.Png.tile(panels, 4)), "Accuracy (fraction "
                    + "correct, mean over severities) against f_rev (normalised, Nyquist = 1), one panel per common "
                    + "corruption present (" + corruptions.size() + " of " + ResultSet.COMMON_CORRUPTIONS.size() + ").");
        }
        page.heading(3, "Goldilocks sigma per severity and per corruption", null);
        page.table(List.of("measure", "R^2 (n = \u03c3 fitted)", "Goldilocks \u03c3", "detail"), rows);
        extras(page);
    }

    private void extras(HtmlPage page) {
        ResultSet data = ctx.data;
        List<List<String>> rows = new ArrayList<>();
        for (ModelInfo m : ctx.modelsBySigma()) {
            var cells = data.extraCells(m.name());
            double mean = data.extrasAccuracy(m.name());
            if (!cells.isEmpty() || Double.isFinite(mean)) {
                List<String> r = new ArrayList<>(List.of(m.name(), fmt(mean, 3)));
                for (String c : ResultSet.EXTRA_CORRUPTIONS) {
                    var bySev = cells.get(c);
                    r.add(bySev == null ? "-" : fmt(bySev.values().stream().mapToDouble(Double::doubleValue).average()
                            .orElse(Double.NaN), 3));
                }
                rows.add(r);
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        page.heading(3, "Extra corruptions (not part of -C)", null);
        List<String> header = new ArrayList<>(List.of("model", "extras mean acc."));
        ResultSet.EXTRA_CORRUPTIONS.forEach(c -> header.add(c + " (mean over severities)"));
        page.table(header, rows);
    }
}
