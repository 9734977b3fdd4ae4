package org.lowfreq.experiments.executor;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.lowfreq.experiments.plan.Job;
import org.lowfreq.experiments.store.Claim;
import org.lowfreq.experiments.store.ResultStore;
import org.lowfreq.spi.UserInputException;

/**
 * Runs one claimed job in its own JVM ({@code lowfreq run-job HASH --claim-token TOKEN}), so that a
 * native crash (TensorFlow, oneDNN) ends that job only. This runner keeps the claim and its
 * heartbeat; the child adopts it, works and publishes or records its own failure. When the child
 * dies without recording one (a signal, a JVM abort), this side records it in {@code failed/HASH/}
 * with the exit status and the tail of the job's log, and the caller releases the claim.
 *
 * <p>The child's output goes to {@code STORE/logs/HASH/job.log}; a JVM crash report goes to the
 * same folder (never the current folder), and the JVM gives up writing it after 20 s.
 */
public final class ChildJobProcess {
    static final String LOG = "job.log";
    private static final int TAIL_LINES = 40;

    private final JobProcessLauncher launcher;

    @Inject
    public ChildJobProcess(JobProcessLauncher launcher) {
        this.launcher = launcher;
    }

    /**
     * Runs the job in a child JVM and waits for it.
     *
     * @param echo also copy the child's output (progress bars) to this process's standard error
     */
    public JobRunner.Outcome run(ResultStore store, Job job, Claim claim, int threads, boolean echo)
            throws InterruptedException {
        String hash = job.hash();
        Path logs = store.logsDir(hash);
        Path log = logs.resolve(LOG);
        Instant start = Instant.now();
        Process p;
        try {
            Files.createDirectories(logs);
            try (Stream<Path> old = Files.list(logs)) {
                for (Path f : old.toList()) {
                    Files.deleteIfExists(f); // the last attempt's output only
                }
            }
            ProcessBuilder pb = new ProcessBuilder(command(store, job, claim, threads, echo, logs))
                    .redirectErrorStream(true);
            // the plugin path is passed whole as --plugin-path; from the environment too it would load twice
            pb.environment().remove("LOWFREQ_PLUGIN_PATH");
            if (!echo) {
                pb.redirectOutput(log.toFile());
            }
            p = pb.start();
            p.getOutputStream().close();
        } catch (IOException e) {
            throw new UserInputException("cannot start the process for job " + hash + ": " + e.getMessage());
        }
        try {
            if (echo) {
                copy(p.getInputStream(), log, System.err);
            }
            int code = p.waitFor();
            if (code == 0) {
                return store.isDone(hash) ? JobRunner.Outcome.DONE : JobRunner.Outcome.LOST;
            }
            if (code == 1 && store.failedAt(hash).map(t -> !t.isBefore(start)).orElse(false)) {
                return JobRunner.Outcome.FAILED; // the job failed and said why
            }
            recordDeath(store, job, p.pid(), code, threads, start, log, logs);
            return JobRunner.Outcome.FAILED;
        } catch (InterruptedException e) {
            p.destroyForcibly();
            throw e;
        }
    }

    private List<String> command(ResultStore store, Job job, Claim claim, int threads, boolean echo, Path logs) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // the crash flags are the job's own; a debugger agent would clash on its port
            if (!a.startsWith("-XX:ErrorFile=") && !a.startsWith("-XX:ReplayDataFile=") && !a.startsWith("-agentlib:jdwp")) {
                cmd.add(a);
            }
        }
        cmd.add("-XX:ErrorFile=" + logs.resolve("hs_err_pid%p.log"));
        cmd.add("-XX:ReplayDataFile=" + logs.resolve("replay_pid%p.log"));
        cmd.add("-XX:ErrorLogTimeout=20");
        cmd.add("-XX:-CreateCoredumpOnCrash");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.addAll(launcher.mainClassAndGlobalOptions(!echo));
        cmd.addAll(List.of("run-job", job.hash(), "--store", store.root().toString(), "--threads",
                Integer.toString(threads), "--claim-token", claim.token()));
        return cmd;
    }

    private static void recordDeath(ResultStore store, Job job, long pid, int code, int threads, Instant start,
                                    Path log, Path logs) {
        List<Path> reports;
        try (Stream<Path> files = Files.list(logs)) {
            reports = files.filter(f -> f.getFileName().toString().startsWith("hs_err")).sorted().toList();
        } catch (IOException e) {
            reports = List.of();
        }
        String how;
        if (code > 128) {
            how = "was killed by signal " + (code - 128) + signalName(code - 128) + " (exit status " + code + ")";
        } else if (!reports.isEmpty()) {
            // the JVM caught the signal, wrote its report and exited with 1 (no core dump asked for)
            how = "died of a native crash" + crashSignal(reports.get(0)) + " (exit status " + code + ")";
        } else {
            how = "exited with status " + code + " without recording a failure";
        }
        StringBuilder details = new StringBuilder("The job's process (pid " + pid + ") " + how + ".\n");
        for (Path r : reports) {
            details.append("JVM crash report: ").append(r).append('\n');
        }
        details.append("\nLast lines of its output (").append(log).append("):\n").append(tail(log));
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("host", store.host());
        run.put("pid", pid);
        run.put("threads", threads);
        run.put("started_utc", start.toString());
        run.put("lowfreq_version", EngineVersion.version());
        run.put("exit_status", code);
        run.put("seconds", Duration.between(start, Instant.now()).toMillis() / 1000.0);
        store.recordFailure(job, "the job's process " + how, details.toString(), run);
    }

    /** " (SIGSEGV)" from a JVM crash report's header line "#  SIGSEGV (0xb) at pc=...", or "". */
    private static String crashSignal(Path report) {
        try (Stream<String> lines = Files.lines(report, StandardCharsets.ISO_8859_1)) {
            return lines.limit(20).map(l -> l.replaceFirst("^#\\s+(SIG[A-Z]+) .*", "$1")).filter(l -> l.matches("SIG[A-Z]+"))
                    .findFirst().map(sig -> " (" + sig + ")").orElse("");
        } catch (IOException | java.io.UncheckedIOException e) {
            return "";
        }
    }

    private static String signalName(int signal) {
        String name = switch (signal) {
            case 4 -> "SIGILL";
            case 6 -> "SIGABRT";
            case 7 -> "SIGBUS";
            case 8 -> "SIGFPE";
            case 9 -> "SIGKILL";
            case 11 -> "SIGSEGV";
            case 15 -> "SIGTERM";
            default -> null;
        };
        return name == null ? "" : " (" + name + ")";
    }

    /** The last lines of a log (lines cut at 500 characters; progress-bar redraws count as lines). */
    static String tail(Path log) {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            String[] lines = text.replace('\r', '\n').split("\n");
            List<String> kept = new ArrayList<>();
            for (int i = lines.length - 1; i >= 0 && kept.size() < TAIL_LINES; i--) {
                if (!lines[i].isBlank()) {
                    String l = lines[i];
                    kept.add(0, l.length() > 500 ? l.substring(0, 500) + "..." : l);
                }
            }
            return String.join("\n", kept) + "\n";
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")\n";
        }
    }

    private static void copy(InputStream in, Path log, OutputStream echo) {
        try (in; OutputStream file = Files.newOutputStream(log)) {
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                file.write(buf, 0, n);
                file.flush();
                echo.write(buf, 0, n);
                echo.flush();
            }
        } catch (IOException e) {
            // the child's output is lost from here on; its exit status still counts
        }
    }

    /**
     * In a job process: ends this JVM at once when the runner that started it is gone (killed with
     * SIGKILL, say), so that no orphan keeps working on a job whose claim is about to go stale and
     * be taken over.
     */
    public static void exitWithParent() {
        ProcessHandle parent = ProcessHandle.current().parent().orElse(null);
        if (parent == null) {
            return;
        }
        Thread watch = new Thread(() -> {
            while (parent.isAlive()) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
            Runtime.getRuntime().halt(3);
        }, "lowfreq-parent-watch");
        watch.setDaemon(true);
        watch.start();
    }
}
