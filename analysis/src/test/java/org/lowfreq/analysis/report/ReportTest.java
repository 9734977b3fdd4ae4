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
        assertThat(data.models()).hasSize(14);
        assertThat(data.attackProbes()).containsExactly("attack-linf");
        // identities come from the training jobs' cards: one configuration for the five seeds of sigma 1.5,
        // another for the fine-tuned sigma 1.5 model
        List<ModelInfo> s15 = data.models().stream().filter(m -> m.sigmaOrZero() == 1.5).toList();
        assertThat(s15).hasSize(6);
        assertThat(s15.stream().filter(ModelInfo::isFineTuned).count()).isEqualTo(1);
        assertThat(s15.stream().filter(m -> !m.isFineTuned()).map(ModelInfo::configuration).distinct()).hasSize(1);
        assertThat(s15.stream().map(ModelInfo::configuration).distinct()).hasSize(2);
        assertThat(s15.get(0).identity().source()).isEqualTo("model card");
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
        assertThat(g.points()).hasSize(11); // 2 baselines + 4 sigmas + 5 seeds of sigma 1.5, from scratch
        assertThat(g.fineTuned()).hasSize(1); // the fine-tuned sigma 1.5 is beside the sweep, not in it
        assertThat(g.sigmas()).extracting(Goldilocks.SigmaPoint::sigma).containsExactly(0.0, 0.5, 1.0, 1.5, 2.0, 3.0);
        assertThat(g.sigmas().get(3).x().n()).isEqualTo(5);
        assertThat(g.fit().x()).hasSize(6); // one point per sigma: the seeds are averaged first
        assertThat(g.fit().peak().found()).isTrue();
        assertThat(g.fit().peak().x()).isCloseTo(DemoStore.DEMO_PEAK_F_REV, within(0.02));
        assertThat(g.sigma()).isEqualTo(1.5);
        assertThat(g.note()).contains("nearest sigma = 1.5").contains("(n = 6)");
        // the corruption headline is the probe's c_accuracy, the mean of the 75 common cells; extras and clean apart
        String m = data.models().get(0).name();
        double cells = data.corruptionCells(m).values().stream().flatMap(v -> v.values().stream())
                .mapToDouble(Double::doubleValue).average().orElseThrow();
        assertThat(data.corruptionCells(m)).hasSize(15).doesNotContainKeys("clean", "speckle_noise");
        assertThat(data.cAccuracy(m).complete()).isTrue();
        assertThat(data.cAccuracy(m).label()).isEqualTo("-C accuracy");
        assertThat(data.corruptionAccuracy(m)).isCloseTo(cells, within(1e-9));
        assertThat(data.extraCells(m)).hasSize(4);
        assertThat(data.medianEpsilon(m, "attack-linf")).isFinite();
        assertThat(data.successFraction(m, "attack-linf")).isBetween(0.0, 1.0);
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
        // D curves, f_rev vs sigma, heat maps, cumulative power, success rate, -C and epsilon vs sigma,
        // 2 robustness-vs-frequency scatters, 2 panel grids, seed variance
        assertThat(b.figureCount()).isEqualTo(12);
        assertThat(html).contains("data:image/png;base64,").doesNotContain("http://").doesNotContain("https://")
                .doesNotContain("<script");
        // the example strip once, although two baseline seeds wrote one
        assertThat(html.split("hybrid-examples.png", -1)).hasSize(2);
        assertThat(html).contains("one colour scale for all panels").doesNotContain("no data");
        assertThat(html).contains("R^2 (n = \u03c3 fitted)").contains("(n = 6)");
        assertThat(Files.list(tmp.resolve("report/figures")).count()).isEqualTo(12);
        // every "see the notes" has notes to point at
        if (html.contains("see the notes")) {
            assertThat(html).contains("id=\"notes\"");
        }
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
    void aSubsetRunIsLabelledAsASubsetNeverAsTheCAccuracy() throws Exception {
        Path store = tmp.resolve("subset-store");
        DemoStore.write(store, 2, 5); // 5 of the 15 common corruptions: 25 of 75 cells
        ResultCollector.collect(store, tmp.resolve("all.csv"), ProgressListener.NONE);
        ResultSet data = ResultSet.read(tmp.resolve("all.csv"));
        String m = data.models().get(0).name();
        assertThat(data.cAccuracy(m).cells()).isEqualTo(25);
        assertThat(data.cAccuracy(m).label()).isEqualTo("-C subset (25 of 75 cells)");
        assertThat(RobustnessSection.cLabel(data)).isEqualTo("-C subset (25 of 75 cells)");
        ReportBuilder b = new ReportBuilder(data, Artifacts.none(), tmp.resolve("r"), 0);
        String html = Files.readString(b.write(ProgressListener.NONE));
        assertThat(html).contains("-C subset (25 of 75 cells) vs f_rev").doesNotContain("-C accuracy vs f_rev");
    }

    @Test
    void legacyCleanRowIsNeitherACellNorASeverity() {
        ResultRecord clean = row("m", "corruption", "severity", 0, "clean", "accuracy", 0.9);
        ResultRecord cell = row("m", "corruption", "severity", 1, "fog", "accuracy", 0.5);
        ResultRecord extra = row("m", "corruption", "severity", 1, "spatter", "accuracy", 0.7);
        ResultSet data = new ResultSet(List.of(clean, cell, extra));
        assertThat(data.corruptionCells("m")).containsOnlyKeys("fog");
        assertThat(data.accuracyBySeverity("m")).containsOnlyKeys(1);
        assertThat(data.cleanAccuracy("m")).isEqualTo(0.9);
        assertThat(data.cAccuracy("m").value()).isEqualTo(0.5);
        assertThat(data.cAccuracy("m").label()).isEqualTo("-C subset (1 of 75 cells)");
        assertThat(data.extrasAccuracy("m")).isEqualTo(0.7);
    }

    @Test
    void twoDifferentModelsUnderOneNameAreRenamedByCollect() throws Exception {
        Path store = tmp.resolve("clash");
        java.util.List<Path> jobs = DemoStore.write(store, 3);
        // a second "baseline seed 0" trained differently (30 epochs) writes under the same name
        Path train = jobs.stream().filter(p -> p.getFileName().toString().equals("resnet18-w16-baseline-s0__train"))
                .findFirst().orElseThrow();
        Path copy = store.resolve("other-experiment__train");
        Files.createDirectories(copy.resolve("model"));
        Files.copy(train.resolve("results.csv"), copy.resolve("results.csv"));
        org.lowfreq.spi.ModelCard c = org.lowfreq.spi.ModelCardFile.read(train.resolve("model"));
        java.util.Map<String, String> props = new java.util.HashMap<>(c.properties());
        props.put("epochs", "30");
        org.lowfreq.spi.ModelCardFile.write(copy.resolve("model"), new org.lowfreq.spi.ModelCard(c.name(), c.family(),
                c.arch(), c.backend(), c.inputShape(), c.classNames(), c.blurSigma(), c.pcaComponents(), c.dataset(),
                c.seed(), c.cleanAccuracy(), props));
        ResultCollector.Summary s = ResultCollector.collect(store, tmp.resolve("all.csv"), ProgressListener.NONE);
        assertThat(s.warnings()).singleElement().asString().contains("resnet18-w16-baseline-s0");
        ResultSet data = ResultSet.read(tmp.resolve("all.csv"));
        List<String> names = data.models().stream().map(ModelInfo::name).filter(n -> n.startsWith("resnet18-w16-baseline-s0"))
                .toList();
        // the two training cards, and the probe jobs, which cannot tell which of the two they measured
        assertThat(names).hasSize(3).allMatch(n -> n.contains(" ["));
    }

    @Test
    void seedVarianceSectionSaysWhyItIsEmpty() throws Exception {
        ResultSet data = new ResultSet(List.of(row("a", "hybrid", "", Double.NaN, "", "f_rev_norm_mean", 0.3),
                row("b", "hybrid", "", Double.NaN, "", "f_rev_norm_mean", 0.2)));
        String html = Files.readString(new ReportBuilder(data, Artifacts.none(), tmp.resolve("r"), 0)
                .write(ProgressListener.NONE));
        assertThat(html).contains("Empty: no configuration in this table was trained with two or more seeds");
    }

    private static ResultRecord row(String model, String probe, String parameter, double pv, String group, String metric,
                                    double value) {
        return new ResultRecord(model, model.equals("b") ? "blur" : "baseline", "resnet18", model.equals("b") ? 1 : 0, 0, 0,
                "tf", "cifar10", "test", 10, probe, parameter, Double.toString(pv), pv, group, 0, metric, value, "");
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
