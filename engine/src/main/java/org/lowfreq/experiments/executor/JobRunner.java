package org.lowfreq.experiments.executor;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.lowfreq.experiments.plan.Job;
import org.lowfreq.experiments.store.Claim;
import org.lowfreq.experiments.store.ResultStore;
import org.lowfreq.spi.ProgressListener;
import org.lowfreq.spi.UserInputException;

/** Runs one claimed job: work folder, the job kind, then publish or record the failure. */
public final class JobRunner {
    /** How an attempt ended. */
    public enum Outcome {
        /** Published in {@code jobs/}. */
        DONE,
        /** Failed; {@code failed/HASH/error.txt} says why. */
        FAILED,
        /** Finished, but another runner published it first or took the claim over: nothing written. */
        LOST,
        /** Was already done; nothing run. */
        ALREADY_DONE
    }

    private final JobKinds kinds;

    @Inject
    public JobRunner(JobKinds kinds) {
        this.kinds = kinds;
    }

    /** Runs a job whose claim this process holds, and releases the claim. */
    public Outcome runClaimed(ResultStore store, Job job, Claim claim, int threads, ProgressListener progress,
                              PrintWriter log) {
        try (claim) {
            if (store.isDone(job.hash())) {
                return Outcome.ALREADY_DONE;
            }
            Instant start = Instant.now();
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("host", store.host());
            run.put("pid", ProcessHandle.current().pid());
            run.put("threads", threads);
            run.put("started_utc", start.toString());
            run.put("lowfreq_version", EngineVersion.version());
            String slurm = System.getenv("SLURM_JOB_ID");
            if (slurm != null) {
                run.put("slurm_job_id", slurm);
            }
            try {
                JobKind kind = kinds.get(job.kind());
                var work = store.startWork(claim, kind.resumable());
                kind.run(new JobContext(job, store, work, threads, progress, log));
                run.put("seconds", Duration.between(start, Instant.now()).toMillis() / 1000.0);
                return store.commit(claim, job, run) ? Outcome.DONE : Outcome.LOST;
            } catch (Exception | LinkageError | AssertionError | OutOfMemoryError | StackOverflowError e) {
                run.put("seconds", Duration.between(start, Instant.now()).toMillis() / 1000.0);
                store.recordFailure(job, e, run);
                return Outcome.FAILED;
            }
        }
    }

    /**
     * Runs one job under a claim that the parent runner holds (see {@link ChildJobProcess}); the
     * parent releases the claim once this process has exited.
     */
    public Outcome runAdopted(ResultStore store, String hash, String claimToken, int threads,
                              ProgressListener progress, PrintWriter log) {
        Job job = store.readSpec(hash);
        return runClaimed(store, job, store.adoptClaim(hash, claimToken), threads, progress, log);
    }

    /**
     * Runs one job of the store by hash (what a Slurm task does): nothing when it is done; waits while
     * another live runner holds it; refuses when a dependency is not done.
     */
    public Outcome runOne(ResultStore store, String hash, int threads, ProgressListener progress, PrintWriter log)
            throws InterruptedException {
        Job job = store.readSpec(hash);
        while (true) {
            if (store.isDone(hash)) {
                return Outcome.ALREADY_DONE;
            }
            for (String dep : job.deps()) {
                if (!store.isDone(dep)) {
                    throw new UserInputException("job " + hash + " needs job " + dep + ", which is not done",
                            "run the dependency first (lowfreq run-job " + dep + ") or use lowfreq run");
                }
            }
            Optional<Claim> claim = store.tryClaim(hash);
            if (claim.isPresent()) {
                return runClaimed(store, job, claim.get(), threads, progress, log);
            }
            Instant since = Instant.now();
            log.println("job " + hash + " is held by " + store.readClaim(hash).map(Object::toString).orElse("?")
                    + "; waiting for it");
            log.flush();
            while (store.readClaim(hash).isPresent() && !store.isDone(hash)
                    && store.readClaim(hash).map(c -> !store.isStale(c)).orElse(false)) {
                Thread.sleep(500);
            }
            if (!store.isDone(hash) && store.failedAt(hash).map(t -> t.isAfter(since)).orElse(false)) {
                return Outcome.FAILED; // the other runner's attempt failed: do not run it a second time
            }
        }
    }
}
