package org.lowfreq.app.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job whose process dies by a signal (as a native crash would) is recorded as failed with its
 * exit status and log tail, its claim is released, the jobs that do not need it finish, and the
 * run ends with exit code 1 instead of dying with the job.
 */
class CrashContainmentTest {
    @TempDir
    Path dir;

    @Test
    void jobsKilledBySegvAndAbrtAreRecordedAndTheOthersFinish() throws Exception {
        Path exp = dir.resolve("crash.yaml");
        Files.writeString(exp, """
                name: crash
                dataset: synthetic
                model_defaults: {backend: reference, arch: linear, epochs: 3, batch_size: 16, learning_rate: 0.5}
                models:
                  - name: lin
                  - name: mlp
                    arch: mlp
                    width: 4
                probes:
                  - probe: tiny-accuracy
                  - {probe: tiny-accuracy, options: {sleep_ms: 600000}}
                report: true
                """);
        Path store = dir.resolve("store");
        List<Path> strayBefore = crashFiles(Path.of("").toAbsolutePath());
        CompletableFuture<TinyExperiment.Run> run = CompletableFuture.supplyAsync(() -> TinyExperiment.lowfreq(
                "--quiet", "run", exp.toString(), "--store", store.toString(), "--workers", "4"));
        // 2 trainings and 2 quick probes finish; the 2 sleeping probes are then the only job processes
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(8);
        List<ProcessHandle> sleepers = List.of();
        while (System.nanoTime() < deadline && !run.isDone()) {
            sleepers = jobProcesses();
            if (count(store.resolve("jobs")) == 4 && sleepers.size() == 2) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(sleepers).as("two sleeping job processes; run: %s", run.isDone() ? run.join() : "running")
                .hasSize(2);
        String segvHash = jobHash(sleepers.get(0));
        String abrtHash = jobHash(sleepers.get(1));
        signal("SEGV", sleepers.get(0));
        signal("ABRT", sleepers.get(1));
        TinyExperiment.Run r = run.get(5, TimeUnit.MINUTES);

        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).contains("finished: 4 run, 2 failed, 1 blocked by failures");
        List<Path> failed;
        try (Stream<Path> s = Files.list(store.resolve("failed"))) {
            failed = s.filter(Files::isDirectory).toList();
        }
        assertThat(failed).extracting(f -> f.getFileName().toString()).containsExactlyInAnyOrder(segvHash, abrtHash);
        for (Path f : failed) {
            String hash = f.getFileName().toString();
            assertThat(f.resolve("error.txt")).content()
                    .contains(hash.equals(segvHash) ? "died of a native crash (SIGSEGV) (exit status 1)"
                            : "was killed by signal 6 (SIGABRT) (exit status 134)")
                    .contains("Last lines of its output (" + store.toAbsolutePath().normalize().resolve("logs")
                            .resolve(hash).resolve("job.log") + ")");
            assertThat(f.resolve("run.json")).content().contains("\"exit_status\":" + (hash.equals(segvHash) ? 1 : 134));
            assertThat(store.resolve("claims").resolve(hash)).doesNotExist();
            assertThat(store.resolve(".partial").resolve(hash)).doesNotExist();
        }
        // the JVM's crash report of the SIGSEGV went to the job's log folder, not the working folder
        assertThat(crashFiles(store.resolve("logs").resolve(segvHash))).hasSize(1);
        assertThat(crashFiles(Path.of("").toAbsolutePath())).isEqualTo(strayBefore);
        TinyExperiment.Run status = TinyExperiment.lowfreq("status", "--store", store.toString());
        assertThat(status.out()).contains("7 jobs: 4 done, 0 running, 2 failed, 1 pending");
    }

    /** This JVM's child processes that run one job. */
    private static List<ProcessHandle> jobProcesses() {
        // /proc rather than ProcessHandle.Info, whose argument list may be cut short by a long class path
        return ProcessHandle.current().children().filter(p -> {
            try {
                return p.isAlive() && List.of(Files.readString(Path.of("/proc", Long.toString(p.pid()), "cmdline"))
                        .split("\0")).contains("run-job");
            } catch (java.io.IOException e) {
                return false;
            }
        }).toList();
    }

    private static String jobHash(ProcessHandle p) throws Exception {
        List<String> args = List.of(Files.readString(Path.of("/proc", Long.toString(p.pid()), "cmdline")).split("\0"));
        return args.get(args.indexOf("run-job") + 1);
    }

    private static void signal(String name, ProcessHandle p) throws Exception {
        assertThat(new ProcessBuilder("kill", "-" + name, Long.toString(p.pid())).start().waitFor()).isZero();
    }

    private static long count(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.count();
        }
    }

    private static List<Path> crashFiles(Path folder) throws Exception {
        try (Stream<Path> s = Files.walk(folder, 2)) {
            return s.filter(p -> p.getFileName().toString().startsWith("hs_err")).sorted().toList();
        }
    }
}
