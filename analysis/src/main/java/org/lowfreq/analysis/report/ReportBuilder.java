package org.lowfreq.analysis.report;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import org.lowfreq.analysis.figures.Palette;
import org.lowfreq.analysis.figures.XYFigure;
import org.lowfreq.analysis.stats.Correlation;
import org.lowfreq.analysis.stats.Descriptive;
import org.lowfreq.analysis.stats.SeedVariance;
import org.lowfreq.spi.ProgressListener;
import org.lowfreq.spi.ResultRow;
import org.lowfreq.spi.UserInputException;

/**
 * {@code lowfreq report}: the figures of docs/METHODS.md section 9 and the per-model tables, as one
 * self-contained {@code index.html} (PNG figures inlined as data URIs; also saved under
 * {@code figures/}). A figure whose inputs are missing says "no data" and why; a figure that fails to
 * draw says so too, so one bad input never costs the rest of the report.
 */
public final class ReportBuilder {
    private static final int W = 760;
    private static final int H = 470;
    private static final String F_REV = "f_rev (normalised frequency, Nyquist = 1)";
    private static final String C_ACC = "-C accuracy (fraction correct)";

    private final ResultSet data;
    private final Artifacts artifacts;
    private final Path outDir;
    private final Map<String, Color> familyColours = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private final long seed;
    private int figureCount;

    public ReportBuilder(ResultSet data, Artifacts artifacts, Path outDir, long seed) {
        this.data = data;
        this.artifacts = artifacts;
        this.outDir = outDir;
        this.seed = seed;
        List<String> families = data.families();
        for (int i = 0; i < families.size(); i++) {
            familyColours.put(families.get(i), Palette.at(i));
        }
    }

    /** Figures or notes that could not be drawn, for the command to print. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    private interface Section {
        void draw(HtmlPage page);
    }

    /** Writes {@code index.html} and {@code figures/*.png}; returns the page. */
    public Path write(ProgressListener progress) {
        HtmlPage page = new HtmlPage("lowfreq report");
        page.paragraph(data.models().size() + " models (" + String.join(", ", data.families()) + "), "
                + data.rows().size() + " result rows. Frequencies: f_rev normalised (Nyquist = 1), f_0.5 in cycles/pixel.");
        page.raw("<nav><a href=\"#tables\">tables</a><a href=\"#hybrid\">hybrid</a><a href=\"#spectra\">spectra</a>"
                + "<a href=\"#attacks\">attacks</a><a href=\"#goldilocks\">robustness vs frequency</a>"
                + "<a href=\"#corruptions\">corruption panels</a><a href=\"#seeds\">seed variance</a></nav>");
        Map<String, Section> sections = new LinkedHashMap<>();
        sections.put("tables", this::tables);
        sections.put("hybrid examples", this::hybridExamples);
        sections.put("D(f_mix)", this::hybridCurves);
        sections.put("spectra", this::spectra);
        sections.put("attacks", this::attacks);
        sections.put("goldilocks", this::goldilocks);
        sections.put("corruption panels", this::corruptionPanels);
        sections.put("seed variance", this::seedVariance);
        progress.start("report", sections.size());
        for (var e : sections.entrySet()) {
            try {
                e.getValue().draw(page);
            } catch (RuntimeException ex) {
                warnings.add(e.getKey() + ": " + ex);
                page.noData(e.getKey(), "the section failed to draw: " + ex.getMessage());
            }
            progress.advance(1);
        }
        progress.finish();
        Path index = outDir.resolve("index.html");
        page.write(index);
        return index;
    }

    private Color colour(ModelInfo m) {
        return familyColours.getOrDefault(m.family(), Palette.BLACK);
    }

    private void figure(HtmlPage page, String name, byte[] png, String caption) {
        try {
            Path dir = outDir.resolve("figures");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UserInputException("cannot write figure " + name + " to " + outDir + ": " + e.getMessage());
        }
        figureCount++;
        page.image(png, name, caption);
    }

    public int figureCount() {
        return figureCount;
    }

    static String fmt(double v, int digits) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + digits + "f", v) : "-";
    }

    private static String sigma(ModelInfo m) {
        return ResultRow.formatNumber(m.sigmaOrZero());
    }

    // ---- tables ----------------------------------------------------------------------------------

    private void tables(HtmlPage page) {
        page.heading(2, "Per-model results", "tables");
        List<String> attacks = data.attackProbes();
        List<String> header = new ArrayList<>(List.of("model", "family", "blur sigma (px)", "model seed",
                "clean acc.", "-C acc.", "f_rev (norm.)", "f_rev sd"));
        for (String a : attacks) {
            header.add(a + " median eps");
            header.add(a + " f_0.5 (cyc/px)");
        }
        List<List<String>> rows = new ArrayList<>();
        for (ModelInfo m : data.models()) {
            List<String> r = new ArrayList<>(List.of(m.name(), m.family(), sigma(m), Long.toString(m.modelSeed()),
                    fmt(data.cleanAccuracy(m.name()), 3), fmt(data.corruptionAccuracy(m.name()), 3),
                    fmt(data.fRevNorm(m.name()), 3), fmt(data.fRevNormSd(m.name()), 3)));
            for (String a : attacks) {
                r.add(fmt(data.medianEpsilon(m.name(), a), 4));
                r.add(fmt(data.fHalfCpp(m.name(), a), 3));
            }
            rows.add(r);
        }
        if (rows.isEmpty()) {
            page.noData("per-model table", "the results table has no rows");
            return;
        }
        page.table(header, rows);
        page.paragraph("'-' = not measured, or no value (e.g. D(f_mix) never crossed zero: see the notes below).");
        List<String> notes = new ArrayList<>();
        for (ModelInfo m : data.models()) {
            data.missingNotes(m.name(), "hybrid"::equals, "f_rev_norm").forEach(n -> notes.add(m.name() + ": f_rev: " + n));
        }
        if (!notes.isEmpty()) {
            page.raw("<ul>" + notes.stream().map(n -> "<li>" + HtmlPage.escape(n) + "</li>").reduce("", String::concat) + "</ul>");
        }
        correlations(page, attacks);
    }

    private void correlations(HtmlPage page, List<String> attacks) {
        record Pair(String name, ToDoubleFunction<ModelInfo> x, ToDoubleFunction<ModelInfo> y) {
        }
        List<Pair> pairs = new ArrayList<>();
        pairs.add(new Pair("f_rev vs -C accuracy", m -> data.fRevNorm(m.name()), m -> data.corruptionAccuracy(m.name())));
        for (String a : attacks) {
            pairs.add(new Pair("f_0.5 (" + a + ") vs median eps", m -> data.fHalfCpp(m.name(), a),
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
            Correlation.Estimate pe = Correlation.bootstrap(Correlation.Kind.PEARSON, x, y, 2000, 0.95, seed);
            Correlation.Estimate sp = Correlation.bootstrap(Correlation.Kind.SPEARMAN, x, y, 2000, 0.95, seed);
            rows.add(List.of(p.name(), Integer.toString(xy.size()), fmt(pe.r(), 3),
                    "[" + fmt(pe.low(), 3) + ", " + fmt(pe.high(), 3) + "]", fmt(sp.r(), 3),
                    "[" + fmt(sp.low(), 3) + ", " + fmt(sp.high(), 3) + "]"));
        }
        page.heading(3, "Correlations across all models", null);
        page.table(List.of("pair", "models", "Pearson r", "95% CI", "Spearman rho", "95% CI"), rows);
        page.paragraph("Confidence intervals: percentile bootstrap over models, 2000 resamples, seed " + seed + ".");
    }

    // ---- hybrid ----------------------------------------------------------------------------------

    private void hybridExamples(HtmlPage page) {
        page.heading(2, "Hybrid images across f_mix", "hybrid");
        if (artifacts.hybridExamples().isEmpty()) {
            page.noData("hybrid examples", "no hybrid-example PNG was found in the job folders of this table "
                    + "(run the hybrid probe, collect with 'lowfreq collect', or pass --store)");
            return;
        }
        for (Artifacts.Figure f : artifacts.hybridExamples()) {
            page.image(readBytes(f.file()), "hybrid examples " + f.model(), f.model() + ": " + f.file().getFileName());
        }
    }

    private static byte[] readBytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UserInputException("cannot read " + p + ": " + e.getMessage());
        }
    }

    private void hybridCurves(HtmlPage page) {
        XYFigure fig = new XYFigure("Hybrid-image read-out D(f_mix)", "f_mix (normalised frequency, Nyquist = 1)",
                "D = p_low - p_high (fraction of images)");
        Map<String, Map<Double, List<Double>>> familyCurves = new LinkedHashMap<>();
        int lines = 0;
        for (ModelInfo m : data.models()) {
            TreeMap<Double, Double> d = data.hybridCurve(m.name());
            if (d.isEmpty()) {
                continue;
            }
            fig.line(null, keys(d), values(d), Palette.translucent(colour(m), 0.35), 1f);
            d.forEach((f, v) -> familyCurves.computeIfAbsent(m.family(), k -> new TreeMap<>())
                    .computeIfAbsent(f, k -> new ArrayList<>()).add(v));
            lines++;
        }
        if (lines == 0) {
            page.noData("D(f_mix)", "no hybrid-probe rows (parameter f_mix, metric d_low_minus_high or p_low/p_high)");
            return;
        }
        familyCurves.forEach((fam, curve) -> {
            TreeMap<Double, Double> mean = new TreeMap<>();
            curve.forEach((f, v) -> mean.put(f, Descriptive.of(v).mean()));
            fig.line(fam + " (mean)", keys(mean), values(mean), familyColours.get(fam), 3.5f);
        });
        fig.horizontalMarker(0, null, Palette.BLACK);
        figure(page, "hybrid-d-curves", fig.png(W, H), "Thin lines: one model each (mean over probe seeds); thick "
                + "lines: family means. f_rev is where D first crosses zero from below.");
    }

    // ---- spectra ---------------------------------------------------------------------------------

    private void spectra(HtmlPage page) {
        page.heading(2, "Spectra of perturbations", "spectra");
        if (artifacts.spectrumHeatMaps().isEmpty()) {
            page.noData("spectrum heat maps", "no spectrum heat-map PNG was found in the job folders of this table");
        } else {
            for (Artifacts.Figure f : artifacts.spectrumHeatMaps()) {
                page.image(readBytes(f.file()), "spectrum " + f.model(), f.model() + " / " + f.probe() + ": "
                        + f.file().getFileName());
            }
        }
        // curves: (probe / group) -> model -> ratio by radius; from result rows, else from the job folders' CSVs
        Map<String, Map<String, TreeMap<Double, Double>>> panels = new TreeMap<>();
        for (String probe : data.rows().stream().filter(r -> r.metric().equals("cumulative_power"))
                .map(ResultRecord::probe).distinct().sorted().toList()) {
            for (String group : data.groupsOf(probe, "cumulative_power")) {
                for (ModelInfo m : data.models()) {
                    TreeMap<Double, Double> c = data.curve(m.name(), probe::equals, "radius_cpp"::equals,
                            "cumulative_power", group);
                    if (!c.isEmpty()) {
                        panels.computeIfAbsent(probe + (group.isEmpty() ? "" : " / " + group), k -> new LinkedHashMap<>())
                                .put(m.name(), c);
                    }
                }
            }
        }
        for (Artifacts.Curve c : artifacts.cumulativeCurves()) {
            panels.computeIfAbsent(c.probe(), k -> new LinkedHashMap<>()).putIfAbsent(c.model(), c.ratioByRadiusCpp());
        }
        if (panels.isEmpty()) {
            page.noData("cumulative radial power", "no rows with parameter radius_cpp and metric cumulative_power, and "
                    + "no " + Artifacts.CUMULATIVE_CSV + " in the job folders");
            return;
        }
        Map<String, ModelInfo> byName = new LinkedHashMap<>();
        data.models().forEach(m -> byName.put(m.name(), m));
        for (var panel : panels.entrySet()) {
            String probe = panel.getKey().split(" / ")[0];
            XYFigure fig = new XYFigure("Cumulative radial power: " + panel.getKey(), "radius a (cycles/pixel)",
                    "ratio(a): fraction of perturbation power within a");
            Map<String, Boolean> legend = new LinkedHashMap<>();
            List<Double> cx = new ArrayList<>();
            for (var e : panel.getValue().entrySet()) {
                ModelInfo m = byName.get(e.getKey());
                Color colour = m == null ? Palette.BLACK : colour(m);
                String family = m == null ? "?" : m.family();
                String label = legend.putIfAbsent(family, true) == null ? family : null;
                fig.line(label, keys(e.getValue()), values(e.getValue()), colour, 1.5f);
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
            figure(page, "cumulative-power-" + panel.getKey().replace(" / ", "-"), fig.png(W, H),
                    "One line per model, coloured by family; dots mark f_0.5, where the ratio crosses 0.5.");
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

    // ---- attacks ---------------------------------------------------------------------------------

    private void attacks(HtmlPage page) {
        page.heading(2, "Minimal adversarial attacks", "attacks");
        List<String> probes = data.rows().stream().filter(r -> r.metric().equals("success_rate"))
                .map(ResultRecord::probe).distinct().sorted().toList();
        if (probes.isEmpty()) {
            page.noData("success rate vs epsilon", "no rows with metric success_rate");
            return;
        }
        for (String probe : probes) {
            String param = data.rows().stream().filter(r -> r.probe().equals(probe) && r.metric().equals("success_rate"))
                    .map(ResultRecord::parameter).findFirst().orElse("epsilon");
            String norm = param.endsWith("l2") ? "L2" : param.endsWith("linf") ? "Linf" : param;
            XYFigure fig = new XYFigure("Attack success rate: " + probe, "epsilon, " + norm
                    + " norm of the perturbation (pixel scale [0, 1]; log axis)", "success rate (fraction of images)", true);
            Map<String, Boolean> legend = new LinkedHashMap<>();
            for (ModelInfo m : data.models()) {
                TreeMap<Double, Double> c = data.curve(m.name(), probe::equals, param::equals, "success_rate", null);
                c.headMap(0.0, true).clear(); // a log axis cannot show epsilon 0
                if (c.isEmpty()) {
                    continue;
                }
                String label = legend.putIfAbsent(m.family(), true) == null ? m.family() : null;
                fig.line(label, keys(c), values(c), colour(m), 1.5f);
            }
            fig.yRange(0, 1.02);
            figure(page, "success-rate-" + probe, fig.png(W, H), "Empirical CDF of the per-image minimal epsilon; "
                    + "one line per model, coloured by family.");
        }
    }

    // ---- robustness vs frequency ------------------------------------------------------------------

    private void goldilocks(HtmlPage page) {
        page.heading(2, "Robustness against frequency preference", "goldilocks");
        page.paragraph("Quadratic fit over the blur sweep (family blur plus the baseline as sigma = 0), one point per "
                + "model; the Goldilocks sigma is that of the model nearest the fitted peak (docs/METHODS.md 5).");
        List<List<String>> summary = new ArrayList<>();
        Goldilocks g = Goldilocks.of(data, F_REV, m -> data.fRevNorm(m.name()), C_ACC,
                m -> data.corruptionAccuracy(m.name()));
        robustnessFigure(page, "corruption-vs-frev", "Corruption robustness vs f_rev", g, m -> data.fRevNorm(m.name()),
                m -> data.corruptionAccuracy(m.name()));
        summary.add(List.of("-C accuracy vs f_rev", g.fit() == null ? "-" : fmt(g.fit().rSquared(), 3),
                g.nearest() == null ? "-" : g.nearest().name(), fmt(g.sigma(), 2), g.note()));
        for (String a : data.attackProbes()) {
            Goldilocks ga = Goldilocks.of(data, "f_0.5 (cycles/pixel)", m -> data.fHalfCpp(m.name(), a),
                    "median minimal epsilon (" + a + ", pixel scale [0, 1])", m -> data.medianEpsilon(m.name(), a));
            robustnessFigure(page, "epsilon-vs-fhalf-" + a, "Adversarial robustness vs f_0.5 (" + a + ")", ga,
                    m -> data.fHalfCpp(m.name(), a), m -> data.medianEpsilon(m.name(), a));
            summary.add(List.of("median eps (" + a + ") vs f_0.5", ga.fit() == null ? "-" : fmt(ga.fit().rSquared(), 3),
                    ga.nearest() == null ? "-" : ga.nearest().name(), fmt(ga.sigma(), 2), ga.note()));
        }
        page.heading(3, "Goldilocks summary", null);
        page.table(List.of("fit", "R^2", "model nearest peak", "its sigma", "detail"), summary);
    }

    private void robustnessFigure(HtmlPage page, String name, String title, Goldilocks g, ToDoubleFunction<ModelInfo> x,
                                  ToDoubleFunction<ModelInfo> y) {
        XYFigure fig = scatterWithFit(title, g, x, y, 8, true);
        if (fig == null) {
            page.noData(title, "no model has both " + g.xLabel() + " and " + g.yLabel());
            return;
        }
        figure(page, name, fig.png(W, H), g.note());
    }

    /** Models as dots by family, the blur sweep's quadratic and its peak; null when there is nothing to plot. */
    private XYFigure scatterWithFit(String title, Goldilocks g, ToDoubleFunction<ModelInfo> x,
                                    ToDoubleFunction<ModelInfo> y, double dot, boolean labels) {
        XYFigure fig = new XYFigure(title, g.xLabel(), g.yLabel());
        Map<String, List<double[]>> byFamily = new LinkedHashMap<>();
        for (ModelInfo m : data.models()) {
            double xv = x.applyAsDouble(m);
            double yv = y.applyAsDouble(m);
            if (Double.isFinite(xv) && Double.isFinite(yv)) {
                byFamily.computeIfAbsent(m.family(), k -> new ArrayList<>()).add(new double[] {xv, yv});
                if (labels && m.isBlurSweepMember()) {
                    fig.text(xv, yv, " \u03c3=" + sigma(m));
                }
            }
        }
        if (byFamily.isEmpty()) {
            return null;
        }
        byFamily.forEach((fam, pts) -> fig.points(fam, pts.stream().mapToDouble(p -> p[0]).toArray(),
                pts.stream().mapToDouble(p -> p[1]).toArray(), familyColours.get(fam), dot));
        if (g.fit() != null) {
            double lo = g.points().stream().mapToDouble(Goldilocks.Point::x).min().orElseThrow();
            double hi = g.points().stream().mapToDouble(Goldilocks.Point::x).max().orElseThrow();
            int n = 100;
            double[] fx = new double[n + 1];
            double[] fy = new double[n + 1];
            for (int i = 0; i <= n; i++) {
                fx[i] = lo + (hi - lo) * i / n;
                fy[i] = g.fit().at(fx[i]);
            }
            fig.dashedLine("quadratic fit (blur sweep)", fx, fy, Palette.BLACK, 1.5f);
            if (g.fit().peak().found()) {
                fig.verticalMarker(g.fit().peak().x(), "peak" + (g.nearest() == null ? "" : ", nearest \u03c3="
                        + sigma(g.nearest())), Palette.VERMILLION);
            }
        }
        return fig;
    }

    // ---- corruption panels -----------------------------------------------------------------------

    private void corruptionPanels(HtmlPage page) {
        page.heading(2, "Per-corruption and per-severity panels", "corruptions");
        TreeSet<String> corruptions = new TreeSet<>();
        TreeSet<Integer> severities = new TreeSet<>();
        for (ModelInfo m : data.models()) {
            corruptions.addAll(data.accuracyByCorruption(m.name()).keySet());
            severities.addAll(data.accuracyBySeverity(m.name()).keySet());
        }
        if (corruptions.isEmpty()) {
            page.noData("per-corruption panels", "no corruption-probe rows (group = corruption, parameter severity, "
                    + "metric accuracy)");
            return;
        }
        List<BufferedImage> sevPanels = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (int s : severities) {
            Goldilocks g = Goldilocks.of(data, "f_rev (normalised, Nyquist = 1)", m -> data.fRevNorm(m.name()), "accuracy (fraction correct)",
                    m -> data.accuracyBySeverity(m.name()).getOrDefault(s, Double.NaN));
            XYFigure f = scatterWithFit("severity " + s, g, m -> data.fRevNorm(m.name()),
                    m -> data.accuracyBySeverity(m.name()).getOrDefault(s, Double.NaN), 6, false);
            if (f != null) {
                sevPanels.add(f.hideLegend().image(380, 300));
            }
            rows.add(List.of("severity " + s, fmt(g.sigma(), 2), g.note()));
        }
        if (!sevPanels.isEmpty()) {
            figure(page, "per-severity", XYFigure.Png.encode(XYFigure.Png.tile(sevPanels, 3)), "Accuracy (fraction "
                    + "correct, mean over corruptions) against f_rev (normalised, Nyquist = 1), one panel per severity; "
                    + "dots by family as in the figures above, dashed: quadratic fit over the blur sweep.");
        }
        List<BufferedImage> panels = new ArrayList<>();
        for (String c : corruptions) {
            Goldilocks g = Goldilocks.of(data, "f_rev (normalised, Nyquist = 1)", m -> data.fRevNorm(m.name()), "accuracy (fraction correct)",
                    m -> data.accuracyByCorruption(m.name()).getOrDefault(c, Double.NaN));
            XYFigure f = scatterWithFit(c, g, m -> data.fRevNorm(m.name()),
                    m -> data.accuracyByCorruption(m.name()).getOrDefault(c, Double.NaN), 6, false);
            if (f != null) {
                panels.add(f.hideLegend().image(300, 240));
            }
            rows.add(List.of(c, fmt(g.sigma(), 2), g.note()));
        }
        if (!panels.isEmpty()) {
            figure(page, "per-corruption", XYFigure.Png.encode(XYFigure.Png.tile(panels, 4)), "Accuracy (fraction "
                    + "correct, mean over severities) against f_rev (normalised, Nyquist = 1), one panel per corruption.");
        }
        page.heading(3, "Goldilocks sigma per severity and per corruption", null);
        page.table(List.of("measure", "Goldilocks sigma", "detail"), rows);
    }

    // ---- seed variance ---------------------------------------------------------------------------

    private void seedVariance(HtmlPage page) {
        page.heading(2, "Seed variance", "seeds");
        String attack = data.attackProbes().isEmpty() ? null : data.attackProbes().get(0);
        List<SeedVariance.Observation> fRev = new ArrayList<>();
        List<SeedVariance.Observation> fHalf = new ArrayList<>();
        for (ModelInfo m : data.models()) {
            fRev.add(new SeedVariance.Observation(m.configuration(), m.family(), data.fRevNorm(m.name())));
            if (attack != null) {
                fHalf.add(new SeedVariance.Observation(m.configuration(), m.family(), data.fHalfCpp(m.name(), attack)));
            }
        }
        SeedVariance vr = SeedVariance.of("f_rev (normalised)", fRev);
        SeedVariance vh = SeedVariance.of("f_0.5 (cycles/pixel)", fHalf);
        List<List<String>> rows = new ArrayList<>();
        for (String conf : vr.configurations().keySet()) {
            Descriptive a = vr.configurations().get(conf);
            Descriptive b = vh.configurations().getOrDefault(conf, Descriptive.of());
            rows.add(List.of(conf, Integer.toString(a.n()), fmt(a.mean(), 3), fmt(a.sd(), 4), fmt(b.mean(), 3),
                    fmt(b.sd(), 4)));
        }
        rows.add(List.of("between families (sd of family means)", Integer.toString(vr.betweenFamilies().n()),
                fmt(vr.betweenFamilies().mean(), 3), fmt(vr.betweenFamilies().sd(), 4), fmt(vh.betweenFamilies().mean(), 3),
                fmt(vh.betweenFamilies().sd(), 4)));
        XYFigure fig = new XYFigure("Seed variance: f_0.5 vs f_rev", F_REV, "f_0.5 (cycles/pixel)"
                + (attack == null ? "" : ", " + attack));
        boolean any = false;
        Map<String, Boolean> legend = new LinkedHashMap<>();
        for (ModelInfo m : data.models()) {
            double x = data.fRevNorm(m.name());
            double y = attack == null ? Double.NaN : data.fHalfCpp(m.name(), attack);
            if (Double.isFinite(x) && Double.isFinite(y)) {
                String label = legend.putIfAbsent(m.family(), true) == null ? m.family() : null;
                fig.points(label, new double[] {x}, new double[] {y}, Palette.translucent(colour(m), 0.6), 7);
                any = true;
            }
        }
        if (!any) {
            page.noData("seed-variance scatter", "needs models with both f_rev (hybrid probe) and f_0.5 (attack spectra)");
        } else {
            for (String conf : vr.configurations().keySet()) {
                Descriptive a = vr.configurations().get(conf);
                Descriptive b = vh.configurations().getOrDefault(conf, Descriptive.of());
                if (a.n() >= 2 && b.n() >= 2) {
                    Color c = data.models().stream().filter(m -> m.configuration().equals(conf)).findFirst()
                            .map(this::colour).orElse(Palette.BLACK);
                    fig.errorBars(conf + ": mean \u00b1 sd (" + a.n() + " seeds)", new double[] {a.mean()},
                            new double[] {a.sd()}, new double[] {b.mean()}, new double[] {b.sd()}, c);
                }
            }
            figure(page, "seed-variance", fig.png(W, H), "Dots: one model each; squares with bars: mean \u00b1 sd over "
                    + "training seeds of one configuration (docs/METHODS.md 7).");
        }
        page.table(List.of("configuration", "models", "f_rev mean", "f_rev sd", "f_0.5 mean", "f_0.5 sd"), rows);
        page.paragraph("Mean within-configuration sd / sd between family means: f_rev " + fmt(vr.ratio(), 3)
                + ", f_0.5 " + fmt(vh.ratio(), 3) + " (below 1: seed noise is smaller than the family differences).");
    }

    private static double[] keys(TreeMap<Double, Double> m) {
        return m.keySet().stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[] values(TreeMap<Double, Double> m) {
        return m.values().stream().mapToDouble(Double::doubleValue).toArray();
    }
}
