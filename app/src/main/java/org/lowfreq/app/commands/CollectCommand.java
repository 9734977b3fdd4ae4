package org.lowfreq.app.commands;

import jakarta.inject.Inject;
import java.nio.file.Path;
import org.lowfreq.analysis.report.ResultCollector;
import org.lowfreq.app.Progress;
import org.lowfreq.experiments.plan.StoreModelIdentity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lowfreq collect STORE --out results.csv}: joins every job's tidy results into one table. */
@Command(name = "collect", mixinStandardHelpOptions = true,
        description = {"Join every results.csv below an experiment store into one tidy table (written atomically).",
                "A file with another schema is refused, naming the file. Folders starting with '.' (unfinished jobs)",
                "are skipped. Also writes OUT.sources, the job folders read, so 'lowfreq report' finds their figures,",
                "and OUT.models, each model's identity (training configuration without the seed); two different",
                "models that share a name are renamed 'NAME [CONFIG sSEED]', with a warning.",
                "Example:", "  lowfreq collect store --out results.csv"})
public final class CollectCommand implements Runnable {
    private final Progress progress;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STORE", description = "Experiment store folder (one folder per job).")
    Path store;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The collected table, e.g. results.csv; - for standard output.")
    Path out;

    @Inject
    CollectCommand(Progress progress) {
        this.progress = progress;
    }

    @Override
    public void run() {
        ResultCollector.Summary s = ResultCollector.collect(store, out, progress.listener(), new StoreModelIdentity());
        // with '--out -' the table is standard output: the summary and warnings go to standard error
        boolean toStdout = out.toString().equals(org.lowfreq.spi.AtomicFiles.STANDARD_OUTPUT);
        s.warnings().forEach(w -> spec.commandLine().getErr().println("warning: " + w));
        (toStdout ? spec.commandLine().getErr()
                : spec.commandLine().getOut()).println("collected " + s.rows() + " rows from " + s.files() + " results files into "
                + s.table());
    }
}
