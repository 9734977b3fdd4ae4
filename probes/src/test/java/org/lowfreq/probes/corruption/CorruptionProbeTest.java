package org.lowfreq.probes.corruption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowfreq.datasets.CorruptedSet;
import org.lowfreq.reference.DenseClassifier;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.InMemoryDataset;
import org.lowfreq.spi.Options;
import org.lowfreq.spi.ProbeContext;
import org.lowfreq.spi.ProgressListener;
import org.lowfreq.spi.ResultRow;
import org.lowfreq.spi.UserInputException;

class CorruptionProbeTest {
    private static final ImageShape S = new ImageShape(8, 8, 3);
    private static final int N = 10;

    /** Bright textured images are class 0, dark ones class 1. */
    private static float[] image(boolean bright, int seed) {
        float[] x = new float[S.size()];
        for (int i = 0; i < x.length; i++) {
            int p = i / 3;
            double checker = ((p / 8 + p % 8) % 2 == 0 ? 0.1 : -0.1) * (1 + seed % 3) / 3.0;
            x[i] = Math.round((bright ? 0.7 : 0.3) * 255 + checker * 255) / 255f;
        }
        return x;
    }

    private static Images clean() {
        float[] px = new float[N * S.size()];
        int[] labels = new int[N];
        for (int i = 0; i < N; i++) {
            labels[i] = i % 2;
            System.arraycopy(image(labels[i] == 0, i), 0, px, i * S.size(), S.size());
        }
        return new Images(N, S, px, labels);
    }

    /** class 0 when the mean pixel exceeds 0.5 */
    private static DenseClassifier model() {
        int d = S.size();
        float[] w = new float[d * 2];
        for (int i = 0; i < d; i++) {
            w[i] = 1f; // classes x inputs: row 0 sums the pixels
        }
        return DenseClassifier.linear("mean-brightness", S, 2, w, new float[] {-0.5f * d, 0f});
    }

    /** Writes a -C set in which severity s inverts the first 2 s images, so accuracy is 1 - 0.2 s. */
    private static void writeSet(Path dir, List<String> names) {
        writeSet(dir, names, 2);
    }

    /** Severity s inverts the first {@code perSeverity * s} images: accuracy 1 - 0.1 perSeverity s. */
    private static void writeSet(Path dir, List<String> names, int perSeverity) {
        Images clean = clean();
        for (String c : names) {
            List<Images> sev = new ArrayList<>();
            for (int s = 1; s <= 5; s++) {
                float[] px = clean.pixels().clone();
                for (int k = 0; k < perSeverity * s * S.size(); k++) {
                    px[k] = Math.round((1 - px[k]) * 255) / 255f;
                }
                sev.add(clean.withPixels(px));
            }
            CorruptedSet.writeCorruption(dir, c, sev);
        }
        CorruptedSet.writeLabels(dir, clean.labels());
    }

    private static List<ResultRow> run(Path out, Options options) {
        List<ResultRow> rows = Collections.synchronizedList(new ArrayList<>());
        var data = new InMemoryDataset("toy", List.of("bright", "dark"), S, Map.of("test", clean()));
        try (DenseClassifier m = model()) {
            new CorruptionProbe().run(new ProbeContext(m, data, "test", options, 0, 2, out, ProgressListener.NONE,
                    rows::add));
        }
        return rows;
    }

    private static double value(List<ResultRow> rows, String group, String metric, String parameterValue) {
        return rows.stream().filter(r -> r.group().equals(group) && r.metric().equals(metric)
                && r.parameterValue().equals(parameterValue)).mapToDouble(ResultRow::value).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + group + " " + metric + " " + parameterValue));
    }

    @Test
    void accuracyPerCellMeansGroupsAndSpectraFromAStoredSet(@TempDir Path dir) throws Exception {
        Path set = dir.resolve("set");
        writeSet(set, CorruptionProbe.COMMON);
        Path out = Files.createDirectories(dir.resolve("out"));
        List<ResultRow> rows = run(out, Options.of("from", set.toString()));

        assertThat(value(rows, "", "clean_accuracy", "")).isEqualTo(1.0);
        assertCleanIsNoCell(rows);
        for (int s = 1; s <= 5; s++) {
            assertThat(value(rows, "fog", "accuracy", Integer.toString(s))).isCloseTo(1 - 0.2 * s, within(1e-12));
            assertThat(value(rows, "common15", "accuracy_mean", Integer.toString(s))).isCloseTo(1 - 0.2 * s, within(1e-12));
        }
        // all 75 cells: the headline, and no subset row
        assertThat(value(rows, "", "c_accuracy", "")).isCloseTo(0.4, within(1e-12));
        assertThat(rows).noneMatch(r -> r.metric().equals("c_subset_accuracy") || r.metric().equals("extras_accuracy"));
        assertThat(value(rows, "low", "accuracy_mean_group", "")).isCloseTo(0.4, within(1e-12));
        assertThat(value(rows, "high", "accuracy_mean_group", "")).isCloseTo(0.4, within(1e-12));
        assertThat(value(rows, "snow", "accuracy_mean_over_severities", "")).isCloseTo(0.4, within(1e-12));
        // the residual of inverting a checkerboard image is a checkerboard: all power at the corner frequency
        assertThat(value(rows, "jpeg_compression", "f_half_cpp", "5")).isGreaterThan(0.6);
        assertThat(out.resolve("corruption_accuracy.png")).exists();
        assertThat(out.resolve("residual_spectra_medium.png")).exists();
    }

    @Test
    void subsetsAndBadOptionsAreHandled(@TempDir Path dir) throws Exception {
        Path set = dir.resolve("set");
        writeSet(set, List.of("fog", "contrast"));
        Path out = Files.createDirectories(dir.resolve("out"));
        List<ResultRow> rows = run(out, Options.of("from", set.toString(), "corruptions", "contrast", "spectra", "false"));
        assertThat(rows).noneMatch(r -> r.group().equals("fog"));
        assertThat(rows).noneMatch(r -> r.metric().equals("c_accuracy") || r.group().equals("common15"));
        ResultRow subset = rows.stream().filter(r -> r.metric().equals("c_subset_accuracy")).findFirst().orElseThrow();
        assertThat(subset.value()).isCloseTo(0.4, within(1e-12));
        assertThat(subset.note()).startsWith("-C subset (5 of 75 cells)");
        assertThat(value(rows, "common_subset", "accuracy_mean", "2")).isCloseTo(0.6, within(1e-12));
        assertThat(rows).filteredOn(r -> r.note().contains("-C accuracy")).allMatch(r -> r.note().contains("not part of"));
        assertThat(rows).noneMatch(r -> r.metric().equals("f_half_cpp"));
        assertThatThrownBy(() -> run(out, Options.of("from", set.toString(), "corruptions", "rain")))
                .isInstanceOf(UserInputException.class).hasMessageContaining("rain");
        assertThatThrownBy(() -> run(out, Options.EMPTY)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("exactly one of");
        assertThat(Arrays.asList(new CorruptionProbe().optionNames().toArray())).contains("from", "generate");
    }

    @Test
    void theExtrasAreReportedOnTheirOwnAndNeverEnterTheHeadlineOrTheGroups(@TempDir Path dir) throws Exception {
        Path set = dir.resolve("set");
        writeSet(set, CorruptionProbe.COMMON, 2);                           // common cells: 1 - 0.2 s, mean 0.4
        writeSet(set, List.of("saturate", "speckle_noise", "spatter", "gaussian_blur"), 1); // extras: 1 - 0.1 s, mean 0.7
        Path out = Files.createDirectories(dir.resolve("out"));
        List<ResultRow> rows = run(out, Options.of("from", set.toString()));
        assertThat(value(rows, "", "c_accuracy", "")).isCloseTo(0.4, within(1e-12));
        assertThat(value(rows, "", "extras_accuracy", "")).isCloseTo(0.7, within(1e-12));
        assertThat(value(rows, "extras", "accuracy_mean", "3")).isCloseTo(0.7, within(1e-12));
        assertThat(value(rows, "common15", "accuracy_mean", "3")).isCloseTo(0.4, within(1e-12));
        // saturate (an extra the corruption plugin calls low-frequency) stays out of the low group
        for (String g : List.of("low", "medium", "high")) {
            ResultRow r = rows.stream().filter(x -> x.group().equals(g) && x.metric().equals("accuracy_mean_group"))
                    .findFirst().orElseThrow();
            assertThat(r.value()).as(g).isCloseTo(0.4, within(1e-12));
            assertThat(r.note()).doesNotContain("saturate").doesNotContain("speckle").doesNotContain("spatter");
        }
        assertThat(rows).noneMatch(r -> r.metric().equals("accuracy_mean_group") && r.group().equals("extras"));
        assertCleanIsNoCell(rows);
        assertThat(out.resolve("residual_spectra_extras.png")).exists();
        assertThat(out.resolve("residual_spectra_low.png")).exists();
    }

    @Test
    void cleanAccuracyIsAMarkerOfTheFigureNeverAPointOfACurve() {
        Map<String, double[]> acc = Map.of("fog", new double[] {0.9, 0.8, 0.7, 0.6, 0.5});
        var chart = CorruptionFigures.accuracyChart("low", List.of("fog"), acc, 0.95);
        var data = chart.getXYPlot().getDataset();
        assertThat(data.getSeriesCount()).isEqualTo(1);
        assertThat(data.getItemCount(0)).isEqualTo(5);
        for (int i = 0; i < 5; i++) {
            assertThat(data.getXValue(0, i)).isEqualTo(i + 1.0);
            assertThat(data.getYValue(0, i)).isNotEqualTo(0.95);
        }
        assertThat(chart.getXYPlot().getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND)).hasSize(1);
    }

    /** Clean accuracy is its own metric: never a corruption, a severity or an accuracy cell. */
    private static void assertCleanIsNoCell(List<ResultRow> rows) {
        assertThat(rows).noneMatch(r -> r.group().equals("clean"));
        assertThat(rows).noneMatch(r -> r.parameter().equals("severity") && r.parameterValue().equals("0"));
        assertThat(rows.stream().filter(r -> r.metric().equals("clean_accuracy")))
                .singleElement().matches(r -> r.parameter().isEmpty() && r.group().isEmpty());
    }
}
