package org.lowfreq.analysis.report;

import static org.lowfreq.analysis.report.ReportContext.fmt;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lowfreq.analysis.figures.Palette;
import org.lowfreq.analysis.figures.XYFigure;
import org.lowfreq.analysis.stats.Descriptive;
import org.lowfreq.analysis.stats.SeedVariance;

/**
 * docs/METHODS.md 7: spread over training seeds of one configuration (same configuration except the
 * seed, {@link ModelIdentity}) against the spread between families.
 */
final class SeedVarianceSection implements ReportSection {
    private final ReportContext ctx;

    SeedVarianceSection(ReportContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public String name() {
        return "seed variance";
    }

    @Override
    public String anchor() {
        return "seeds";
    }

    @Override
    public void draw(HtmlPage page) {
        ResultSet data = ctx.data;
        page.heading(2, "Seed variance", anchor());
        String attack = data.attackProbes().isEmpty() ? null : data.attackProbes().get(0);
        List<SeedVariance.Observation> fRev = new ArrayList<>();
        List<SeedVariance.Observation> fHalf = new ArrayList<>();
        Map<String, ModelInfo> firstOf = new LinkedHashMap<>();
        for (ModelInfo m : ctx.modelsBySigma()) {
            firstOf.putIfAbsent(m.configuration(), m);
            fRev.add(new SeedVariance.Observation(m.configuration(), m.family(), data.fRevNorm(m.name())));
            if (attack != null) {
                fHalf.add(new SeedVariance.Observation(m.configuration(), m.family(), data.fHalfCpp(m.name(), attack)));
            }
        }
        SeedVariance vr = SeedVariance.of("f_rev (normalised)", fRev);
        SeedVariance vh = SeedVariance.of("f_0.5 (cycles/pixel)", fHalf);
        List<String> grouped = vr.configurations().entrySet().stream().filter(e -> e.getValue().n() >= 2)
                .map(Map.Entry::getKey).toList();
        if (grouped.isEmpty()) {
            page.paragraph("Empty: no configuration in this table was trained with two or more seeds (seed groups are "
                    + "models whose configuration is the same except the training seed), so there is no seed spread to show.");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (String conf : vr.configurations().keySet()) {
            Descriptive a = vr.configurations().get(conf);
            Descriptive b = vh.configurations().getOrDefault(conf, Descriptive.of());
            rows.add(List.of(firstOf.get(conf).configurationLabel() + " [" + conf + "]", Integer.toString(a.n()),
                    fmt(a.mean(), 3), fmt(a.sd(), 4), fmt(b.mean(), 3), fmt(b.sd(), 4)));
        }
        rows.add(List.of("between families (sd of family means)", Integer.toString(vr.betweenFamilies().n()),
                fmt(vr.betweenFamilies().mean(), 3), fmt(vr.betweenFamilies().sd(), 4), fmt(vh.betweenFamilies().mean(), 3),
                fmt(vh.betweenFamilies().sd(), 4)));
        XYFigure fig = new XYFigure("Seed variance: f_0.5 (cycles/pixel) vs f_rev (normalised, Nyquist = 1)",
                ReportContext.F_REV, "f_0.5 (cycles/pixel)" + (attack == null ? "" : ", " + attack));
        boolean any = false;
        Set<String> legend = new LinkedHashSet<>();
        for (ModelInfo m : ctx.modelsBySigma()) {
            double x = data.fRevNorm(m.name());
            double y = attack == null ? Double.NaN : data.fHalfCpp(m.name(), attack);
            if (Double.isFinite(x) && Double.isFinite(y)) {
                String conf = m.configurationLabel();
                fig.points(legend.add(conf) ? conf : null, new double[] {x}, new double[] {y},
                        Palette.translucent(ctx.colour(m), 0.7), 7);
                any = true;
            }
        }
        if (!any) {
            page.noData("seed-variance scatter", "needs models with both f_rev (hybrid probe) and f_0.5 (attack spectra)");
        } else {
            for (String conf : grouped) {
                Descriptive a = vr.configurations().get(conf);
                Descriptive b = vh.configurations().getOrDefault(conf, Descriptive.of());
                if (b.n() >= 2) {
                    Color c = ctx.colour(firstOf.get(conf));
                    fig.errorBars(firstOf.get(conf).configurationLabel() + ": mean \u00b1 sd (" + a.n() + " seeds)",
                            new double[] {a.mean()}, new double[] {a.sd()}, new double[] {b.mean()}, new double[] {b.sd()}, c);
                }
            }
            ctx.figure(page, "seed-variance", fig.png(ReportContext.W, ReportContext.H), "Dots: one model each; squares "
                    + "with bars: mean \u00b1 sd over the training seeds of one configuration (same configuration except "
                    + "the seed; docs/METHODS.md 7).");
        }
        page.table(List.of("configuration [id]", "models", "f_rev mean", "f_rev sd", "f_0.5 mean", "f_0.5 sd"), rows);
        page.paragraph("Mean within-configuration sd / sd between family means: f_rev " + fmt(vr.ratio(), 3)
                + ", f_0.5 " + fmt(vh.ratio(), 3) + " (below 1: seed noise is smaller than the family differences).");
    }
}
