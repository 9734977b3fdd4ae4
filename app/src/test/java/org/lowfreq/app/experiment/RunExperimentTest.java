package org.lowfreq.app.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowfreq.analysis.results.ResultTable;
import org.lowfreq.experiments.plan.Catalog;
import org.lowfreq.experiments.plan.ExperimentPlanner;
import org.lowfreq.experiments.plan.Job;
import org.lowfreq.experiments.store.ResultStore;

class RunExperimentTest {
    @TempDir
    Path dir;

    @Test
    void planListsTheJobsWithHashesAndDependencies() throws Exception {
        Path exp = TinyExperiment.write(dir, dir.resolve("log"), 0, false);
        TinyExperiment.Run r = TinyExperiment.lowfreq("plan", exp.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("experiment tiny: 10 jobs (3 train, 6 probe, 0 attack, 1 report)")
                .containsPattern("[0-9a-f]{12}  train   train lin-seed0 \\(reference linear")
                .containsPattern("probe   probe tiny-accuracy on mlp \\[scale=2\\]  after [0-9a-f]{12}");
    }

    @Test
    void runDoesEveryJobOnceAndARerunDoesNothing() throws Exception {
        Path log = dir.resolve("executions.log");
        Path exp = TinyExperiment.write(dir, log, 0, false);
        Path store = dir.resolve("store");
        TinyExperiment.Run r = TinyExperiment.lowfreq("--quiet", "run", exp.toString(), "--store", store.toString(),
                "--workers", "2");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("10 jobs: 0 done before, 10 to run").contains("finished: 10 run, 0 failed");
        try (Stream<Path> s = Files.list(store.resolve("jobs"))) {
            assertThat(s.count()).isEqualTo(10);
        }
        assertThat(Files.readAllLines(log)).hasSize(6).doesNotHaveDuplicates();
        // a training job holds its model and the clean accuracy; the report job joined all results
        Job train = new ExperimentPlanner(new Catalog(java.util.Set.of("synthetic"), java.util.Set.of("reference"),
                java.util.Map.of("tiny-accuracy", java.util.Set.of("scale", "sleep_ms", "log_file", "fail")), null), false).plan(exp).jobs().get(0);
        Path job = store.resolve("jobs").resolve(train.hash());
        assertThat(job.resolve("model/model-card.json")).exists();
        assertThat(job.resolve("config.json")).content().contains("\"hash\":\"" + train.hash() + "\"");
        List<java.util.Map<String, String>> rows = ResultTable.read(job.resolve("results.csv"));
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("model")).isEqualTo("lin-seed0");
            assertThat(row.get("metric")).isEqualTo("clean_accuracy");
            assertThat(Double.parseDouble(row.get("value"))).isGreaterThan(0.8);
        });
        try (Stream<Path> s = Files.list(store.resolve("jobs"))) {
            Path report = s.filter(p -> Files.exists(p.resolve("collected.csv"))).findFirst().orElseThrow();
            assertThat(ResultTable.read(report.resolve("collected.csv"))).hasSize(3 + 6);
        }
        List<String> before = TinyExperiment.collected(store);

        TinyExperiment.Run again = TinyExperiment.lowfreq("--quiet", "run", exp.toString(), "--store", store.toString());
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("10 jobs: 10 done before, 0 to run");
        assertThat(Files.readAllLines(log)).hasSize(6);
        assertThat(TinyExperiment.collected(store)).isEqualTo(before);

        TinyExperiment.Run status = TinyExperiment.lowfreq("status", "--store", store.toString());
        assertThat(status.out()).contains("10 jobs: 10 done, 0 running, 0 failed, 0 pending");
    }

    @Test
    void aFailedJobIsRecordedAndTheOthersGoOn() throws Exception {
        Path exp = TinyExperiment.write(dir, dir.resolve("log"), 0, true);
        Path store = dir.resolve("store");
        TinyExperiment.Run r = TinyExperiment.lowfreq("--quiet", "run", exp.toString(), "--store", store.toString());
        assertThat(r.code()).isEqualTo(1);
        // 11 jobs: the failing probe, and the report that needs it, are not done; the other 9 are
        assertThat(r.out()).contains("finished: 9 run, 1 failed, 1 blocked by failures");
        try (Stream<Path> s = Files.list(store.resolve("failed"))) {
            Path failed = s.filter(Files::isDirectory).findFirst().orElseThrow();
            assertThat(failed.resolve("error.txt")).content().contains("told to fail");
            assertThat(failed.resolve("config.json")).exists();
        }
        TinyExperiment.Run status = TinyExperiment.lowfreq("status", "--store", store.toString());
        assertThat(status.out()).contains("11 jobs: 9 done, 0 running, 1 failed, 1 pending")
                .containsPattern("failed\\s+[0-9a-f]{12}  probe tiny-accuracy on mlp.*told to fail");
    }

    @Test
    void twoRunnersOnOneStoreDoEachJobOnce() throws Exception {
        Path log = dir.resolve("executions.log");
        Path exp = TinyExperiment.write(dir, log, 150, false);
        Path store = dir.resolve("store");
        List<CompletableFuture<TinyExperiment.Run>> runs = Stream.of(1, 2).map(i -> CompletableFuture.supplyAsync(() ->
                TinyExperiment.lowfreq("--quiet", "run", exp.toString(), "--store", store.toString(), "--workers", "2")))
                .toList();
        List<TinyExperiment.Run> done = runs.stream().map(CompletableFuture::join).toList();
        assertThat(done).allSatisfy(r -> assertThat(r.code()).as(r.out() + r.err()).isZero());
        List<String> executions = Files.readAllLines(log);
        assertThat(executions).hasSize(6).doesNotHaveDuplicates();
        int ranTotal = done.stream().mapToInt(r -> Integer.parseInt(r.out().replaceAll("(?s).*finished: (\\d+) run.*", "$1")))
                .sum();
        assertThat(ranTotal).as(done.stream().map(TinyExperiment.Run::out).collect(Collectors.joining())).isEqualTo(10);
    }

    @Test
    void anAttackJobRunsTheAttackProtocolOnItsModel() throws Exception {
        Path exp = dir.resolve("attack.yaml");
        Files.writeString(exp, """
                name: attack
                dataset: synthetic
                models:
                  - {name: lin, backend: reference, arch: linear, epochs: 3, batch_size: 16, learning_rate: 0.5}
                attacks:
                  - norm: linf
                    n: 8
                    options: {pgd-steps: 5, fmn-steps: 10, restarts: 1}
                """);
        Path store = dir.resolve("store");
        TinyExperiment.Run r = TinyExperiment.lowfreq("--quiet", "run", exp.toString(), "--store", store.toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        Job attack = TinyExperiment.lowfreq("plan", exp.toString()).out().lines().filter(l -> l.contains(" attack "))
                .findFirst().map(l -> new ResultStoreView(store).job(l.substring(0, 12))).orElseThrow();
        assertThat(attack.string("norm")).isEqualTo("linf");
        List<java.util.Map<String, String>> rows = ResultTable.read(store.resolve("jobs").resolve(attack.hash())
                .resolve("results.csv"));
        assertThat(rows).isNotEmpty().allSatisfy(row -> {
            assertThat(row.get("model")).isEqualTo("lin");
            assertThat(row.get("probe")).isEqualTo("attack-linf");
        });
    }

    /** Reads job specs back from a store. */
    record ResultStoreView(Path store) {
        Job job(String hash) {
            try (var s = new org.lowfreq.experiments.store.ResultStore(store, java.time.Duration.ofMinutes(1))) {
                return s.readSpec(hash);
            }
        }
    }
}
