package org.lowfreq.experiments.executor;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.lowfreq.experiments.plan.Job;
import org.lowfreq.experiments.store.ResultStore;
import org.lowfreq.spi.ProgressListener;

/**
 * What a running job gets.
 *
 * @param job      the job
 * @param store    the store (to find the outputs of the jobs it depends on)
 * @param workDir  its work folder; everything written here is published when the job succeeds
 * @param threads  compute threads it may use (>= 1)
 * @param progress progress reporting
 * @param log      one-line messages for the user (e.g. a part skipped because this build lacks it)
 */
public record JobContext(Job job, ResultStore store, Path workDir, int threads, ProgressListener progress,
                         PrintWriter log) {
    /** The saved model this job runs on: the output of its training job, or an imported folder. */
    public Path modelDir() {
        String train = job.string("model");
        return train != null ? store.modelDir(train) : Path.of(job.string("model_path"));
    }
}
