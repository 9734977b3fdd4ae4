package org.lowfreq.app.executor;

import jakarta.inject.Inject;
import org.lowfreq.app.ProbeRun;
import org.lowfreq.experiments.executor.JobContext;
import org.lowfreq.experiments.executor.JobKind;
import org.lowfreq.experiments.plan.Job;
import org.lowfreq.spi.Options;

/** Runs a probe (hybrid, corruption, ...) on the job's model through {@link ProbeRun}. */
public final class ProbeJobKind implements JobKind {
    private final ProbeRun probeRun;

    @Inject
    public ProbeJobKind(ProbeRun probeRun) {
        this.probeRun = probeRun;
    }

    @Override
    public String name() {
        return "probe";
    }

    @Override
    public void run(JobContext ctx) {
        Job job = ctx.job();
        probeRun.run(new ProbeRun.Request(job.string("probe"), ctx.modelDir(), job.string("dataset"),
                job.string("split"), job.integer("limit"), job.longValue("seed"), ctx.threads(),
                new Options(job.strings("options")), ctx.workDir()));
    }
}
