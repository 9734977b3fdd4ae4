package org.lowfreq.analysis.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.lowfreq.analysis.figures.HeatMapGrid;
import org.lowfreq.analysis.figures.Palette;
import org.lowfreq.analysis.figures.XYFigure;
import org.lowfreq.analysis.spectrum.PowerSpectrum;

/** Spectra of the perturbations: heat maps on one colour scale ordered by sigma, and cumulative radial power. */
final class SpectraSection implements ReportSection {
    private final ReportContext ctx;
    private final SpectrumSource source;

    SpectraSection(ReportContext ctx, SpectrumSource source) {
        this.ctx = ctx;
        this.source = source;
    }

    @Override
    public String name() {
        return "spectra";
    }

    @Override
    public String anchor() {
        return "spectra";
    }

    @Override
    public void draw(HtmlPage page) {
        page.heading(2, "Spectra of perturbations", anchor());
        heatMaps(page);
        cumulative(page);
    }

    /** Per attack probe: one panel per configuration (its first seed), ordered by sigma, on one colour scale. */
    private void heatMaps(HtmlPage page) {
        Map<String, ModelInfo> byName = new LinkedHashMap<>();
        ctx.modelsBySigma().forEach(m -> byName.put(m.name(), m));
        Map<String, List<HeatMapGrid.Panel>> byProbe = new TreeMap<>();
        Map<String, Set<String>> shownConfigs = new TreeMap<>();
        for (ModelInfo m : byName.values()) {
            for (Artifacts.Job job : ctx.artifacts.jobs()) {
                if (!job.model().equals(m.name()) || !job.probe().startsWith("attack")) {
                    continue;
                }
                if (!shownConfigs.computeIfAbsent(job.probe(), k -> new LinkedHashSet<>()).add(m.configurationLabel())) {
                    continue; // one seed per configuration keeps the grid readable
                }
                Optional<PowerSpectrum> s = source.load(job.folder());
                if (s.isPresent()) {
                    byProbe.computeIfAbsent(job.probe(), k -> new ArrayList<>())
                            .add(new HeatMapGrid.Panel(m.configurationLabel() + " (seed " + m.modelSeed() + ")", s.get()));
                } else {
                    shownConfigs.get(job.probe()).remove(m.configurationLabel());
                }
            }
        }
        for (var e : byProbe.entrySet()) {
            ctx.figure(page, "spectrum-heatmaps-" + e.getKey(), XYFigure.Png.encode(HeatMapGrid.draw(
                    "Mean power of the " + e.getKey() + " perturbations, log10 (pixel scale [0, 1], squared), vs f_x, f_y "
                            + "(cycles/pixel)", e.getValue(), 4,
                    "log10 power (pixel scale [0, 1], squared)")), "Mean power spectrum of the " + e.getKey()
                    + " perturbations, log10, zero frequency at the centre, f in cycles/pixel; one colour scale for all "
                    + "panels; ordered by blur \u03c3 (baseline first), then other families; one training seed per "
                    + "configuration. Grey: the excluded DC bin.");
        }
        if (byProbe.isEmpty()) {
            List<Artifacts.Figure> pngs = new ArrayList<>(ctx.artifacts.spectrumHeatMaps());
            if (pngs.isEmpty()) {
                page.noData("spectrum heat maps", "no 2-D spectrum (" + SpectrumSource.POWER_CSV + " or perturbations) "
                        + "and no heat-map PNG was found in the job folders of this table");
                return;
            }
            List<String> order = ctx.modelsBySigma().stream().map(ModelInfo::name).toList();
            pngs.sort(java.util.Comparator.comparingInt(f -> order.indexOf(f.model())));
            page.paragraph("No 2-D spectrum data was found, so the probes' own heat maps are shown, ordered by \u03c3; "
                    + "each has its own colour scale (read the colour bars before comparing).");
            for (Artifacts.Figure f : pngs) {
                page.image(ReportContext.readBytes(f.file()), "spectrum " + f.model(), f.model() + " / " + f.probe());
            }
        }
    }

    private void cumulative(HtmlPage page) {
        ResultSet data = ctx.data;
        Map<String, Map<String, TreeMap<Double, Double>>> panels = new TreeMap<>();
        for (String probe : data.rows().stream().filter(r -> r.metric().equals("cumulative_power"))
                .map(ResultRecord::probe).distinct().sorted().toList()) {
            for (String group : data.groupsOf(probe, "cumulative_power")) {
                for (ModelInfo m : ctx.modelsBySigma()) {
                    TreeMap<Double, Double> c = data.curve(m.name(), probe::equals, "radius_cpp"::equals,
                            "cumulative_power", group);
                    if (!c.isEmpty()) {
                        panels.computeIfAbsent(probe + (group.isEmpty() ? "" : " / " + group), k -> new LinkedHashMap<>())
                                .put(m.name(), c);
                    }
                }
            }
        }
        Map<String, ModelInfo> byName = new LinkedHashMap<>();
        ctx.modelsBySigma().forEach(m -> byName.put(m.name(), m));
        for (ModelInfo m : byName.values()) {
            for (Artifacts.Curve c : ctx.artifacts.cumulativeCurves()) {
                if (c.model().equals(m.name())) {
                    panels.computeIfAbsent(c.probe(), k -> new LinkedHashMap<>()).putIfAbsent(c.model(), c.ratioByRadiusCpp());
                }
            }
        }
        if (panels.isEmpty()) {
            page.noData("cumulative radial power", "no rows with parameter radius_cpp and metric cumulative_power, and "
                    + "no " + Artifacts.CUMULATIVE_CSV + " in the job folders");
            return;
        }
        for (var panel : panels.entrySet()) {
            String probe = panel.getKey().split(" / ")[0];
            XYFigure fig = new XYFigure("Cumulative radial power (fraction) vs radius (cycles/pixel): " + panel.getKey(),
                    "radius a (cycles/pixel)", "ratio(a): fraction of perturbation power within a");
            Set<String> legend = new LinkedHashSet<>();
            List<Double> cx = new ArrayList<>();
            for (var e : panel.getValue().entrySet()) {
                ModelInfo m = byName.get(e.getKey());
                Color colour = m == null ? Palette.BLACK : ctx.colour(m);
                String conf = m == null ? e.getKey() : m.configurationLabel();
                fig.line(legend.add(conf) ? conf : null, ReportContext.keys(e.getValue()), ReportContext.values(e.getValue()),
                        colour, 1.5f);
                double fh = m == null ? Double.NaN : data.fHalfCpp(m.name(), probe);
                if (!Double.isFinite(fh)) {
                    fh = crossing(e.getValue(), 0.5);
                }
                if (Double.isFinite(fh)) {
                    cx.add(fh);
                }
            }
            fig.horizontalMarker(0.5, "0.5", Palette.BLACK);
            fig.points("f_0.5 crossings", cx.stream().mapToDouble(Double::doubleValue).toArray(),
                    cx.stream().mapToDouble(v -> 0.5).toArray(), Palette.VERMILLION, 9);
            fig.yRange(0, 1.02);
            ctx.figure(page, "cumulative-power-" + panel.getKey().replace(" / ", "-"),
                    fig.png(ReportContext.W, ReportContext.H), "One line per model, one colour per configuration; dots "
                            + "mark f_0.5 (cycles/pixel), where the ratio crosses 0.5.");
        }
    }

    /** The x where a monotone curve first reaches {@code level}, by linear interpolation; NaN if never. */
    static double crossing(TreeMap<Double, Double> c, double level) {
        Double px = null;
        Double py = null;
        for (var e : c.entrySet()) {
            if (py != null && py < level && e.getValue() >= level) {
                return px + (e.getKey() - px) * (level - py) / (e.getValue() - py);
            }
            px = e.getKey();
            py = e.getValue();
        }
        return Double.NaN;
    }
}
