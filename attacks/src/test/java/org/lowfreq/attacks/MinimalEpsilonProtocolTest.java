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
        assertThat(value(rows, "epsilon_min_linf_median_success")).isCloseTo(median, within(1e-12));
        assertThat(value(rows, "epsilon_min_linf_median_all")).isCloseTo(median, within(1e-12)); // no failures here
        assertThat(value(rows, "epsilon_min_linf_mean_success")).isCloseTo(java.util.Arrays.stream(e).average().orElseThrow(), within(1e-12));
        assertThat(value(rows, "log_epsilon_min_linf_mean_success")).isCloseTo(Math.log(value(rows, "epsilon_min_linf_mean_success")), within(1e-12));
        assertThat(value(rows, "success_fraction")).isEqualTo(1.0);
        assertThat(rows).noneMatch(r -> r.metric().equals("epsilon_min_linf_median") || r.metric().equals("epsilon_min_linf_mean"));
        assertThat(value(rows, "f_half_cpp")).isCloseTo(2 * value(rows, "f_half_norm") / 4, within(1e-12));
        // every epsilon-bearing row says which search produced it
        assertThat(rows).allMatch(r -> r.note().contains("protocol: sweep + FMN"), "names the protocol");
        List<ResultRow> curve = rows.stream().filter(r -> r.metric().equals("success_rate")).toList();
        assertThat(curve).hasSize(ProtocolSettings.LINF_GRID.length);
        // the standard budgets are on the default grid and their rows say so
        for (String budget : List.of("2/255", "4/255", "8/255")) {
            double eps = Integer.parseInt(budget.substring(0, 1)) / 255.0;
            ResultRow r = curve.stream().filter(x -> x.note().contains("standard budget " + budget)).findFirst().orElseThrow();
            assertThat(Double.parseDouble(r.parameterValue())).isCloseTo(eps, within(1e-15));
            assertThat(r.value()).isEqualTo(java.util.Arrays.stream(e).filter(v -> v <= eps).count() / 8.0);
        }
        assertThat(java.nio.file.Files.readAllLines(out.resolve("per_image.csv")).get(0)).endsWith(",protocol");
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
    void readOutsOverSuccessesAndOverAllOnHandMadeArraysWithFailures() {
        double[] e = {0.1, Double.NaN, 0.3, 0.2, Double.NaN};
        assertThat(EpsilonStatistics.successRate(e, 0.2)).isEqualTo(0.4);
        assertThat(EpsilonStatistics.successRate(e, 1)).isEqualTo(0.6);
        assertThat(EpsilonStatistics.successFraction(e)).isEqualTo(0.6);
        // over the successes {0.1, 0.2, 0.3}
        assertThat(EpsilonStatistics.medianOfSuccesses(e)).isCloseTo(0.2, within(1e-12));
        assertThat(EpsilonStatistics.meanOfSuccesses(e)).isCloseTo(0.2, within(1e-12));
        // over all five, failures as +inf: {0.1, 0.2, 0.3, inf, inf} -> 0.3
        assertThat(EpsilonStatistics.medianOverAll(e)).isCloseTo(0.3, within(1e-12));
        double[] skewed = {0.1, 0.5, Double.NaN, 0.9};
        assertThat(EpsilonStatistics.medianOfSuccesses(skewed)).isCloseTo(0.5, within(1e-12));
        assertThat(EpsilonStatistics.meanOfSuccesses(skewed)).isCloseTo(0.5, within(1e-12));
        assertThat(EpsilonStatistics.medianOverAll(skewed)).isCloseTo(0.7, within(1e-12)); // (0.5 + 0.9) / 2
        double[] even = {0.1, 0.4, Double.NaN, Double.NaN};
        assertThat(EpsilonStatistics.medianOverAll(even)).isNaN(); // half failed
        assertThat(EpsilonStatistics.medianOfSuccesses(even)).isCloseTo(0.25, within(1e-12));
        double[] none = {Double.NaN, Double.NaN};
        assertThat(EpsilonStatistics.medianOfSuccesses(none)).isNaN();
        assertThat(EpsilonStatistics.meanOfSuccesses(none)).isNaN();
        assertThat(EpsilonStatistics.successFraction(none)).isZero();
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
