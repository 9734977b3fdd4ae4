package org.lowfreq.app.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lowfreq.app.experiment.TinyExperiment;

/**
 * Submits a small experiment to a real single-node Slurm (Debian's slurmctld + slurmd on localhost,
 * started by .ci/slurm-up.sh, stopped by .ci/slurm-down.sh) and checks its results land in the store.
 * Skipped when Slurm cannot be installed or started here (e.g. not root and not installed).
 */
class SlurmSubmitTest {
    static Path dir;
    static Path ci;
    static Path bin;

    @BeforeAll
    static void startSlurm() throws Exception {
        ci = Stream.of(Path.of("../.ci"), Path.of(".ci")).filter(p -> Files.isRegularFile(p.resolve("slurm-up.sh")))
                .findFirst().map(p -> p.toAbsolutePath().normalize()).orElse(null);
        Assumptions.assumeTrue(ci != null, "no .ci/slurm-up.sh found from " + Path.of("").toAbsolutePath());
        dir = Files.createTempDirectory("lowfreq-slurm-test");
        Process up = new ProcessBuilder("bash", ci.resolve("slurm-up.sh").toString(), dir.resolve("slurm").toString())
                .redirectErrorStream(true).start();
        String output = new String(up.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean ended = up.waitFor(300, TimeUnit.SECONDS);
        Assumptions.assumeTrue(ended && up.exitValue() == 0, "Slurm could not be started here:\n" + output);
        // sbatch and squeue must see our private slurm.conf
        bin = Files.createDirectories(dir.resolve("bin"));
        for (String tool : new String[] {"sbatch", "squeue"}) {
            Path w = bin.resolve(tool);
            Files.writeString(w, "#!/bin/sh\nSLURM_CONF='" + dir.resolve("slurm/slurm.conf") + "' exec " + tool + " \"$@\"\n");
            Files.setPosixFilePermissions(w, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @AfterAll
    static void stopSlurm() throws Exception {
        if (dir != null && ci != null) {
            new ProcessBuilder("bash", ci.resolve("slurm-down.sh").toString(), dir.resolve("slurm").toString())
                    .inheritIO().start().waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void aSubmittedExperimentRunsAsJobArraysAndItsResultsAppearInTheStore() throws Exception {
        Path log = dir.resolve("executions.log");
        Path exp = TinyExperiment.writeSmall(dir, log);
        Path store = dir.resolve("store");
        String launcher = TinyExperiment.java() + " -Xmx256m -cp " + TinyExperiment.classPath() + " org.lowfreq.app.Main";
        TinyExperiment.Run r = TinyExperiment.lowfreq("submit", exp.toString(), "--store", store.toString(),
                "--sbatch", bin.resolve("sbatch").toString(), "--launcher", launcher, "--wait");
        assertThat(r.code()).as("%s%s%nslurm logs:%n%s", r.out(), r.err(), slurmLogs(store)).isZero();
        // 2 trainings in one array; each model's probe after its own training task; the report after both probes
        assertThat(r.out()).containsPattern("submitted (\\d+) 00-train.sbatch: 2 task\\(s\\) train")
                .containsPattern("01-probe.sbatch: 1 task\\(s\\) probe  --dependency=afterok:\\d+_0")
                .containsPattern("02-probe.sbatch: 1 task\\(s\\) probe  --dependency=afterok:\\d+_1")
                .containsPattern("03-report.sbatch: 1 task\\(s\\) report  --dependency=afterok:\\d+:\\d+")
                .contains("all Slurm jobs ended: 5 of 5 jobs done");
        try (Stream<Path> s = Files.list(store.resolve("jobs"))) {
            assertThat(s.filter(j -> {
                try {
                    return Files.readString(j.resolve("run.json")).contains("\"slurm_job_id\"");
                } catch (IOException e) {
                    return false;
                }
            }).count()).isEqualTo(5);
        }
        assertThat(Files.readAllLines(log)).hasSize(2).doesNotHaveDuplicates();
        TinyExperiment.Run again = TinyExperiment.lowfreq("submit", exp.toString(), "--store", store.toString(),
                "--sbatch", bin.resolve("sbatch").toString(), "--launcher", launcher);
        assertThat(again.out()).contains("nothing to submit: all 5 jobs are done");
    }

    private static String slurmLogs(Path store) {
        StringBuilder b = new StringBuilder();
        try (Stream<Path> s = Files.list(store.resolve("slurm"))) {
            for (Path p : s.filter(f -> f.toString().endsWith(".out")).sorted().toList()) {
                b.append("== ").append(p.getFileName()).append('\n').append(Files.readString(p));
            }
        } catch (IOException e) {
            b.append(e);
        }
        return b.toString();
    }
}
