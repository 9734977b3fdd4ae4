package org.lowfreq.analysis.report;

import static org.lowfreq.analysis.report.ReportContext.fmt;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.lowfreq.analysis.figures.Palette;
import org.lowfreq.analysis.figures.XYFigure;

/**
 * The paper's claims: robustness (-C accuracy, median epsilon) against blur sigma, and against
 * frequency preference with the Goldilocks fit over the per-sigma means ({@link Goldilocks}).
 */
final class RobustnessSection implements ReportSection {
    private final ReportContext ctx;

    RobustnessSection(ReportContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public String name() {
        return "robustness";
    }

    @Override
    public String anchor() {
        return "goldilocks";
    }

    /** The -C label of this table: "-C accuracy" when every model has all 75 cells, else the subset's. */
    static String cLabel(ResultSet data) {
        Set<String> labels = new LinkedHashSet<>();
        for (ModelInfo m : data.models()) {
            ResultSet.CAccuracy c = data.cAccuracy(m.name());
            if (Double.isFinite(c.value())) {
                labels.add(c.label());
            }
        }
        if (labels.size() == 1) {
            return labels.iterator().next();
        }
        return labels.isEmpty() ? "-C accuracy" : "-C accuracy or subset (" + String.join("; ", labels) + ")";
    }

    @Override
    public void draw(HtmlPage page) {
        ResultSet data = ctx.data;
        String c = cLabel(data);
        String cAxis = c + " (fraction correct)";
        page.heading(2, "Robustness against blur and frequency preference", anchor());
        page.paragraph("Blur sweep = family blur plus the baseline as \u03c3 = 0, trained from scratch. Seeds are averaged "
                + "per \u03c3 first (error bars: sd over seeds); the quadratic is fitted to the per-\u03c3 means and needs "
                + "at least " + Goldilocks.MIN_SIGMAS + " distinct \u03c3, else there is no fit and no Goldilocks claim. "
                + "R^2 is given with its n (the number of \u03c3 fitted). Fine-tuned models are shown beside, not fitted.");
        sigmaPanel(page, "c-vs-sigma", c + " (fraction correct) vs blur \u03c3 (pixels)", cAxis,
                m -> data.corruptionAccuracy(m.name()));
        for (String a : data.attackProbes()) {
            sigmaPanel(page, "epsilon-vs-sigma-" + a, "median \u03b5 (" + a + ", successful images; pixel scale [0, 1]) vs "
                    + "blur \u03c3 (pixels)", "median minimal \u03b5 over successful images (pixel scale [0, 1])",
                    m -> data.medianEpsilon(m.name(), a));
        }
        List<List<String>> summary = new ArrayList<>();
        Goldilocks g = Goldilocks.of(data, ReportContext.F_REV, m -> data.fRevNorm(m.name()), cAxis,
                m -> data.corruptionAccuracy(m.name()));
        frequencyPanel(page, "corruption-vs-frev", c + " (fraction correct) vs f_rev (normalised, Nyquist = 1)", g,
                m -> data.fRevNorm(m.name()), m -> data.corruptionAccuracy(m.name()));
        summary.add(row(c + " vs f_rev", g));
        for (String a : data.attackProbes()) {
            Goldilocks ga = Goldilocks.of(data, "f_0.5 (cycles/pixel)", m -> data.fHalfCpp(m.name(), a),
                    "median \u03b5 (" + a + ", successful images, pixel scale [0, 1])", m -> data.medianEpsilon(m.name(), a));
            frequencyPanel(page, "epsilon-vs-fhalf-" + a, "median \u03b5 (" + a + "; pixel scale [0, 1]) vs f_0.5 "
                    + "(cycles/pixel)", ga, m -> data.fHalfCpp(m.name(), a), m -> data.medianEpsilon(m.name(), a));
            summary.add(row("median \u03b5 (" + a + ") vs f_0.5", ga));
        }
        page.heading(3, "Goldilocks summary", null);
        page.table(List.of("fit", "distinct \u03c3", "R^2 (n = \u03c3 fitted)", "Goldilocks \u03c3", "detail"), summary);
    }

    private static List<String> row(String name, Goldilocks g) {
        return List.of(name, Integer.toString(g.sigmas().size()), g.rSquaredWithN(), fmt(g.sigma(), 2), g.note());
    }

    private void sigmaPanel(HtmlPage page, String name, String title, String yLabel, ToDoubleFunction<ModelInfo> y) {
        XYFigure fig = SigmaPanel.draw(ctx, title, yLabel, y, null, null);
        if (fig == null) {
            page.noData(title, "no model has " + yLabel);
            return;
        }
        ctx.figure(page, name, fig.png(ReportContext.W, ReportContext.H), "Dots: one model each, one colour per "
                + "configuration; black squares: mean \u00b1 sd over training seeds per \u03c3; other families at the right "
                + "with a dashed line at their mean.");
    }

    private void frequencyPanel(HtmlPage page, String name, String title, Goldilocks g, ToDoubleFunction<ModelInfo> x,
                                ToDoubleFunction<ModelInfo> y) {
        XYFigure fig = scatterWithFit(ctx, title, g, x, y, 8, true);
        if (fig == null) {
            page.noData(title, "no model has both " + g.xLabel() + " and " + g.yLabel());
            return;
        }
        ctx.figure(page, name, fig.png(ReportContext.W, ReportContext.H), g.note());
    }

    /** Models as dots by configuration, the per-sigma means with sd bars, the quadratic and its peak; null when empty. */
    static XYFigure scatterWithFit(ReportContext ctx, String title, Goldilocks g, ToDoubleFunction<ModelInfo> x,
                                   ToDoubleFunction<ModelInfo> y, double dot, boolean withLegend) {
        XYFigure fig = new XYFigure(title, g.xLabel(), g.yLabel());
        Set<String> legend = new LinkedHashSet<>();
        boolean any = false;
        for (ModelInfo m : ctx.modelsBySigma()) {
            double xv = x.applyAsDouble(m);
            double yv = y.applyAsDouble(m);
            if (Double.isFinite(xv) && Double.isFinite(yv)) {
                String conf = m.configurationLabel();
                fig.points(withLegend && legend.add(conf) ? conf : null, new double[] {xv}, new double[] {yv},
                        ctx.colour(m), dot);
                any = true;
            }
        }
        if (!any) {
            return null;
        }
        List<Goldilocks.SigmaPoint> multi = g.sigmas().stream().filter(s -> s.models().size() > 1).toList();
        if (!multi.isEmpty()) {
            fig.errorBars(withLegend ? "mean \u00b1 sd over seeds" : null,
                    multi.stream().mapToDouble(s -> s.x().mean()).toArray(), multi.stream().mapToDouble(s -> s.x().sd()).toArray(),
                    multi.stream().mapToDouble(s -> s.y().mean()).toArray(), multi.stream().mapToDouble(s -> s.y().sd()).toArray(),
                    Palette.BLACK);
        }
        if (g.fit() != null) {
            double lo = g.sigmas().stream().mapToDouble(s -> s.x().mean()).min().orElseThrow();
            double hi = g.sigmas().stream().mapToDouble(s -> s.x().mean()).max().orElseThrow();
            int n = 100;
            double[] fx = new double[n + 1];
            double[] fy = new double[n + 1];
            for (int i = 0; i <= n; i++) {
                fx[i] = lo + (hi - lo) * i / n;
                fy[i] = g.fit().at(fx[i]);
            }
            fig.dashedLine(withLegend ? "quadratic over the \u03c3 means, R^2 = " + g.rSquaredWithN() : null, fx, fy,
                    Palette.BLACK, 1.5f);
            if (g.fit().peak().found()) {
                fig.verticalMarker(g.fit().peak().x(), "peak" + (g.nearest() == null ? "" : ", nearest \u03c3="
                        + org.lowfreq.spi.ResultRow.formatNumber(g.sigma())), Palette.VERMILLION);
            }
        } else if (withLegend) {
            fig.subtitle("no fit: " + g.sigmas().size() + " distinct \u03c3 (needs " + Goldilocks.MIN_SIGMAS + ")");
        }
        return fig;
    }
}
