package org.lowfreq.app.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowfreq.app.experiment.TinyExperiment;

/** The sbatch scripts written by 'lowfreq submit --dry-run' (no Slurm needed). */
class SlurmScriptTest {
    @TempDir
    Path dir;

    @Test
    void eachArrayTaskRunsOneJobByHashAndArraysFollowTheDependencies() throws Exception {
        Path exp = TinyExperiment.write(dir, dir.resolve("log"), 0, false);
        Path store = dir.resolve("store");
        TinyExperiment.Run r = TinyExperiment.lowfreq("submit", exp.toString(), "--store", store.toString(),
                "--dry-run", "--cpus-per-task", "2", "--launcher", "/opt/lowfreq/lowfreq --data-dir /data");
        assertThat(r.code()).as(r.err()).isZero();
        // 3 trainings; the 2 probes of each model as one array per model; the report after all probe arrays
        assertThat(r.out()).contains("wrote 00-train.sbatch: 3 task(s) train")
                .contains("wrote 01-probe.sbatch: 2 task(s) probe  --dependency=afterok:dry1_0")
                .contains("wrote 02-probe.sbatch: 2 task(s) probe  --dependency=afterok:dry1_1")
                .contains("wrote 03-probe.sbatch: 2 task(s) probe  --dependency=afterok:dry1_2")
                .contains("wrote 04-report.sbatch: 1 task(s) report  --dependency=afterok:dry1:dry2:dry3:dry4");
        Path script;
        try (Stream<Path> s = Files.walk(store.resolve("slurm"))) {
            script = s.filter(p -> p.getFileName().toString().equals("00-train.sbatch")).findFirst().orElseThrow();
        }
        String text = Files.readString(script);
        assertThat(text).startsWith("#!/bin/bash\n").contains("#SBATCH --array=0-2\n").contains("#SBATCH --cpus-per-task=2\n")
                .contains("HASH=\"${HASHES[$SLURM_ARRAY_TASK_ID]}\"")
                .containsPattern("exec /opt/lowfreq/lowfreq --data-dir /data --quiet run-job \"\\$HASH\" --store \\S+ --threads 2");
        List<String> hashes = text.lines().filter(l -> l.matches("  [0-9a-f]{12}  # train .*")).toList();
        assertThat(hashes).hasSize(3);
        // every task's job is recorded in the store for run-job
        for (String h : hashes) {
            assertThat(store.resolve("specs").resolve(h.trim().substring(0, 12) + ".json")).exists();
        }
    }

    @Test
    void aStorePathWithABlankIsQuotedInTheOutputLineAndTheCommand() throws Exception {
        Path exp = TinyExperiment.writeSmall(dir, dir.resolve("log"));
        Path store = dir.resolve("my store");
        TinyExperiment.Run r = TinyExperiment.lowfreq("submit", exp.toString(), "--store", store.toString(),
                "--dry-run", "--launcher", "/opt/lowfreq/lowfreq");
        assertThat(r.code()).as(r.err()).isZero();
        Path script;
        try (Stream<Path> s = Files.walk(store.resolve("slurm"))) {
            script = s.filter(p -> p.getFileName().toString().equals("00-train.sbatch")).findFirst().orElseThrow();
        }
        String root = store.toAbsolutePath().normalize().toString();
        // sbatch reads #SBATCH lines itself: only double quotes group words there
        assertThat(Files.readString(script)).contains("#SBATCH --output=\"" + root + "/slurm/%A_%a.out\"\n")
                .contains("--store '" + root + "' --threads");
    }
}
