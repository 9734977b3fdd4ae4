package org.lowfreq.app.commands;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.lowfreq.experiments.executor.InProcessExecutor;
import org.lowfreq.app.experiment.Experiments;
import org.lowfreq.experiments.plan.Plan;
import org.lowfreq.experiments.store.ResultStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lowfreq run EXP.yaml --store DIR}: runs an experiment's unfinished jobs in this process. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the jobs of an experiment that are not done in the store, in dependency order.",
                "Interrupt it at any time: running it again does only what is left. Several runs (or Slurm tasks) may share one store; each job is done once. Exit code 1 when a job failed (its error is in STORE/failed/HASH/error.txt); the other jobs still run.",
                "Example: lowfreq run experiments/quick.yaml --store store/quick --workers 2"})
public final class RunCommand implements Callable<Integer> {
    private final Experiments experiments;
    private final InProcessExecutor executor;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EXPERIMENT", description = "Experiment file (YAML).")
    Path file;

    @Option(names = "--store", required = true, paramLabel = "DIR", description = "Result store folder (required).")
    Path store;

    @Option(names = "--workers", converter = ValueConverters.AtLeastOne.class, defaultValue = "1", description = "Jobs run at once (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--threads", defaultValue = "0",
            description = "Compute threads per job (0 = cores / workers).")
    int threads;

    @Option(names = "--stale-after", defaultValue = "120", paramLabel = "SECONDS",
            description = "Take over a claim of another host after this long without heartbeat (default: ${DEFAULT-VALUE}).")
    long staleAfter;

    @Option(names = "--skip-missing",
            description = "Leave out, with a note, the parts naming a probe, backend or command this build lacks.")
    boolean skipMissing;

    @Inject
    RunCommand(Experiments experiments, InProcessExecutor executor) {
        this.experiments = experiments;
        this.executor = executor;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Plan plan = experiments.plan(file, skipMissing);
        return RunCommand.execute(plan, store, workers, threads, staleAfter, executor, out);
    }

    static int execute(Plan plan, Path store, int workers, int threads, long staleAfter, InProcessExecutor executor,
                       PrintWriter out) throws InterruptedException {
        if (workers < 1) {
            throw new org.lowfreq.spi.UserInputException("--workers must be >= 1, got " + workers);
        }
        plan.notes().forEach(n -> out.println("note: " + n));
        int t = threads > 0 ? threads : InProcessExecutor.threadsPerJob(workers);
        try (ResultStore rs = new ResultStore(store, Duration.ofSeconds(staleAfter))) {
            InProcessExecutor.Summary s = executor.run(rs, plan.jobs(), workers, t, out);
            out.printf("finished: %d run, %d failed, %d blocked by failures, %d done before, %d done by other runners%n",
                    s.ran(), s.failed(), s.blocked(), s.alreadyDone(), s.doneElsewhere());
            out.println("store: " + rs.root() + "   (lowfreq status --store " + rs.root() + ")");
            out.flush();
            return s.ok() ? 0 : 1;
        }
    }
}
