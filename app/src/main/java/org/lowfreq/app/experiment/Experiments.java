package org.lowfreq.app.experiment;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.lowfreq.app.PluginRegistry;
import org.lowfreq.app.executor.Subcommands;
import org.lowfreq.experiments.plan.Catalog;
import org.lowfreq.experiments.plan.ExperimentPlanner;
import org.lowfreq.experiments.plan.Plan;

/** Plans experiment files against what this build offers. */
public final class Experiments {
    private final PluginRegistry registry;
    private final Subcommands commands;

    @Inject
    public Experiments(PluginRegistry registry, Subcommands commands) {
        this.registry = registry;
        this.commands = commands;
    }

    public Catalog catalog() {
        Set<String> trainable = registry.modelBackends().values().stream().filter(b -> b.trainer().isPresent())
                .map(b -> b.name()).collect(Collectors.toSet());
        Map<String, Set<String>> probes = new TreeMap<>();
        registry.probes().forEach((name, p) -> probes.put(name, p.optionNames()));
        return new Catalog(registry.datasets().keySet(), trainable, probes, commands.options("attack").orElse(null));
    }

    /** Plans the file and checks every job's option values as strictly as the job will. */
    public Plan plan(Path file, boolean skipUnavailable) {
        Plan plan = new ExperimentPlanner(catalog(), skipUnavailable).plan(file);
        java.util.List<String> problems = new JobOptionCheck(registry, commands).problems(plan);
        if (!problems.isEmpty()) {
            throw new org.lowfreq.spi.UserInputException(problems.size() + " job option problem(s) in " + file + ":\n  "
                    + String.join("\n  ", problems), "fix the options in the experiment file; 'lowfreq plugins' and "
                    + "'lowfreq attack --help' list what each probe and the attack take");
        }
        return plan;
    }
}
