package org.lowfreq.probes.hybrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowfreq.spi.Classifier;
import org.lowfreq.spi.InMemoryDataset;
import org.lowfreq.spi.Options;
import org.lowfreq.spi.ResultRow;
import org.lowfreq.spi.UserInputException;

class HybridImageProbeTest {
    private static final SyntheticRings RINGS = new SyntheticRings(11);
    private static final InMemoryDataset DATA = RINGS.dataset(200, 12);
    // cut-off just above ring A (5/32 = 0.15625 cycles/pixel) and below ring B
    private static final double LOW_CUT_CPP = 0.16;
    private static HybridImageProbe.Result lowPass;
    private static Sinks lowPassRows;

    @TempDir
    static Path out;

    @BeforeAll
    static void runLowPass() {
        lowPassRows = new Sinks();
        lowPass = new HybridImageProbe().measure(Sinks.context(RINGS.bandClassifier(-1, LOW_CUT_CPP), DATA,
                Options.of("seeds", "3", "bootstrap", "200", "batch-size", "32"), 0, 2, out, lowPassRows));
    }

    private static HybridImageProbe.Result run(Classifier c, Options o, int threads, Sinks sink, Path dir) {
        return new HybridImageProbe().measure(Sinks.context(c, DATA, o, 0, threads, dir, sink));
    }

    /** The spacing of the default grid points that bracket f (normalised). */
    private static double gridStepAround(double f) {
        double[] g = MixGrid.DEFAULT_GRID;
        for (int k = 0; k + 1 < g.length; k++) {
            if (g[k] <= f && f <= g[k + 1]) {
                return g[k + 1] - g[k];
            }
        }
        throw new AssertionError(f);
    }

    @Test
    void lowPassClassifierReversesAtItsCutOffWithinOneGridStep() {
        double cutNorm = LOW_CUT_CPP / 0.5;
        double step = gridStepAround(cutNorm);
        for (ResultRow r : lowPassRows.metric("f_rev_norm")) {
            assertThat(r.value()).as("seed " + r.seed()).isBetween(cutNorm - step, cutNorm + step);
        }
        assertThat(lowPassRows.metric("f_rev_norm")).hasSize(3);
        ResultRow mean = lowPassRows.pooled("f_rev_norm_mean");
        assertThat(mean.value()).isBetween(cutNorm - step, cutNorm + step);
        assertThat(lowPassRows.pooled("f_rev_cpp_mean").value()).isEqualTo(mean.value() * 0.5);
        assertThat(lowPassRows.pooled("f_rev_norm_sd").value()).isGreaterThanOrEqualTo(0);
        double lo = lowPassRows.pooled("f_rev_norm_ci_low").value();
        double hi = lowPassRows.pooled("f_rev_norm_ci_high").value();
        assertThat(lo).isLessThanOrEqualTo(mean.value());
        assertThat(hi).isGreaterThanOrEqualTo(mean.value());
        // below the ring the model sees the high image's ring A, above it the low image's
        double[] grid = lowPass.grid().grid();
        for (int g = 0; g < grid.length; g++) {
            double expected = 0.5 * grid[g] >= SyntheticRings.RING_A_CPP ? 1 : -1;
            assertThat(lowPass.meanD()[g]).as("D at f_mix " + grid[g]).isCloseTo(expected,
                    org.assertj.core.data.Offset.offset(0.1));
        }
    }

    @Test
    void highPassClassifierFlipsTheSignOfDBetweenTheCutOffs(@TempDir Path dir) {
        Sinks rows = new Sinks();
        HybridImageProbe.Result high = run(RINGS.bandClassifier(0.2, 0.5), Options.of("seeds", "2", "bootstrap", "0"),
                2, rows, dir);
        double[] grid = high.grid().grid();
        int between = 0;
        for (int g = 0; g < grid.length; g++) {
            // ring A (0.3125) < f_mix < ring B (0.625): low-pass follows the low image, high-pass the high one
            if (grid[g] > 0.3125 && grid[g] < 0.625) {
                assertThat(lowPass.meanD()[g]).isPositive();
                assertThat(high.meanD()[g]).isNegative();
                between++;
            }
        }
        assertThat(between).isGreaterThanOrEqualTo(2);
        assertThat(high.fRevMean()).as("the high-pass model reverses where ring B is handed over")
                .isBetween(0.57, 1.0).isGreaterThan(lowPass.fRevMean());
    }

    @Test
    void classifierOfCornerFrequenciesHasNoReverseFrequencyAndSaysWhy(@TempDir Path dir) {
        Sinks rows = new Sinks();
        HybridImageProbe.Result r = run(RINGS.bandClassifier(0.55, 1), Options.of("seeds", "2", "bootstrap", "50"),
                1, rows, dir);
        assertThat(r.fRevMean()).isNaN();
        for (ResultRow row : rows.metric("f_rev_norm")) {
            assertThat(row.value()).isNaN();
            assertThat(row.note()).contains("never rises above 0");
        }
        assertThat(rows.pooled("f_rev_norm_mean").value()).isNaN();
        assertThat(rows.pooled("f_rev_norm_mean").note()).contains("no seed");
        assertThat(rows.pooled("seeds_with_f_rev").value()).isZero();
    }

    @Test
    void pairingUsesEveryImageOnceInEachRoleWithDifferentClasses() {
        int[] labels = DATA.readAll("test").labels();
        assertThat(lowPass.outcomes()).hasSize(3);
        for (HybridEvaluator.SeedOutcomes o : lowPass.outcomes()) {
            int[] partner = o.partner();
            assertThat(partner).hasSize(labels.length);
            // hybrid i takes image i as its low source; partner must be a permutation for the high role
            int[] sorted = partner.clone();
            Arrays.sort(sorted);
            for (int i = 0; i < sorted.length; i++) {
                assertThat(sorted[i]).isEqualTo(i);
                assertThat(labels[partner[i]]).isNotEqualTo(labels[i]);
            }
        }
        assertThat(lowPass.outcomes().get(0).partner()).isNotEqualTo(lowPass.outcomes().get(1).partner());
    }

    @Test
    void sameSeedGivesTheSameNumbersWhateverBatchSizeAndThreads(@TempDir Path a, @TempDir Path b) {
        Classifier c = RINGS.bandClassifier(0.05, 0.35);
        Sinks one = new Sinks();
        Sinks other = new Sinks();
        HybridImageProbe.Result r1 = run(c, Options.of("seeds", "2", "batch-size", "7", "bootstrap", "100",
                "figures", "false"), 1, one, a);
        HybridImageProbe.Result r2 = run(c, Options.of("seeds", "2", "batch-size", "64", "bootstrap", "100",
                "figures", "false"), 3, other, b);
        assertThat(other.rows).containsExactlyElementsOf(one.rows);
        for (int k = 0; k < 2; k++) {
            assertThat(r2.outcomes().get(k).outcome()).isDeepEqualTo(r1.outcomes().get(k).outcome());
            assertThat(r2.outcomes().get(k).confidence()).isDeepEqualTo(r1.outcomes().get(k).confidence());
        }
    }

    @Test
    void writesTidyRowsForEveryFMixAndSeed() {
        int g = MixGrid.DEFAULT_GRID.length;
        for (String m : List.of("p_low", "p_high", "p_other", "confidence", "d_low_minus_high")) {
            List<ResultRow> rows = lowPassRows.metric(m);
            assertThat(rows).hasSize(3 * g);
            assertThat(rows).allSatisfy(r -> {
                assertThat(r.parameter()).isEqualTo("f_mix");
                assertThat(r.value()).isBetween(-1.0, 1.0);
            });
        }
        for (int k = 0; k < 3 * g; k++) {
            ResultRow lo = lowPassRows.metric("p_low").get(k);
            ResultRow hi = lowPassRows.metric("p_high").get(k);
            ResultRow ot = lowPassRows.metric("p_other").get(k);
            assertThat(lo.value() + hi.value() + ot.value()).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-12));
        }
        assertThat(lowPassRows.metric("p_low").get(0).parameterValue()).isEqualTo("0");
        assertThat(lowPassRows.metric("p_low").get(3 * 7).parameterValue()).isEqualTo("0.11");
    }

    @Test
    void writesTheThreeFigures() throws Exception {
        for (String f : List.of(HybridFigures.EXAMPLES, HybridFigures.D_CURVE, HybridFigures.OTHER_CONFIDENCE)) {
            Path p = out.resolve(f);
            assertThat(p).exists();
            assertThat(javax.imageio.ImageIO.read(p.toFile()).getWidth()).isGreaterThan(300);
            // -Dprobes.keepFigures=DIR keeps a copy for looking at
            String keep = System.getProperty("probes.keepFigures");
            if (keep != null) {
                Files.createDirectories(Path.of(keep));
                Files.copy(p, Path.of(keep).resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        try (var s = Files.list(out)) {
            assertThat(s.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void refusesBadOptions(@TempDir Path dir) {
        Classifier c = RINGS.bandClassifier(-1, 0.5);
        assertThatThrownBy(() -> run(c, Options.of("seeds", "0"), 1, new Sinks(), dir))
                .isInstanceOf(UserInputException.class).hasMessageContaining("seeds");
        assertThatThrownBy(() -> run(c, Options.of("grid", "0.5,0.2"), 1, new Sinks(), dir))
                .isInstanceOf(UserInputException.class).hasMessageContaining("increasing");
        assertThatThrownBy(() -> run(c, Options.of("ci", "95"), 1, new Sinks(), dir))
                .isInstanceOf(UserInputException.class).hasMessageContaining("ci=");
    }
}
