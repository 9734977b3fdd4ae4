package org.lowfreq.app.commands;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.lowfreq.experiments.plan.CanonicalJson;
import org.lowfreq.app.experiment.Experiments;
import org.lowfreq.experiments.plan.Job;
import org.lowfreq.experiments.plan.Plan;
import org.lowfreq.experiments.store.ResultStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lowfreq plan EXP.yaml}: the expanded jobs of an experiment, without running anything. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Check an experiment file and print its jobs.",
                "For each job: its hash (of the full normalised configuration), kind, what it does and the jobs it "
                        + "needs; with --store, also its state there. Option values are checked as strictly as the "
                        + "jobs will check them, and the data sets the jobs read must be under the data root, before "
                        + "any job runs.",
                "Example: lowfreq plan experiments/quick.yaml"})
public final class PlanCommand implements Runnable {
    private final Experiments experiments;
    private final org.lowfreq.app.PluginRegistry registry;
    private final org.lowfreq.app.GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EXPERIMENT", description = "Experiment file (YAML).")
    Path file;

    @Option(names = "--store", paramLabel = "DIR", description = "Result store, to show each job's state.")
    Path store;

    @Option(names = "--config", description = "Also print each job's full configuration (canonical JSON).")
    boolean config;

    @Option(names = "--skip-missing",
            description = "Leave out, with a note, the parts naming a probe, backend or command this build lacks.")
    boolean skipMissing;

    @Inject
    PlanCommand(Experiments experiments, org.lowfreq.app.PluginRegistry registry, org.lowfreq.app.GlobalOptions global) {
        this.experiments = experiments;
        this.registry = registry;
        this.global = global;
    }

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        Plan plan = experiments.plan(file, skipMissing);
        // a store that does not exist yet is reported as all pending, and not created
        boolean noStoreYet = store != null && !java.nio.file.Files.exists(store);
        ResultStore rs = store == null || noStoreYet ? null : new ResultStore(ExistingStore.require(store), Duration.ofMinutes(2));
        out.printf("experiment %s: %d jobs (%d train, %d probe, %d attack, %d report)%n", plan.name(),
                plan.jobs().size(), plan.count("train"), plan.count("probe"), plan.count("attack"), plan.count("report"));
        for (Job j : plan.jobs()) {
            String state = noStoreYet ? "pending  " : rs == null ? "" : String.format("%-8s ", rs.state(j.hash()).name().toLowerCase(java.util.Locale.ROOT));
            String after = j.deps().isEmpty() ? "" : "  after " + (j.deps().size() > 3
                    ? j.deps().size() + " jobs" : String.join(",", j.deps()));
            out.printf("%s  %s%-7s %s%s%n", j.hash(), state, j.kind(), j.label(), after);
            if (config) {
                out.println("    " + CanonicalJson.write(j.config()));
            }
        }
        plan.notes().forEach(n -> out.println("note: " + n));
        out.flush();
        java.util.List<String> missing = MissingData.of(plan, registry, global.dataRoot().path());
        if (!missing.isEmpty()) {
            throw new org.lowfreq.spi.UserInputException("missing before any job can run:\n  " + String.join("\n  ", missing),
                    "each line says where the files go; 'lowfreq data list' shows what is present");
        }
    }
}
