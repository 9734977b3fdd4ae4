package org.lowfreq.experiments.store;

/** Where a job stands in a result store. */
public enum JobState {
    /** Its folder is complete in {@code jobs/}. */
    DONE,
    /** A live runner holds its claim. */
    RUNNING,
    /** Its last attempt failed ({@code failed/HASH/error.txt}) and it has not been done since. */
    FAILED,
    /** Not started, or its runner died (a stale claim, which the next runner takes over). */
    PENDING
}
