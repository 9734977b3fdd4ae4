package org.lowfreq.analysis.report;

import static org.lowfreq.analysis.report.ReportContext.fmt;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.lowfreq.analysis.stats.Correlation;

/** The per-model table (with the notes its '-' cells refer to) and the correlations across models. */
final class TablesSection implements ReportSection {
    private final ReportContext ctx;

    TablesSection(ReportContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public String name() {
        return "tables";
    }

    @Override
    public String anchor() {
        return "tables";
    }

    @Override
    public void draw(HtmlPage page) {
        ResultSet data = ctx.data;
        page.heading(2, "Per-model results", anchor());
        List<String> attacks = data.attackProbes();
        List<String> header = new ArrayList<>(List.of("model", "configuration", "blur \u03c3 (px)", "model seed",
                "trained", "clean acc.", "-C acc. (cells of 75)", "extras acc.", "f_rev (norm.)", "f_rev sd (seeds)",
                "f_rev 95% CI (images)"));
        for (String a : attacks) {
            header.addAll(List.of(a + " median \u03b5 (succ.)", a + " mean \u03b5 (succ.)", a + " success fraction",
                    a + " median \u03b5 (all, failures = \u221e)", a + " f_0.5 (cyc/px)"));
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (ModelInfo m : ctx.modelsBySigma()) {
            ResultSet.CAccuracy c = data.cAccuracy(m.name());
            double[] ci = data.fRevInterval(m.name());
            List<String> r = new ArrayList<>(List.of(m.name(), m.configurationLabel() + " [" + m.configuration() + "]",
                    ReportContext.sigma(m), Long.toString(m.modelSeed()), m.isFineTuned() ? "fine-tuned" : "from scratch",
                    fmt(data.cleanAccuracy(m.name()), 3),
                    Double.isFinite(c.value()) ? fmt(c.value(), 3) + (c.complete() ? " (75)" : " (subset " + c.cells() + ")") : "-",
                    fmt(data.extrasAccuracy(m.name()), 3), fmt(data.fRevNorm(m.name()), 3),
                    fmt(data.fRevNormSd(m.name()), 3),
                    Double.isFinite(ci[0]) ? "[" + fmt(ci[0], 3) + ", " + fmt(ci[1], 3) + "]" : "-"));
            for (String a : attacks) {
                r.add(fmt(data.medianEpsilon(m.name(), a), 4));
                r.add(fmt(data.meanEpsilon(m.name(), a), 4));
                r.add(fmt(data.successFraction(m.name(), a), 3));
                r.add(fmt(data.medianEpsilonAll(m.name(), a), 4));
                r.add(fmt(data.fHalfCpp(m.name(), a), 3));
            }
            rows.add(r);
            data.missingNotes(m.name(), "hybrid"::equals, "f_rev_norm").forEach(n -> notes.add(m.name() + ": f_rev: " + n));
            for (String a : attacks) {
                data.missingNotes(m.name(), a::equals, "f_half_cpp").forEach(n -> notes.add(m.name() + ": " + a + " f_0.5: " + n));
            }
        }
        if (rows.isEmpty()) {
            page.noData("per-model table", "the results table has no rows");
            return;
        }
        page.table(header, rows);
        page.paragraph("'-' = not measured or no value." + (notes.isEmpty() ? "" : " Why a value is missing: see the notes "
                + "below the table.") + " -C: mean accuracy over the cells of the 15 common corruptions x 5 severities; "
                + "a run over fewer cells is a '-C subset (k of 75 cells)', never the -C accuracy. Extras: the 4 extra "
                + "corruptions, apart. \u03b5 (succ.): over the images where the attack succeeded; success fraction beside it.");
        if (!notes.isEmpty()) {
            page.raw("<ul id=\"notes\">" + notes.stream().map(n -> "<li>" + HtmlPage.escape(n) + "</li>")
                    .reduce("", String::concat) + "</ul>");
        }
        correlations(page, attacks);
    }

    private void correlations(HtmlPage page, List<String> attacks) {
        ResultSet data = ctx.data;
        record Pair(String name, ToDoubleFunction<ModelInfo> x, ToDoubleFunction<ModelInfo> y) {
        }
        List<Pair> pairs = new ArrayList<>();
        pairs.add(new Pair("f_rev vs -C (as labelled above)", m -> data.fRevNorm(m.name()), m -> data.corruptionAccuracy(m.name())));
        for (String a : attacks) {
            pairs.add(new Pair("f_0.5 (" + a + ") vs median \u03b5 (succ.)", m -> data.fHalfCpp(m.name(), a),
                    m -> data.medianEpsilon(m.name(), a)));
            pairs.add(new Pair("f_rev vs f_0.5 (" + a + ")", m -> data.fRevNorm(m.name()), m -> data.fHalfCpp(m.name(), a)));
        }
        List<List<String>> rows = new ArrayList<>();
        for (Pair p : pairs) {
            List<double[]> xy = new ArrayList<>();
            for (ModelInfo m : data.models()) {
                double x = p.x().applyAsDouble(m);
                double y = p.y().applyAsDouble(m);
                if (Double.isFinite(x) && Double.isFinite(y)) {
                    xy.add(new double[] {x, y});
                }
            }
            if (xy.size() < 3) {
                rows.add(List.of(p.name(), Integer.toString(xy.size()), "-", "-", "-", "-"));
                continue;
            }
            double[] x = xy.stream().mapToDouble(v -> v[0]).toArray();
            double[] y = xy.stream().mapToDouble(v -> v[1]).toArray();
            Correlation.Estimate pe = Correlation.bootstrap(Correlation.Kind.PEARSON, x, y, 2000, 0.95, ctx.seed);
            Correlation.Estimate sp = Correlation.bootstrap(Correlation.Kind.SPEARMAN, x, y, 2000, 0.95, ctx.seed);
            rows.add(List.of(p.name(), Integer.toString(xy.size()), fmt(pe.r(), 3), interval(pe), fmt(sp.r(), 3), interval(sp)));
        }
        page.heading(3, "Correlations across all models", null);
        page.table(List.of("pair", "models (n)", "Pearson r", "95% CI", "Spearman rho", "95% CI"), rows);
        page.paragraph("Confidence intervals: percentile bootstrap over models, 2000 resamples, seed " + ctx.seed
                + "; none with fewer than " + Correlation.MIN_BOOTSTRAP_PAIRS + " models (no correlation with fewer than 3).");
    }

    private static String interval(Correlation.Estimate e) {
        if (e.n() < Correlation.MIN_BOOTSTRAP_PAIRS) {
            return "- (n < " + Correlation.MIN_BOOTSTRAP_PAIRS + ")";
        }
        return Double.isFinite(e.low()) ? "[" + fmt(e.low(), 3) + ", " + fmt(e.high(), 3) + "]" : "-";
    }
}
