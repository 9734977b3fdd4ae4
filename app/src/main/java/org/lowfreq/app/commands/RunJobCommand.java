package org.lowfreq.app.commands;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.lowfreq.app.Progress;
import org.lowfreq.experiments.executor.ChildJobProcess;
import org.lowfreq.experiments.executor.JobRunner;
import org.lowfreq.experiments.store.ResultStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lowfreq run-job HASH --store DIR}: runs one recorded job (what each Slurm task does). */
@Command(name = "run-job", mixinStandardHelpOptions = true,
        description = {"Run one job of a store by its hash (recorded there by 'lowfreq run' or 'lowfreq submit').",
                "Does nothing when it is done; waits while another runner holds it; exit code 1 when it fails."})
public final class RunJobCommand implements Callable<Integer> {
    private final JobRunner runner;
    private final Progress progress;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "HASH", description = "Job hash (see 'lowfreq plan' or 'lowfreq status').")
    String hash;

    @Option(names = "--store", required = true, paramLabel = "DIR", description = "Result store folder (required).")
    Path store;

    @Option(names = "--threads", defaultValue = "0",
            description = "Compute threads (0 = $SLURM_CPUS_PER_TASK, else all cores).")
    int threads;

    @Option(names = "--stale-after", defaultValue = "120", paramLabel = "SECONDS",
            description = "Take over a claim of another host after this long without heartbeat (default: ${DEFAULT-VALUE}).")
    long staleAfter;

    /** Set by 'lowfreq run' for the job process it starts: the claim it holds for this job. */
    @Option(names = "--claim-token", hidden = true, paramLabel = "TOKEN")
    String claimToken;

    @Inject
    RunJobCommand(JobRunner runner, Progress progress) {
        this.runner = runner;
        this.progress = progress;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        int t = threads;
        if (t <= 0) {
            String slurm = System.getenv("SLURM_CPUS_PER_TASK");
            t = slurm != null && slurm.matches("\\d+") ? Integer.parseInt(slurm) : Runtime.getRuntime().availableProcessors();
        }
        try (ResultStore rs = new ResultStore(store, Duration.ofSeconds(staleAfter))) {
            JobRunner.Outcome o;
            if (claimToken != null) {
                ChildJobProcess.exitWithParent();
                o = runner.runAdopted(rs, hash, claimToken, t, progress.listener(), out);
            } else {
                o = runner.runOne(rs, hash, t, progress.listener(), out);
            }
            switch (o) {
                case DONE -> out.println("done " + hash + ": " + rs.jobDir(hash));
                case ALREADY_DONE, LOST -> out.println("done " + hash + " (by another runner): " + rs.jobDir(hash));
                case FAILED -> out.println("FAILED " + hash + ": " + rs.failureSummary(hash) + " (see "
                        + rs.failedDir(hash).resolve("error.txt") + ")");
            }
            out.flush();
            return o == JobRunner.Outcome.FAILED ? 1 : 0;
        }
    }
}
