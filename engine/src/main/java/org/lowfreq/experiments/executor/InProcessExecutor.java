package org.lowfreq.experiments.executor;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.lowfreq.experiments.plan.Job;
import org.lowfreq.experiments.store.Claim;
import org.lowfreq.experiments.store.ResultStore;

/**
 * Runs a plan's jobs with N workers, in dependency order, skipping finished jobs. Each job runs in
 * its own JVM ({@link ChildJobProcess}), so a native crash ends that job only: it is recorded as
 * failed, its claim released, and the jobs that do not need it go on.
 * Other runners (processes, Slurm tasks) may work on the same store at the same time: a job held by
 * one of them is waited for, never run twice. A failed job is recorded and its dependents are left
 * out; the other jobs go on.
 */
public final class InProcessExecutor {
    /** What a run did. */
    public record Summary(int ran, int failed, int blocked, int alreadyDone, int doneElsewhere) {
        public boolean ok() {
            return failed == 0 && blocked == 0;
        }
    }

    private record Finished(Job job, JobRunner.Outcome outcome, Duration took) {
    }

    private final ChildJobProcess jobProcess;

    @Inject
    public InProcessExecutor(ChildJobProcess jobProcess) {
        this.jobProcess = jobProcess;
    }

    /** Threads per job when {@code workers} jobs share this machine's cores. */
    public static int threadsPerJob(int workers) {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / Math.max(1, workers));
    }

    public Summary run(ResultStore store, List<Job> jobs, int workers, int threads, PrintWriter out)
            throws InterruptedException {
        Instant started = Instant.now();
        jobs.forEach(store::saveSpec);
        Map<String, Job> todo = new LinkedHashMap<>();
        int alreadyDone = 0;
        for (Job j : jobs) {
            if (store.isDone(j.hash())) {
                alreadyDone++;
            } else {
                todo.put(j.hash(), j);
            }
        }
        int total = todo.size();
        out.printf(Locale.ROOT, "%d jobs: %d done before, %d to run; %d worker(s) x %d thread(s)%n", jobs.size(),
                alreadyDone, total, workers, threads);
        out.flush();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "lowfreq-job");
            t.setDaemon(true);
            return t;
        });
        ExecutorCompletionService<Finished> completions = new ExecutorCompletionService<>(pool);
        Set<String> inFlight = new HashSet<>();
        Set<String> failed = new HashSet<>();
        Set<String> blocked = new HashSet<>();
        Set<String> toldWaiting = new HashSet<>();
        int ran = 0;
        int doneElsewhere = 0;
        int finishedCount = 0;
        try {
            while (!todo.isEmpty()) {
                for (Job job : new ArrayList<>(todo.values())) {
                    String h = job.hash();
                    if (inFlight.contains(h)) {
                        continue;
                    }
                    if (store.isDone(h)) {
                        todo.remove(h);
                        doneElsewhere++;
                        finishedCount++;
                        line(out, finishedCount, total, "done elsewhere", job, null);
                        continue;
                    }
                    if (store.failedAt(h).map(t -> t.isAfter(started)).orElse(false)) {
                        todo.remove(h); // another runner tried it during this run and it failed
                        failed.add(h);
                        finishedCount++;
                        line(out, finishedCount, total, "failed elsewhere", job, null);
                        continue;
                    }
                    Optional<String> badDep = job.deps().stream()
                            .filter(d -> failed.contains(d) || blocked.contains(d)).findFirst();
                    if (badDep.isPresent()) {
                        todo.remove(h);
                        blocked.add(h);
                        finishedCount++;
                        line(out, finishedCount, total, "blocked", job, "needs " + badDep.get() + ", which failed");
                        continue;
                    }
                    if (!job.deps().stream().allMatch(store::isDone) || inFlight.size() >= workers) {
                        continue;
                    }
                    Optional<Claim> claim = store.tryClaim(h);
                    if (claim.isEmpty()) {
                        // another runner has it; we see its result on a later pass
                        if (toldWaiting.add(h)) {
                            line(out, finishedCount, total, "waiting", job, "held by "
                                    + store.readClaim(h).map(Object::toString).orElse("another runner"));
                        }
                        continue;
                    }
                    inFlight.add(h);
                    out.println("start " + job);
                    out.flush();
                    boolean echo = workers == 1; // one job at a time: its progress bars are ours
                    completions.submit(() -> {
                        Instant t0 = Instant.now();
                        JobRunner.Outcome o;
                        try (Claim c = claim.get()) {
                            o = jobProcess.run(store, job, c, threads, echo);
                        }
                        return new Finished(job, o, Duration.between(t0, Instant.now()));
                    });
                }
                if (todo.isEmpty()) {
                    break;
                }
                Future<Finished> f = completions.poll(inFlight.isEmpty() ? 500 : 1000, TimeUnit.MILLISECONDS);
                while (f != null) {
                    Finished done;
                    try {
                        done = f.get();
                    } catch (ExecutionException e) {
                        throw new IllegalStateException("job runner crashed", e.getCause());
                    }
                    String h = done.job().hash();
                    inFlight.remove(h);
                    todo.remove(h);
                    finishedCount++;
                    switch (done.outcome()) {
                        case DONE -> {
                            ran++;
                            line(out, finishedCount, total, "done", done.job(), seconds(done.took()));
                        }
                        case FAILED -> {
                            failed.add(h);
                            line(out, finishedCount, total, "FAILED", done.job(), store.failureSummary(h)
                                    + " (see " + store.failedDir(h).resolve("error.txt") + ")");
                        }
                        case LOST, ALREADY_DONE -> {
                            doneElsewhere++;
                            line(out, finishedCount, total, "done elsewhere", done.job(), null);
                        }
                    }
                    f = completions.poll();
                }
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
        return new Summary(ran, failed.size(), blocked.size(), alreadyDone, doneElsewhere);
    }

    private static synchronized void line(PrintWriter out, int k, int n, String what, Job job, String detail) {
        out.printf(Locale.ROOT, "[%d/%d] %-14s %s%s%n", k, n, what, job, detail == null ? "" : "  " + detail);
        out.flush();
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "(%.1f s)", d.toMillis() / 1000.0);
    }
}
