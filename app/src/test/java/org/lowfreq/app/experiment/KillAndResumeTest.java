package org.lowfreq.app.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGKILL a 'lowfreq run' in a child JVM halfway; the re-run does only the rest and the results match. */
class KillAndResumeTest {
    @TempDir
    Path dir;

    @Test
    void aKilledRunResumesWithOnlyTheRemainingJobsAndTheSameResults() throws Exception {
        Path log = dir.resolve("executions.log");
        Path exp = TinyExperiment.write(dir, log, 400, false); // probes sleep so that the kill lands mid-run
        Path store = dir.resolve("store");
        Process child = new ProcessBuilder(TinyExperiment.java(), "-Xmx256m", "-cp", TinyExperiment.classPath(),
                "org.lowfreq.app.Main", "--quiet", "run", exp.toString(), "--store", store.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (finished(store) < 5 && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(child.isAlive()).as("still running halfway; log:%n%s", Files.readString(dir.resolve("child.log")))
                    .isTrue();
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, the claim file stays behind
        }
        child.waitFor();
        int doneAtKill = finished(store);
        assertThat(doneAtKill).isBetween(5, 9);
        List<String> executedBefore = Files.readAllLines(log);

        TinyExperiment.Run rerun = TinyExperiment.lowfreq("--quiet", "run", exp.toString(), "--store", store.toString());
        assertThat(rerun.code()).as(rerun.out() + rerun.err()).isZero();
        assertThat(rerun.out()).contains("10 jobs: " + doneAtKill + " done before, " + (10 - doneAtKill) + " to run")
                .contains("finished: " + (10 - doneAtKill) + " run, 0 failed");
        List<String> executed = Files.readAllLines(log);
        // each probe job completed exactly once over both runs; the killed one (if any) was redone from scratch
        assertThat(executed).hasSize(6).doesNotHaveDuplicates().containsAll(executedBefore);

        Path fresh = dir.resolve("fresh");
        Path exp2 = TinyExperiment.write(Files.createDirectories(dir.resolve("again")), log, 400, false);
        assertThat(exp2).content().isEqualTo(Files.readString(exp)); // same jobs, same hashes
        TinyExperiment.Run uninterrupted = TinyExperiment.lowfreq("--quiet", "run", exp2.toString(), "--store",
                fresh.toString(), "--workers", "2");
        assertThat(uninterrupted.code()).isZero();
        assertThat(TinyExperiment.collected(store)).hasSize(1 + 9).isEqualTo(TinyExperiment.collected(fresh));
    }

    private static int finished(Path store) throws Exception {
        Path jobs = store.resolve("jobs");
        if (!Files.isDirectory(jobs)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(jobs)) {
            return (int) s.count();
        }
    }
}
