package org.lowfreq.spi;

/**
 * Progress of long work. The command line draws a progress bar; tests and batch jobs pass
 * {@link #NONE}. Implementations must be thread-safe for {@link #advance}.
 */
public interface ProgressListener {
    ProgressListener NONE = new ProgressListener() {
        @Override
        public void start(String task, long total) {
        }

        @Override
        public void advance(long steps) {
        }
    };

    /** Begins a task of {@code total} steps (-1 when unknown). */
    void start(String task, long total);

    void advance(long steps);

    /** Extra text shown beside the bar, e.g. {@code loss=1.23 acc=0.45}. */
    default void status(String text) {
    }

    /** The task is over. */
    default void finish() {
    }
}
