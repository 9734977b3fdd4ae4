package org.lowfreq.app.executor;

import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lowfreq.analysis.report.ResultCollector;
import org.lowfreq.experiments.executor.JobContext;
import org.lowfreq.experiments.executor.JobKind;
import org.lowfreq.experiments.plan.StoreModelIdentity;

/**
 * The end of an experiment: joins the results of its jobs into {@code collected.csv} (not
 * {@code results.csv}, so a later collect over the store does not count them twice) and, when this
 * build has the {@code lowfreq report} command, writes the report into {@code report/}.
 */
public final class ReportJobKind implements JobKind {
    private final Subcommands commands;

    @Inject
    public ReportJobKind(Subcommands commands) {
        this.commands = commands;
    }

    @Override
    public String name() {
        return "report";
    }

    @Override
    @SuppressWarnings("unchecked")
    public void run(JobContext ctx) throws Exception {
        List<Path> inputs = new ArrayList<>();
        for (Object hash : (List<Object>) ctx.job().config().get("inputs")) {
            Path csv = ctx.store().jobDir(String.valueOf(hash)).resolve("results.csv");
            if (Files.isRegularFile(csv)) {
                inputs.add(csv);
            }
        }
        Path collected = ctx.workDir().resolve("collected.csv");
        List<String> warnings = new ArrayList<>();
        int rows = ResultCollector.join(inputs, collected, new StoreModelIdentity(), warnings);
        warnings.forEach(w -> ctx.log().println("warning: " + w));
        ctx.log().println("collected " + rows + " result rows from " + inputs.size() + " jobs into " + collected);
        var reportOptions = commands.options("report");
        if (reportOptions.isPresent()) {
            List<String> args = new ArrayList<>(List.of("report", collected.toString(), "--out",
                    ctx.workDir().resolve("report").toString()));
            if (reportOptions.get().contains("store")) {
                args.addAll(List.of("--store", ctx.store().root().resolve("jobs").toString())); // the probes' figures
            }
            commands.run(args, ctx.log());
        } else {
            String note = "skipped the report: this build has no 'lowfreq report' command yet";
            Files.writeString(ctx.workDir().resolve("REPORT-SKIPPED.txt"), note + "\n");
            ctx.log().println(note);
        }
    }
}
