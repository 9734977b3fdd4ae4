package org.lowfreq.app.commands;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.lowfreq.experiments.plan.Job;
import org.lowfreq.experiments.store.JobState;
import org.lowfreq.experiments.store.ResultStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lowfreq models --store DIR}: the model folder of each training job, by model name. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = {"List the models a store trained, by name, with the folder each one is saved in.",
                "Those folders are what --model takes, e.g.:",
                "  lowfreq models --store store/quick",
                "  lowfreq eval --model store/quick/jobs/<hash>/model"})
public final class ModelsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--store", required = true, paramLabel = "DIR",
            description = "Result store folder (required; the quickstart's is store/quick).")
    Path store;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        ExistingStore.require(store);
        try (ResultStore rs = new ResultStore(store, Duration.ofMinutes(2))) {
            int listed = 0;
            for (Job j : rs.specs()) {
                if (!j.kind().equals("train")) {
                    continue;
                }
                JobState state = rs.state(j.hash());
                Path model = rs.jobDir(j.hash()).resolve("model");
                String where = state == JobState.DONE && Files.isDirectory(model) ? model.toString()
                        : "(" + state.name().toLowerCase(Locale.ROOT) + ", no model yet)";
                out.printf("%-28s %s%n", j.string("name"), where);
                listed++;
            }
            if (listed == 0) {
                out.println("no training jobs in " + rs.root());
            }
            out.flush();
        }
    }
}
