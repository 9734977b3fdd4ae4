package org.lowfreq.probes.corruption;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import org.lowfreq.analysis.spectrum.PowerSpectrum;
import org.lowfreq.spi.Classifier;
import org.lowfreq.spi.Corruption;
import org.lowfreq.spi.CorruptionGroup;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.Logits;
import org.lowfreq.spi.Plugin;
import org.lowfreq.spi.Options;
import org.lowfreq.spi.Probe;
import org.lowfreq.spi.ProbeContext;
import org.lowfreq.spi.Resolution;
import org.lowfreq.spi.ResultRow;
import org.lowfreq.spi.ResultSink;
import org.lowfreq.spi.UserInputException;

/**
 * Accuracy under the common corruptions (docs/METHODS.md section 4): top-1 accuracy per corruption x
 * severity on a stored -C set ({@code from=DIR}) or on corruptions generated on the fly
 * ({@code generate=true}); clean accuracy on its own; the summaries of {@link CorruptionReadouts}
 * (the 75-cell -C accuracy or a labelled subset, the extras apart, means per severity, per
 * corruption and per group); and the residual spectra x_c - x with f_0.5 per corruption.
 */
public final class CorruptionProbe implements Probe {
    /** The 15 corruptions of the benchmark (the headline uses exactly these). */
    static final List<String> COMMON = List.of("gaussian_noise", "shot_noise", "impulse_noise", "defocus_blur",
            "glass_blur", "motion_blur", "zoom_blur", "snow", "frost", "fog", "brightness", "contrast",
            "elastic_transform", "pixelate", "jpeg_compression");
    static final List<String> EXTRA = List.of("speckle_noise", "gaussian_blur", "spatter", "saturate");
    /**
     * The frequency groups of docs/METHODS.md section 2, for the 15 common corruptions only (the extras
     * are reported on their own, whatever group a corruption plugin gives them).
     */
    static final Map<String, String> COMMON_GROUPS = commonGroups();

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
    public void checkOptions(Options o) {
        Probe.super.checkOptions(o);
        boolean generate = o.getBoolean("generate", false);
        if (generate == o.has("from")) {
            throw new UserInputException("the corruption probe needs exactly one of from=DIR and generate=true",
                    "use --from DIR_OF_C_SET or --generate");
        }
        o.getBoolean("spectra", true);
        o.getInt("spectrum_images", 1000, org.lowfreq.spi.ValueRange.AT_LEAST_ONE);
        o.getInt("spectrum_severity", 5, org.lowfreq.spi.ValueRange.AT_LEAST_ONE);
        if (generate) {
            // the names a generated run can use are known now; a stored set's are known once it is read
            select(new ArrayList<>(discoverCorruptions(o).keySet()), o.getString("corruptions", null));
        }
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
            evaluate(ctx, model, clean, source, names, n);
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
                          int n) {
        var o = ctx.options();
        ResultSink sink = ctx.sink();
        long seed = ctx.seed();
        boolean spectra = o.getBoolean("spectra", true);
        int spectrumImages = Math.min(n, o.getInt("spectrum_images", 1000));
        int spectrumSeverity = o.getInt("spectrum_severity", 5);
        ctx.progress().start("corruption probe", (long) names.size() * 5 + 1);

        double cleanAcc = accuracy(model, clean);
        // clean accuracy is its own metric: not a corruption, not a severity, not a point of a curve
        sink.accept(ResultRow.summary("clean_accuracy", cleanAcc, seed).withNote("uncorrupted " + ctx.split() + " images"));
        ctx.progress().advance(1);

        Map<String, double[]> acc = new LinkedHashMap<>();
        Map<String, PowerSpectrum> spectrumOf = new LinkedHashMap<>();
        for (String c : names) {
            double[] a = new double[CorruptionReadouts.SEVERITIES];
            for (int s = 1; s <= CorruptionReadouts.SEVERITIES; s++) {
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

        CorruptionReadouts.rows(acc, seed).forEach(sink::accept);
        for (var e : spectrumOf.entrySet()) {
            double f = e.getValue().halfPowerFrequency();
            String group = CorruptionReadouts.groupOf(e.getKey());
            String note = Double.isNaN(f) ? "the corruption left these images unchanged"
                    : group.equals(CorruptionReadouts.EXTRAS) ? "extra corruption" : "";
            sink.accept(new ResultRow("severity", Integer.toString(spectrumSeverity), e.getKey(), seed, "f_half_cpp", f, note));
        }
        CorruptionFigures.write(ctx.outDir(), acc, cleanAcc, CorruptionReadouts.groups(acc), spectrumOf, spectrumSeverity);
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

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static Map<String, String> commonGroups() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String c : List.of("snow", "frost", "fog", "brightness", "contrast")) {
            m.put(c, CorruptionGroup.LOW.label());
        }
        for (String c : List.of("motion_blur", "zoom_blur", "defocus_blur", "glass_blur", "elastic_transform",
                "jpeg_compression", "pixelate")) {
            m.put(c, CorruptionGroup.MEDIUM.label());
        }
        for (String c : List.of("gaussian_noise", "shot_noise", "impulse_noise")) {
            m.put(c, CorruptionGroup.HIGH.label());
        }
        return Map.copyOf(m);
    }
}
