package org.lowfreq.app.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowfreq.analysis.report.ResultCollector;
import org.lowfreq.analysis.results.ResultTable;

/**
 * Issue 13, item 8: after a probe's limit changes and the experiment is re-run, the store holds two
 * generations of that probe; {@code collect --experiment} returns only the current one, the whole
 * store stays available with {@code --all} (and, with a note, by default).
 */
class CollectExperimentTest {
    @TempDir
    Path dir;

    private Path experiment(int limit) throws Exception {
        Path file = dir.resolve("gen.yaml");
        Files.writeString(file, """
                name: gen
                dataset: synthetic
                model_defaults: {backend: reference, arch: linear, epochs: 2, batch_size: 16, learning_rate: 0.5}
                models:
                  - name: lin
                probes:
                  - probe: tiny-accuracy
                    limit: %d
                """.formatted(limit));
        return file;
    }

    private static Set<Path> jobFolders(Path store) throws Exception {
        try (Stream<Path> s = Files.list(store.resolve("jobs"))) {
            return new HashSet<>(s.map(p -> p.toAbsolutePath().normalize()).toList());
        }
    }

    private static int rows(Set<Path> jobs) {
        return jobs.stream().mapToInt(j -> ResultTable.read(j.resolve(ResultCollector.RESULTS_FILE)).size()).sum();
    }

    @Test
    void experimentGivesOnlyTheCurrentGenerationAndAllGivesTheWholeStore() throws Exception {
        Path store = dir.resolve("store");
        Path exp = experiment(16);
        TinyExperiment.Run r = TinyExperiment.lowfreq("--quiet", "run", exp.toString(), "--store", store.toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        Set<Path> first = jobFolders(store);
        assertThat(first).hasSize(2); // the training and the probe
        // the probe's limit changes: a new probe job, the training is reused
        experiment(8);
        r = TinyExperiment.lowfreq("--quiet", "run", exp.toString(), "--store", store.toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        Set<Path> second = jobFolders(store);
        assertThat(second).hasSize(3).containsAll(first);
        Path train = first.stream().filter(j -> Files.isDirectory(j.resolve("model"))).findFirst().orElseThrow();
        Set<Path> current = new HashSet<>(second);
        current.removeAll(first);
        current.add(train); // the new probe and the reused training

        Path table = dir.resolve("current.csv");
        r = TinyExperiment.lowfreq("--quiet", "collect", store.toString(), "--experiment", exp.toString(),
                "--out", table.toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(Set.copyOf(ResultCollector.readSources(table)).stream().map(p -> p.toAbsolutePath().normalize()).toList())
                .containsExactlyInAnyOrderElementsOf(current);
        assertThat(ResultTable.read(table)).hasSize(rows(current));

        Path whole = dir.resolve("all.csv");
        r = TinyExperiment.lowfreq("--quiet", "collect", store.toString(), "--all", "--out", whole.toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.err()).doesNotContain("note:");
        assertThat(ResultTable.read(whole)).hasSize(rows(second)).hasSizeGreaterThan(rows(current));

        // the default is still the whole store, as before --experiment existed, and says so
        Path byDefault = dir.resolve("default.csv");
        r = TinyExperiment.lowfreq("--quiet", "collect", store.toString(), "--out", byDefault.toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.err()).contains("note: collected every job in the store").contains("--experiment FILE");
        assertThat(Files.readAllLines(byDefault)).isEqualTo(Files.readAllLines(whole));

        List<String> both = new ArrayList<>(List.of("collect", store.toString(), "--all", "--experiment",
                exp.toString(), "--out", dir.resolve("x.csv").toString()));
        r = TinyExperiment.lowfreq(both.toArray(String[]::new));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--experiment and --all exclude each other");
        assertThat(dir.resolve("x.csv")).doesNotExist();
    }
}
