package org.lowfreq.analysis.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowfreq.spi.ProgressListener;
import org.lowfreq.spi.UserInputException;

class ReportTest {
    @TempDir
    Path tmp;

    @TempDir
    static Path shared;

    private static Path sharedStore;
    private static java.util.List<Path> sharedJobs;

    /** One demo store for the tests that only read it (writing one draws 10 heat maps). */
    private static synchronized Path demoStore() {
        if (sharedStore == null) {
            sharedStore = shared.resolve("store");
            sharedJobs = DemoStore.write(sharedStore, 1);
        }
        return sharedStore;
    }

    @Test
    void collectJoinsEveryJobAndSkipsHiddenFolders() throws Exception {
        Path store = demoStore();
        List<Path> jobs = sharedJobs;
        Files.createDirectories(store.resolve(".unfinished-job"));
        Files.writeString(store.resolve(".unfinished-job/results.csv"), "garbage\n");
        ResultCollector.Summary s = ResultCollector.collect(store, tmp.resolve("all.csv"), ProgressListener.NONE);
        assertThat(s.files()).isEqualTo(jobs.size());
        long lines = Files.readAllLines(tmp.resolve("all.csv")).size() - 1;
        assertThat(s.rows()).isEqualTo(lines).isGreaterThan(1000);
        assertThat(ResultCollector.readSources(tmp.resolve("all.csv"))).hasSize(jobs.size());
        ResultSet data = ResultSet.read(tmp.resolve("all.csv"));
        assertThat(data.models()).hasSize(13);
        assertThat(data.attackProbes()).containsExactly("attack-linf");
    }

    @Test
    void aFileWithAnotherSchemaIsRefusedByName() throws Exception {
        Path store = tmp.resolve("store");
        DemoStore.write(store, 1);
        Path bad = store.resolve("zz-bad-job/results.csv");
        Files.createDirectories(bad.getParent());
        Files.writeString(bad, "model,metric,value\nm,acc,1\n");
        assertThatThrownBy(() -> ResultCollector.collect(store, tmp.resolve("all.csv"), ProgressListener.NONE))
                .isInstanceOf(UserInputException.class).hasMessageContaining("zz-bad-job");
        assertThat(tmp.resolve("all.csv")).doesNotExist();
    }

    @Test
    void goldilocksFindsTheBuiltInPeakOfTheDemoSweep() {
        Path store = demoStore();
        ResultCollector.collect(store, tmp.resolve("all.csv"), ProgressListener.NONE);
        ResultSet data = ResultSet.read(tmp.resolve("all.csv"));
        Goldilocks g = Goldilocks.of(data, "f_rev", m -> data.fRevNorm(m.name()), "acc",
                m -> data.corruptionAccuracy(m.name()));
        assertThat(g.points()).hasSize(11); // 2 baselines + 4 sigmas + 5 seeds of sigma 1.5
        assertThat(g.fit().peak().found()).isTrue();
        assertThat(g.fit().peak().x()).isCloseTo(DemoStore.DEMO_PEAK_F_REV, within(0.02));
        assertThat(g.sigma()).isEqualTo(1.5);
        assertThat(g.note()).contains("sigma = 1.5");
        // the corruption headline equals the mean of the 75 cells
        String m = data.models().get(0).name();
        double cells = data.corruptionCells(m).values().stream().flatMap(v -> v.values().stream())
                .mapToDouble(Double::doubleValue).average().orElseThrow();
        assertThat(data.corruptionAccuracy(m)).isCloseTo(cells, within(1e-9));
        assertThat(data.accuracyBySeverity(m)).hasSize(5);
        assertThat(data.hybridCurve(m)).hasSize(DemoStore.F_MIX.length);
    }

    @Test
    void reportIsSelfContainedAndDrawsEveryFigureTheDemoAllows() throws Exception {
        Path store = demoStore();
        ResultCollector.collect(store, tmp.resolve("all.csv"), ProgressListener.NONE);
        ResultSet data = ResultSet.read(tmp.resolve("all.csv"));
        ReportBuilder b = new ReportBuilder(data, Artifacts.scan(ResultCollector.readSources(tmp.resolve("all.csv"))),
                tmp.resolve("report"), 0);
        Path index = b.write(ProgressListener.NONE);
        String html = Files.readString(index);
        assertThat(b.warnings()).isEmpty();
        // D curves, cumulative power, success rate, 2 robustness scatters, 2 panel grids, seed variance
        assertThat(b.figureCount()).isEqualTo(8);
        assertThat(html).contains("data:image/png;base64,").doesNotContain("http://").doesNotContain("https://")
                .doesNotContain("<script");
        assertThat(html).contains("hybrid-examples.png").contains("spectrum_heatmap.png").doesNotContain("no data");
        assertThat(Files.list(tmp.resolve("report/figures")).count()).isEqualTo(8);
    }

    @Test
    void anEmptyTableGivesNoDataBoxesNotACrash() throws Exception {
        ReportBuilder b = new ReportBuilder(new ResultSet(List.of()), Artifacts.none(), tmp.resolve("r"), 0);
        String html = Files.readString(b.write(ProgressListener.NONE));
        assertThat(b.warnings()).isEmpty();
        assertThat(html).contains("no data").doesNotContain("failed");
        assertThat(b.figureCount()).isZero();
    }

    @Test
    void cleanAccuracyFallsBackToTheModelCard() {
        ResultRecord row = new ResultRecord("m", "baseline", "resnet18", 0, 0, 0, "tf", "cifar10", "test", 10, "hybrid",
                "", "", Double.NaN, "", -1, "f_rev_norm_mean", 0.3, "");
        ResultSet data = new ResultSet(List.of(row));
        assertThat(data.cleanAccuracy("m")).isNaN();
        assertThat(data.withCardCleanAccuracy(java.util.Map.of("m", 0.61)).cleanAccuracy("m")).isEqualTo(0.61);
        assertThat(data.fRevNorm("m")).isEqualTo(0.3);
    }
}
