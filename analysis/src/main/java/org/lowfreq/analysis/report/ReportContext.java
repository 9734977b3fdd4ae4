package org.lowfreq.analysis.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.lowfreq.analysis.figures.ModelColours;
import org.lowfreq.spi.ResultRow;
import org.lowfreq.spi.UserInputException;

/**
 * What every report section shares: the data, the probes' artifacts, the output folder, the
 * colour of each model configuration, and the writing of figures (saved under {@code figures/} and
 * inlined in the page).
 */
final class ReportContext {
    static final int W = 760;
    static final int H = 470;
    static final String F_REV = "f_rev (normalised frequency, Nyquist = 1)";
    static final String SIGMA = "blur \u03c3 (pixels; baseline = 0)";

    final ResultSet data;
    final Artifacts artifacts;
    final Path outDir;
    final long seed;
    final ModelColours colours;
    private final List<String> warnings = new ArrayList<>();
    private int figureCount;

    ReportContext(ResultSet data, Artifacts artifacts, Path outDir, long seed) {
        this.data = data;
        this.artifacts = artifacts;
        this.outDir = outDir;
        this.seed = seed;
        List<ModelColours.Entry> entries = new ArrayList<>();
        for (ModelInfo m : modelsBySigma()) {
            ModelColours.Kind kind = m.isBaseline() && !m.isFineTuned() ? ModelColours.Kind.BASELINE
                    : m.isBlurSweepMember() ? ModelColours.Kind.BLUR : ModelColours.Kind.OTHER;
            entries.add(new ModelColours.Entry(m.configurationLabel(), kind, m.sigmaOrZero()));
        }
        this.colours = new ModelColours(entries);
    }

    /** Models in the order of the figures: baseline, blur by sigma, fine-tuned blur models, then other families. */
    List<ModelInfo> modelsBySigma() {
        List<ModelInfo> all = new ArrayList<>(data.models());
        all.sort(Comparator.comparingInt(ReportContext::rank).thenComparingDouble(ModelInfo::sigmaOrZero)
                .thenComparing(ModelInfo::family).thenComparingLong(ModelInfo::modelSeed));
        return all;
    }

    private static int rank(ModelInfo m) {
        if (m.isBlurSweepMember()) {
            return 0;
        }
        return m.isBlurFamily() ? 1 : 2;
    }

    Color colour(ModelInfo m) {
        return colours.of(m.configurationLabel());
    }

    void warn(String w) {
        warnings.add(w);
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }

    int figureCount() {
        return figureCount;
    }

    void figure(HtmlPage page, String name, byte[] png, String caption) {
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

    static byte[] readBytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UserInputException("cannot read " + p + ": " + e.getMessage());
        }
    }

    static String fmt(double v, int digits) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + digits + "f", v) : "-";
    }

    static String sigma(ModelInfo m) {
        return ResultRow.formatNumber(m.sigmaOrZero());
    }

    static double[] keys(TreeMap<Double, Double> m) {
        return m.keySet().stream().mapToDouble(Double::doubleValue).toArray();
    }

    static double[] values(TreeMap<Double, Double> m) {
        return m.values().stream().mapToDouble(Double::doubleValue).toArray();
    }
}
