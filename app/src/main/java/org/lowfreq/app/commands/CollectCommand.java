package org.lowfreq.app.commands;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.lowfreq.analysis.report.ResultCollector;
import org.lowfreq.app.Progress;
import org.lowfreq.app.experiment.Experiments;
import org.lowfreq.experiments.plan.Job;
import org.lowfreq.experiments.plan.Plan;
import org.lowfreq.experiments.store.ResultStore;
import org.lowfreq.spi.UserInputException;
import org.lowfreq.experiments.plan.StoreModelIdentity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code lowfreq collect STORE [--experiment FILE | --all] --out results.csv}: joins the jobs' tidy
 * results into one table, of one experiment's current jobs or of the whole store.
 */
@Command(name = "collect", mixinStandardHelpOptions = true,
        description = {"Join the results.csv files of an experiment store into one tidy table (written atomically).",
                "With --experiment FILE, only that experiment's current jobs: the finished jobs of its plan.",
                "A job of an earlier version of the file (e.g. before a probe's limit changed) is left out.",
                "With --all, or with neither option, every results.csv in the store; without --all a note says so.",
                "Folders starting with '.' (unfinished jobs) are skipped; a file with another schema is refused.",
                "Also writes OUT.sources (the job folders read, for 'lowfreq report') and OUT.models.",
                "OUT.models holds each model's identity (training configuration without the seed).",
                "Two different models that share a name are renamed 'NAME [CONFIG sSEED]', with a warning.",
                "Example:", "  lowfreq collect store/quick --experiment experiments/quick.yaml --out results.csv"})
public final class CollectCommand implements Runnable {
    private final Progress progress;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STORE", description = "Experiment store folder (one folder per job).")
    Path store;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The collected table, e.g. results.csv; - for standard output.")
    Path out;

    @Option(names = "--experiment", paramLabel = "FILE",
            description = "Only the current jobs of this experiment file (its plan's finished jobs).")
    Path experiment;

    @Option(names = "--all", description = "Every job in the store: all experiments and all earlier versions of them.")
    boolean all;

    private final Experiments experiments;

    @Inject
    CollectCommand(Progress progress, Experiments experiments) {
        this.progress = progress;
        this.experiments = experiments;
    }

    @Override
    public void run() {
        if (experiment != null && all) {
            throw new ParameterException(spec.commandLine(), "--experiment and --all exclude each other: give one "
                    + "(--experiment FILE for one experiment's current jobs, --all for the whole store)");
        }
        PrintWriter err = spec.commandLine().getErr();
        ResultCollector.Summary s;
        if (experiment != null) {
            s = ResultCollector.collect(currentResults(err), out, progress.listener(), new StoreModelIdentity());
        } else {
            if (!all) {
                // the default stays the whole store, as before --experiment existed, but says what it did
                err.println("note: collected every job in the store, of every experiment and every earlier version of "
                        + "one; pass --experiment FILE for one experiment's current jobs (--all hides this note)");
            }
            s = ResultCollector.collect(store, out, progress.listener(), new StoreModelIdentity());
        }
        // with '--out -' the table is standard output: the summary and warnings go to standard error
        boolean toStdout = out.toString().equals(org.lowfreq.spi.AtomicFiles.STANDARD_OUTPUT);
        s.warnings().forEach(w -> spec.commandLine().getErr().println("warning: " + w));
        (toStdout ? spec.commandLine().getErr()
                : spec.commandLine().getOut()).println("collected " + s.rows() + " rows from " + s.files() + " results files into "
                + s.table());
    }

    /** The results files of the experiment's planned jobs that are done, sorted by path as for the whole store. */
    private List<Path> currentResults(PrintWriter err) {
        ExistingStore.require(store);
        Plan plan = experiments.plan(experiment, true);
        List<Path> files = new ArrayList<>();
        int notDone = 0;
        try (ResultStore rs = new ResultStore(store, Duration.ofSeconds(120))) {
            for (Job job : plan.jobs()) {
                if (!rs.isDone(job.hash())) {
                    notDone++;
                    continue;
                }
                Path f = rs.jobDir(job.hash()).resolve(ResultCollector.RESULTS_FILE);
                if (Files.isRegularFile(f)) {
                    files.add(f);
                }
            }
        }
        if (notDone > 0) {
            err.println("note: " + notDone + " of " + plan.jobs().size() + " jobs of " + experiment + " are not done "
                    + "('lowfreq status --store " + store + " " + experiment + "' lists them)");
        }
        if (files.isEmpty()) {
            throw new UserInputException("no finished job of " + experiment + " in " + store + " has a "
                    + ResultCollector.RESULTS_FILE, "run it first: lowfreq run " + experiment + " --store " + store);
        }
        files.sort(null);
        return files;
    }
}
