package org.lowfreq.probes.corruption;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import org.lowfreq.analysis.spectrum.PowerSpectrum;
import org.lowfreq.datasets.folder.ImageFolderCorruptedSet;
import org.lowfreq.datasets.CorruptedSet;
import org.lowfreq.datasets.stream.Batch;
import org.lowfreq.probes.data.BatchStream;
import org.lowfreq.probes.data.SplitStream;
import org.lowfreq.spi.Dataset;
import org.lowfreq.spi.ImageShape;
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
        Dataset data = ctx.dataset();
        int n = data.size(ctx.split());
        model.checkInput(new Images(0, data.shape(), new float[0])); // the shape, without decoding anything
        Map<String, Corruption> known = discoverCorruptions(o);
        ForkJoinPool pool = new ForkJoinPool(ctx.threads());
        try {
            CorruptedSource source;
            if (generate) {
                Resolution table = o.has("table") ? Resolution.parse(o.getString("table", ""))
                        : Resolution.forSize(data.shape().height(), data.shape().width());
                if (known.isEmpty()) {
                    throw new UserInputException("generate=true needs the corruptions plugin, but none was found",
                            "put lowfreq-corruptions on the class or plugin path");
                }
                source = new GeneratedSource(new ArrayList<>(known.values()), data, ctx.split(), table, ctx.seed(), pool);
            } else {
                source = stored(Path.of(from), data, model, ctx.threads());
            }
            List<String> names = select(source.corruptions(), o.getString("corruptions", null));
            evaluate(ctx, model, source, names, n);
        } finally {
            pool.shutdown();
        }
    }

    /**
     * A stored -C set in either layout: NPY ({@code labels.npy} + {@code <corruption>.npy}, CIFAR-10-C)
     * or the published folder layout ({@code <corruption>/<severity>/<wnid>/*.JPEG}, Tiny-ImageNet-C,
     * ImageNet-C).
     */
    private CorruptedSource stored(Path dir, Dataset clean, Classifier model, int threads) {
        if (!Files.isRegularFile(dir.resolve(CorruptedSet.LABELS)) && ImageFolderCorruptedSet.isFolderLayout(dir)) {
            ImageShape rgb = new ImageShape(clean.shape().height(), clean.shape().width(), 3);
            return new FolderSource(openFolderSet(dir, rgb, clean.classNames()), model.card().inputShape().channels(),
                    threads);
        }
        return new StoredSource(dir, clean.classNames());
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

    private void evaluate(ProbeContext ctx, Classifier model, CorruptedSource source, List<String> names, int n) {
        var o = ctx.options();
        ResultSink sink = ctx.sink();
        long seed = ctx.seed();
        boolean spectra = o.getBoolean("spectra", true);
        int spectrumImages = Math.min(n, o.getInt("spectrum_images", 1000));
        int spectrumSeverity = o.getInt("spectrum_severity", 5);
        int batch = Math.max(1, model.preferredBatchSize());
        String conversion = source.inputConversion();
        ctx.progress().start("corruption probe", (long) names.size() * 5 + 1);

        double cleanAcc;
        try (BatchStream clean = SplitStream.first(ctx.dataset(), ctx.split(), n, batch, ctx.threads())) {
            cleanAcc = accuracy(model, clean, n);
        }
        // clean accuracy is its own metric: not a corruption, not a severity, not a point of a curve
        sink.accept(ResultRow.summary("clean_accuracy", cleanAcc, seed).withNote("uncorrupted " + ctx.split() + " images"));
        ctx.progress().advance(1);

        Map<String, double[]> acc = new LinkedHashMap<>();
        Map<String, PowerSpectrum> spectrumOf = new LinkedHashMap<>();
        boolean residuals = spectra && source.alignedWithClean();
        for (String c : names) {
            double[] a = new double[CorruptionReadouts.SEVERITIES];
            for (int s = 1; s <= CorruptionReadouts.SEVERITIES; s++) {
                ctx.progress().status(c + " " + s);
                try (BatchStream corrupted = source.stream(c, s, n, batch)) {
                    a[s - 1] = accuracy(model, corrupted, n);
                }
                sink.accept(new ResultRow("severity", Integer.toString(s), c, seed, "accuracy", a[s - 1], conversion));
                if (residuals && s == spectrumSeverity) {
                    spectrumOf.put(c, residualSpectrum(ctx, source, c, s, spectrumImages, batch));
                }
                ctx.progress().advance(1);
            }
            acc.put(c, a);
        }
        ctx.progress().finish();

        CorruptionReadouts.rows(acc, seed).forEach(r -> sink.accept(conversion.isEmpty() ? r
                : r.withNote(r.note().isEmpty() ? conversion : r.note() + "; " + conversion)));
        for (var e : spectrumOf.entrySet()) {
            double f = e.getValue().halfPowerFrequency();
            String group = CorruptionReadouts.groupOf(e.getKey());
            String note = Double.isNaN(f) ? "the corruption left these images unchanged"
                    : group.equals(CorruptionReadouts.EXTRAS) ? "extra corruption" : "";
            sink.accept(new ResultRow("severity", Integer.toString(spectrumSeverity), e.getKey(), seed, "f_half_cpp", f, note));
        }
        CorruptionFigures.write(ctx.outDir(), acc, cleanAcc, CorruptionReadouts.groups(acc), spectrumOf, spectrumSeverity);
    }

    /** Top-1 accuracy over a stream of labelled batches holding {@code n} images in all. */
    static double accuracy(Classifier model, BatchStream batches, int n) {
        long correct = 0;
        while (batches.hasNext()) {
            try (Batch b = batches.next()) {
                int[] pred = model.logits(b.images()).argmax();
                int[] labels = b.images().labels();
                for (int i = 0; i < pred.length; i++) {
                    correct += pred[i] == labels[i] ? 1 : 0;
                }
            }
        }
        return (double) correct / n;
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

    /**
     * The mean spectrum of the residuals x_c - x of the first {@code m} images, the clean and the
     * corrupted split streamed side by side; the per-batch spectra are averaged weighted by their count.
     */
    private static PowerSpectrum residualSpectrum(ProbeContext ctx, CorruptedSource source, String c, int s, int m,
                                                  int batch) {
        ImageShape shape = ctx.dataset().shape();
        double[] sum = new double[shape.height() * shape.width()];
        try (BatchStream clean = SplitStream.first(ctx.dataset(), ctx.split(), m, batch, ctx.threads());
             BatchStream corrupted = source.stream(c, s, m, batch)) {
            while (clean.hasNext()) {
                try (Batch x = clean.next(); Batch y = corrupted.next()) {
                    float[] a = x.images().pixels();
                    float[] b = y.images().pixels();
                    float[] d = new float[a.length];
                    for (int k = 0; k < d.length; k++) {
                        d[k] = b[k] - a[k];
                    }
                    PowerSpectrum part = PowerSpectrum.of(d, shape, x.count());
                    double[] p = part.power();
                    for (int k = 0; k < sum.length; k++) {
                        sum[k] += p[k] * x.count();
                    }
                }
            }
        }
        for (int k = 0; k < sum.length; k++) {
            sum[k] /= m;
        }
        return new PowerSpectrum(shape.height(), shape.width(), m, shape.channels(), sum);
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

    /**
     * A published -C folder set. Its images are already the clean set's evaluation crops (64 px
     * Tiny-ImageNet, 224 px ImageNet), which the reader takes as they are; the resize only matters
     * for images of another size, and then follows the clean set's evaluation view (256 -> 224).
     */
    private static ImageFolderCorruptedSet openFolderSet(Path dir, ImageShape shape, List<String> classNames) {
        int crop = shape.height();
        int resize = crop == 224 ? 256 : crop;
        return ImageFolderCorruptedSet.open(dir, resize, crop, classNames);
    }
}
