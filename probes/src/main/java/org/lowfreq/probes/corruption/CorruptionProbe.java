package org.lowfreq.probes.corruption;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.lowfreq.analysis.spectrum.PowerSpectrum;
import org.lowfreq.analysis.spectrum.SpectrumCsv;
import org.lowfreq.analysis.spectrum.SpectrumFigures;
import org.lowfreq.spi.Classifier;
import org.lowfreq.spi.Corruption;
import org.lowfreq.spi.CorruptionGroup;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.Logits;
import org.lowfreq.spi.Plugin;
import org.lowfreq.spi.Probe;
import org.lowfreq.spi.ProbeContext;
import org.lowfreq.spi.Resolution;
import org.lowfreq.spi.ResultRow;
import org.lowfreq.spi.ResultSink;
import org.lowfreq.spi.UserInputException;

/**
 * Accuracy under the common corruptions (METHODS.md section 4): top-1 accuracy per corruption x
 * severity on a stored -C set ({@code from=DIR}) or on corruptions generated on the fly
 * ({@code generate=true}); the headline mean over the 75 cells of the 15 corruptions (and over
 * 95 with the 4 extras), means per severity, per corruption and per group (low / medium / high,
 * METHODS.md section 2); and the residual spectra x_c - x with f_0.5 per corruption.
 */
public final class CorruptionProbe implements Probe {
    /** The 15 corruptions of the benchmark (the headline uses exactly these). */
    static final List<String> COMMON = List.of("gaussian_noise", "shot_noise", "impulse_noise", "defocus_blur",
            "glass_blur", "motion_blur", "zoom_blur", "snow", "frost", "fog", "brightness", "contrast",
            "elastic_transform", "pixelate", "jpeg_compression");
    static final List<String> EXTRA = List.of("speckle_noise", "gaussian_blur", "spatter", "saturate");
    /** Groups of METHODS.md section 2, used when no corruption plugin names a group. */
    private static final Map<String, CorruptionGroup> DEFAULT_GROUPS = defaultGroups();

    @Override
    public String name() {
        return "corruption";
    }

    @Override
    public String description() {
        return "Accuracy per corruption x severity (CIFAR-10-C layout or generated), means, groups, residual spectra";
    }

    @Override
    public Set<String> optionNames() {
        return Set.of("from", "generate", "corruptions", "table", "spectra", "spectrum_images", "spectrum_severity",
                "frost_dir");
    }

    @Override
    public void run(ProbeContext ctx) {
        var o = ctx.options();
        boolean generate = o.getBoolean("generate", false);
        String from = o.getString("from", null);
        if (generate == (from != null)) {
            throw new UserInputException("the corruption probe needs exactly one of from=DIR and generate=true",
                    "use --from DIR_OF_C_SET or --generate");
        }
        Classifier model = ctx.classifier();
        int n = ctx.dataset().size(ctx.split());
        Images clean = ctx.dataset().read(ctx.split(), 0, n);
        model.checkInput(clean);
        Map<String, Corruption> known = discoverCorruptions(o);
        ForkJoinPool pool = new ForkJoinPool(ctx.threads());
        try {
            CorruptedSource source;
            if (generate) {
                Resolution table = o.has("table") ? Resolution.parse(o.getString("table", ""))
                        : Resolution.forSize(clean.shape().height(), clean.shape().width());
                if (known.isEmpty()) {
                    throw new UserInputException("generate=true needs the corruptions plugin, but none was found",
                            "put lowfreq-corruptions on the class or plugin path");
                }
                source = new GeneratedSource(new ArrayList<>(known.values()), clean, table, ctx.seed(), pool);
            } else {
                source = new StoredSource(Path.of(from), ctx.dataset().classNames());
            }
            List<String> names = select(source.corruptions(), o.getString("corruptions", null));
            evaluate(ctx, model, clean, source, names, known, n);
        } finally {
            pool.shutdown();
        }
    }

    private static List<String> select(List<String> available, String spec) {
        List<String> ordered = new ArrayList<>();
        for (String c : concat(COMMON, EXTRA)) {
            if (available.contains(c)) {
                ordered.add(c);
            }
        }
        for (String c : available) {
            if (!ordered.contains(c)) {
                ordered.add(c);
            }
        }
        if (spec == null || spec.isBlank() || spec.equals("all")) {
            return ordered;
        }
        List<String> out = new ArrayList<>();
        for (String s : spec.split(",")) {
            String name = s.trim();
            if (!available.contains(name)) {
                throw new UserInputException("corruption '" + name + "' is not available",
                        "available: " + String.join(", ", ordered));
            }
            out.add(name);
        }
        return out;
    }

    private void evaluate(ProbeContext ctx, Classifier model, Images clean, CorruptedSource source, List<String> names,
                          Map<String, Corruption> known, int n) {
        var o = ctx.options();
        ResultSink sink = ctx.sink();
        long seed = ctx.seed();
        boolean spectra = o.getBoolean("spectra", true);
        int spectrumImages = Math.min(n, o.getInt("spectrum_images", 1000));
        int spectrumSeverity = o.getInt("spectrum_severity", 5);
        ctx.progress().start("corruption probe", (long) names.size() * 5 + 1);

        double cleanAcc = accuracy(model, clean);
        sink.accept(new ResultRow("severity", "0", "clean", seed, "accuracy", cleanAcc, ""));
        ctx.progress().advance(1);

        Map<String, double[]> acc = new LinkedHashMap<>();
        Map<String, PowerSpectrum> spectrumOf = new LinkedHashMap<>();
        for (String c : names) {
            double[] a = new double[5];
            for (int s = 1; s <= 5; s++) {
                ctx.progress().status(c + " " + s);
                Images corrupted = source.read(c, s, n);
                a[s - 1] = accuracy(model, corrupted);
                sink.accept(new ResultRow("severity", Integer.toString(s), c, seed, "accuracy", a[s - 1], ""));
                if (spectra && s == spectrumSeverity) {
                    spectrumOf.put(c, residualSpectrum(clean, corrupted, spectrumImages));
                }
                ctx.progress().advance(1);
            }
            acc.put(c, a);
        }
        ctx.progress().finish();

        // summaries
        for (var e : acc.entrySet()) {
            sink.accept(new ResultRow("", "", e.getKey(), seed, "accuracy_mean_over_severities", mean(e.getValue()), ""));
        }
        for (int s = 1; s <= 5; s++) {
            int si = s - 1;
            double m15 = acc.entrySet().stream().filter(e -> COMMON.contains(e.getKey()))
                    .mapToDouble(e -> e.getValue()[si]).average().orElse(Double.NaN);
            sink.accept(new ResultRow("severity", Integer.toString(s), "common15", seed, "accuracy_mean", m15,
                    Double.isNaN(m15) ? "none of the 15 common corruptions present" : ""));
            double mAll = acc.values().stream().mapToDouble(v -> v[si]).average().orElse(Double.NaN);
            sink.accept(new ResultRow("severity", Integer.toString(s), "all", seed, "accuracy_mean", mAll, ""));
        }
        boolean all15 = acc.keySet().containsAll(COMMON);
        boolean all19 = all15 && acc.keySet().containsAll(EXTRA);
        double headline = meanCells(acc, COMMON);
        sink.accept(new ResultRow("", "", "common15", seed, "accuracy_mean_75", all15 ? headline : Double.NaN,
                all15 ? "" : "not all 15 corruptions were evaluated"));
        sink.accept(new ResultRow("", "", "all19", seed, "accuracy_mean_95", all19 ? meanCells(acc, concat(COMMON, EXTRA))
                : Double.NaN, all19 ? "" : "not all 19 corruptions were evaluated"));
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (String c : acc.keySet()) {
            groups.computeIfAbsent(groupOf(c, known), g -> new ArrayList<>()).add(c);
        }
        for (var g : groups.entrySet()) {
            sink.accept(new ResultRow("", "", g.getKey(), seed, "accuracy_mean_group", meanCells(acc, g.getValue()),
                    "corruptions: " + String.join(" ", g.getValue())));
        }
        // residual spectra
        for (var e : spectrumOf.entrySet()) {
            double f = e.getValue().halfPowerFrequency();
            sink.accept(new ResultRow("severity", Integer.toString(spectrumSeverity), e.getKey(), seed, "f_half_cpp", f,
                    Double.isNaN(f) ? "the corruption left these images unchanged" : ""));
        }
        writeFigures(ctx.outDir(), acc, cleanAcc, groups, spectrumOf, spectrumSeverity);
    }

    private static double meanCells(Map<String, double[]> acc, List<String> names) {
        double s = 0;
        int k = 0;
        for (String c : names) {
            double[] a = acc.get(c);
            if (a != null) {
                for (double v : a) {
                    s += v;
                    k++;
                }
            }
        }
        return k == 0 ? Double.NaN : s / k;
    }

    static double accuracy(Classifier model, Images images) {
        Logits logits = model.logits(images);
        int[] pred = logits.argmax();
        int correct = 0;
        for (int i = 0; i < pred.length; i++) {
            if (pred[i] == images.labels()[i]) {
                correct++;
            }
        }
        return (double) correct / images.count();
    }

    private static PowerSpectrum residualSpectrum(Images clean, Images corrupted, int m) {
        int size = clean.shape().size();
        float[] d = new float[m * size];
        for (int k = 0; k < d.length; k++) {
            d[k] = corrupted.pixels()[k] - clean.pixels()[k];
        }
        return PowerSpectrum.of(d, clean.shape(), m);
    }

    private static String groupOf(String corruption, Map<String, Corruption> known) {
        Corruption c = known.get(corruption);
        CorruptionGroup g = c != null ? c.group() : DEFAULT_GROUPS.get(corruption);
        return g == null ? "other" : g.label();
    }

    /** The options reach the plugins so that frost_dir (--frost-dir) picks the frost photographs. */
    private static Map<String, Corruption> discoverCorruptions(org.lowfreq.spi.Options options) {
        Map<String, Corruption> out = new LinkedHashMap<>();
        for (Plugin p : ServiceLoader.load(Plugin.class)) {
            for (Corruption c : p.corruptions(options)) {
                out.putIfAbsent(c.name(), c);
            }
        }
        return out;
    }

    private static void writeFigures(Path outDir, Map<String, double[]> acc, double cleanAcc,
                                     Map<String, List<String>> groups, Map<String, PowerSpectrum> spectra, int severity) {
        int w = 520;
        int h = 420;
        BufferedImage panel = new BufferedImage(w * groups.size(), h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = panel.createGraphics();
        try {
            int i = 0;
            for (var e : groups.entrySet()) {
                XYSeriesCollection data = new XYSeriesCollection();
                for (String c : e.getValue()) {
                    XYSeries series = new XYSeries(c);
                    series.add(0, cleanAcc);
                    double[] a = acc.get(c);
                    for (int s = 1; s <= 5; s++) {
                        series.add(s, a[s - 1]);
                    }
                    data.addSeries(series);
                }
                JFreeChart chart = ChartFactory.createXYLineChart(e.getKey() + " frequency corruptions", "severity (0 = clean)",
                        "top-1 accuracy", data, PlotOrientation.VERTICAL, true, false, false);
                chart.getXYPlot().getRangeAxis().setRange(0, 1);
                chart.getXYPlot().getDomainAxis().setStandardTickUnits(
                        org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
                chart.getXYPlot().setBackgroundPaint(java.awt.Color.WHITE);
                chart.getXYPlot().setDomainGridlinePaint(java.awt.Color.LIGHT_GRAY);
                chart.getXYPlot().setRangeGridlinePaint(java.awt.Color.LIGHT_GRAY);
                chart.setBackgroundPaint(java.awt.Color.WHITE);
                g.drawImage(chart.createBufferedImage(w, h), i * w, 0, null);
                i++;
            }
        } finally {
            g.dispose();
        }
        SpectrumFigures.writePng(panel, outDir.resolve("corruption_accuracy.png"));
        if (!spectra.isEmpty()) {
            for (var e : groups.entrySet()) {
                List<SpectrumFigures.Panel> panels = new ArrayList<>();
                List<SpectrumFigures.Curve> curves = new ArrayList<>();
                for (String c : e.getValue()) {
                    PowerSpectrum s = spectra.get(c);
                    if (s != null && s.totalPower() > 0) {
                        panels.add(new SpectrumFigures.Panel(c + String.format(Locale.ROOT, " (f0.5 %.3f)",
                                s.halfPowerFrequency()), s));
                        curves.add(new SpectrumFigures.Curve(c, s.cumulativeRadial()));
                        SpectrumCsv.summary(s, s.cumulativeRadial(), outDir.resolve("residual_spectrum_" + c + ".csv"));
                    }
                }
                if (!panels.isEmpty()) {
                    SpectrumFigures.heatMaps(panels, outDir.resolve("residual_spectra_" + e.getKey() + ".png"));
                    SpectrumFigures.cumulativeRadial("residual power, " + e.getKey() + " group, severity " + severity,
                            curves, outDir.resolve("residual_cumulative_" + e.getKey() + ".png"));
                }
            }
        }
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static Map<String, CorruptionGroup> defaultGroups() {
        Map<String, CorruptionGroup> m = new LinkedHashMap<>();
        for (String c : List.of("snow", "frost", "fog", "brightness", "contrast", "saturate")) {
            m.put(c, CorruptionGroup.LOW);
        }
        for (String c : List.of("motion_blur", "zoom_blur", "defocus_blur", "glass_blur", "elastic_transform",
                "jpeg_compression", "pixelate", "gaussian_blur", "spatter")) {
            m.put(c, CorruptionGroup.MEDIUM);
        }
        for (String c : List.of("gaussian_noise", "shot_noise", "impulse_noise", "speckle_noise")) {
            m.put(c, CorruptionGroup.HIGH);
        }
        return m;
    }
}
