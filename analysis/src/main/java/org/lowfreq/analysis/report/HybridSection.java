package org.lowfreq.analysis.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.lowfreq.analysis.figures.Palette;
import org.lowfreq.analysis.figures.XYFigure;
import org.lowfreq.analysis.stats.Descriptive;

/** The hybrid probe: one example strip, the D(f_mix) curves and f_rev against blur sigma. */
final class HybridSection implements ReportSection {
    private final ReportContext ctx;

    HybridSection(ReportContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public String name() {
        return "hybrid";
    }

    @Override
    public String anchor() {
        return "hybrid";
    }

    @Override
    public void draw(HtmlPage page) {
        page.heading(2, "Hybrid images and f_rev", anchor());
        examples(page);
        curves(page);
        fRevVsSigma(page);
    }

    /** One strip: every model's strip shows the same kind of hybrids, so the baseline's (else the first) stands for all. */
    private void examples(HtmlPage page) {
        List<Artifacts.Figure> all = ctx.artifacts.hybridExamples();
        if (all.isEmpty()) {
            page.noData("hybrid examples", "no hybrid-example PNG was found in the job folders of this table "
                    + "(run the hybrid probe, collect with 'lowfreq collect', or pass --store)");
            return;
        }
        Map<String, ModelInfo> byName = new LinkedHashMap<>();
        ctx.data.models().forEach(m -> byName.put(m.name(), m));
        Artifacts.Figure f = all.stream().min(Comparator.comparingInt(x -> byName.containsKey(x.model())
                && byName.get(x.model()).isBaseline() ? 0 : 1)).orElseThrow();
        page.image(ReportContext.readBytes(f.file()), "hybrid examples", "Hybrid images across f_mix (normalised "
                + "frequency, Nyquist = 1), from " + f.model() + " (" + f.file().getFileName() + "); shown once, the "
                + "other " + (all.size() - 1) + " models' strips are in their job folders.");
    }

    private void curves(HtmlPage page) {
        XYFigure fig = new XYFigure("D(f_mix) = p_low - p_high (fraction of images) vs f_mix (Nyquist = 1)",
                "f_mix (normalised frequency, Nyquist = 1)", "D = p_low - p_high (fraction of images)");
        Map<String, Map<Double, List<Double>>> byConfig = new LinkedHashMap<>();
        Map<String, ModelInfo> firstOf = new LinkedHashMap<>();
        for (ModelInfo m : ctx.modelsBySigma()) {
            TreeMap<Double, Double> d = ctx.data.hybridCurve(m.name());
            if (d.isEmpty()) {
                continue;
            }
            fig.line(null, ReportContext.keys(d), ReportContext.values(d), Palette.translucent(ctx.colour(m), 0.35), 1f);
            firstOf.putIfAbsent(m.configurationLabel(), m);
            d.forEach((f, v) -> byConfig.computeIfAbsent(m.configurationLabel(), k -> new TreeMap<>())
                    .computeIfAbsent(f, k -> new ArrayList<>()).add(v));
        }
        if (byConfig.isEmpty()) {
            page.noData("D(f_mix)", "no hybrid-probe rows (parameter f_mix, metric d_low_minus_high or p_low/p_high)");
            return;
        }
        byConfig.forEach((conf, curve) -> {
            TreeMap<Double, Double> mean = new TreeMap<>();
            curve.forEach((f, v) -> mean.put(f, Descriptive.of(v).mean()));
            fig.line(conf, ReportContext.keys(mean), ReportContext.values(mean), ctx.colour(firstOf.get(conf)), 3f);
        });
        fig.horizontalMarker(0, null, Palette.BLACK);
        ctx.figure(page, "hybrid-d-curves", fig.png(ReportContext.W, ReportContext.H), "Thin lines: one model each "
                + "(mean over probe seeds); thick lines: the mean of each configuration over its training seeds, one "
                + "colour per configuration (blur \u03c3 light to dark). f_rev is where D first crosses zero from below.");
    }

    private void fRevVsSigma(HtmlPage page) {
        ResultSet data = ctx.data;
        XYFigure fig = SigmaPanel.draw(ctx, "f_rev (normalised, Nyquist = 1) vs blur \u03c3 (pixels)", ReportContext.F_REV,
                m -> data.fRevNorm(m.name()), m -> data.fRevInterval(m.name())[0], m -> data.fRevInterval(m.name())[1]);
        if (fig == null) {
            page.noData("f_rev vs \u03c3", "no model has f_rev (hybrid probe)");
            return;
        }
        ctx.figure(page, "frev-vs-sigma", fig.png(ReportContext.W, ReportContext.H), "Dots: one model each, with the hybrid "
                + "probe's 95% bootstrap interval over images (mean of the per-seed intervals; none drawn when the probe "
                + "wrote none). Black squares: mean \u00b1 sd over training seeds per \u03c3 (from scratch). Fine-tuned "
                + "blur models sit just right of their \u03c3; other families at the right, with a dashed line at their mean.");
    }
}
