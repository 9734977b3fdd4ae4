package org.lowfreq.attacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lowfreq.datasets.npy.NpyArray;
import org.lowfreq.datasets.npy.NpyType;
import org.lowfreq.spi.Norm;
import org.lowfreq.spi.ProgressListener;
import org.lowfreq.spi.ResultRow;
import org.lowfreq.spi.UserInputException;

class MinimalEpsilonProtocolTest {
    private static final LinearKnownAnswer CASE = new LinearKnownAnswer(8, 5);

    private static ProtocolSettings settings(Norm norm) {
        return ProtocolSettings.defaults(norm, CASE.images.count()).withBatchSize(3).withFmn(60, 2);
    }

    @ParameterizedTest
    @EnumSource(Norm.class)
    void findsTheExactMinimalPerturbationOfALinearModelWithinOnePercent(Norm norm, @TempDir Path out) {
        MinimalEpsilonProtocol p = new MinimalEpsilonProtocol(settings(norm));
        MinimalEpsilonProtocol.Outcome o = p.run(CASE.model, CASE.images, out, ProgressListener.NONE);
        for (int i = 0; i < CASE.images.count(); i++) {
            assertThat(o.targets()[i]).isEqualTo(CASE.targets[i]); // 2 classes: the derangement is forced
            double exact = CASE.minimal(norm, i);
            assertThat(o.success()[i]).isTrue();
            assertThat(o.minimalEpsilon()[i]).as("image %d exact %f", i, exact).isBetween(exact * (1 - 1e-4), exact * 1.01);
            int d = CASE.images.shape().size();
            assertThat(norm.of(o.perturbations(), i * d, d)).isCloseTo(o.minimalEpsilon()[i], within(1e-6));
        }
        assertThat(o.gradientImages()).isPositive();
    }

    @Test
    void readOutsAndArtifacts(@TempDir Path out) throws Exception {
        MinimalEpsilonProtocol p = new MinimalEpsilonProtocol(settings(Norm.LINF));
        MinimalEpsilonProtocol.Outcome o = p.run(CASE.model, CASE.images, out, ProgressListener.NONE);
        p.writeArtifacts(o, "linear", out);
        List<ResultRow> rows = p.rows(o);
        double[] e = o.minimalEpsilon().clone();
        java.util.Arrays.sort(e);
        double median = (e[3] + e[4]) / 2;
        assertThat(value(rows, "epsilon_min_linf_median")).isCloseTo(median, within(1e-12));
        assertThat(value(rows, "epsilon_min_linf_mean")).isCloseTo(java.util.Arrays.stream(e).average().orElseThrow(), within(1e-12));
        assertThat(value(rows, "log_epsilon_min_linf_mean")).isCloseTo(Math.log(value(rows, "epsilon_min_linf_mean")), within(1e-12));
        assertThat(value(rows, "f_half_cpp")).isCloseTo(2 * value(rows, "f_half_norm") / 4, within(1e-12));
        assertThat(rows.stream().filter(r -> r.metric().equals("success_rate")).count()).isEqualTo(ProtocolSettings.LINF_GRID.length);
        for (String f : List.of("targets.csv", "per_image.csv", "perturbations.npy", "success_vs_epsilon.png",
                "spectrum_heatmap.png", "spectrum_cumulative.png", "spectrum.csv", "spectrum_cumulative.csv")) {
            assertThat(out.resolve(f)).as(f).exists();
        }
        NpyArray a = NpyArray.read(out.resolve("perturbations.npy"));
        assertThat(a.type()).isEqualTo(NpyType.FLOAT32);
        assertThat(a.shape()).containsExactly(8, 8, 8, 3);
        assertThat(a.float32()).isEqualTo(o.perturbations());
    }

    @Test
    void successRateIsTheEmpiricalCdfAndMedianCountsFailuresAsInfinite() {
        double[] e = {0.1, Double.NaN, 0.3, 0.2};
        assertThat(MinimalEpsilonProtocol.successRate(e, 0.2)).isEqualTo(0.5);
        assertThat(MinimalEpsilonProtocol.successRate(e, 1)).isEqualTo(0.75);
        assertThat(MinimalEpsilonProtocol.median(e)).isCloseTo(0.25, within(1e-12));
        assertThat(MinimalEpsilonProtocol.median(new double[] {0.1, Double.NaN})).isNaN();
        assertThat(MinimalEpsilonProtocol.meanOfFound(e)).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void sameSeedSameNumbersAndResumedRunsSkipFinishedBatches(@TempDir Path out, @TempDir Path other) throws Exception {
        MinimalEpsilonProtocol p = new MinimalEpsilonProtocol(settings(Norm.L2).withSeed(3));
        MinimalEpsilonProtocol.Outcome first = p.run(CASE.model, CASE.images, out, ProgressListener.NONE);
        assertThat(first.batchesComputed()).isEqualTo(3);
        // interrupted after batch 0: remove the other two
        Files.delete(out.resolve("batches/batch-00001.bin"));
        Files.delete(out.resolve("batches/batch-00002.bin"));
        MinimalEpsilonProtocol.Outcome resumed = p.run(CASE.model, CASE.images, out, ProgressListener.NONE);
        assertThat(resumed.batchesComputed()).isEqualTo(2);
        MinimalEpsilonProtocol.Outcome fresh = p.run(CASE.model, CASE.images, other, ProgressListener.NONE);
        assertThat(resumed.minimalEpsilon()).containsExactly(first.minimalEpsilon());
        assertThat(fresh.minimalEpsilon()).containsExactly(first.minimalEpsilon());
        assertThat(fresh.perturbations()).isEqualTo(first.perturbations());
        // other settings in the same folder are refused
        MinimalEpsilonProtocol changed = new MinimalEpsilonProtocol(settings(Norm.L2).withSeed(3).withMinProbability(0.6));
        assertThatThrownBy(() -> changed.run(CASE.model, CASE.images, out, ProgressListener.NONE))
                .isInstanceOf(UserInputException.class).hasMessageContaining("other settings");
    }

    @Test
    void targetsAreASeededDerangement() {
        int[] labels = {0, 1, 2, 3, 0, 1, 2, 3, 4, 4};
        int[] a = MinimalEpsilonProtocol.targets(labels, 0);
        assertThat(MinimalEpsilonProtocol.targets(labels, 0)).isEqualTo(a);
        for (int i = 0; i < labels.length; i++) {
            assertThat(a[i]).isNotEqualTo(labels[i]);
        }
        assertThat(java.util.Arrays.stream(a).sorted().toArray()).isEqualTo(java.util.Arrays.stream(labels).sorted().toArray());
    }

    private static double value(List<ResultRow> rows, String metric) {
        return rows.stream().filter(r -> r.metric().equals(metric)).findFirst().orElseThrow().value();
    }
}
