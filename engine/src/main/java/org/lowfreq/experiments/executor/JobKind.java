package org.lowfreq.experiments.executor;

/**
 * How to do one kind of job (train, probe, attack, report). Implementations call the shared code
 * (the backend's Trainer, the probe runner, the attack protocol, the report) and write
 * their results and artifacts into {@link JobContext#workDir()}.
 */
public interface JobKind {
    /** The kind name used in job configurations. */
    String name();

    /** True when an interrupted attempt's work folder should be kept for the next (checkpoints). */
    default boolean resumable() {
        return false;
    }

    /** Does the job; throws to fail it (the error is recorded and the other jobs go on). */
    void run(JobContext context) throws Exception;
}
