package org.lowfreq.app.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.lowfreq.app.PluginRegistry;
import org.lowfreq.app.executor.AttackJobKind;
import org.lowfreq.app.executor.Subcommands;
import org.lowfreq.experiments.plan.Job;
import org.lowfreq.experiments.plan.Plan;
import org.lowfreq.spi.Options;
import org.lowfreq.spi.Probe;
import org.lowfreq.spi.UserInputException;

/**
 * Checks the option values of a plan's probe and attack jobs the way the jobs will read them, so a
 * typo in an experiment file ({@code corruptions: [fog, bogus]}, an attack option {@code quiet: true})
 * is refused by {@code plan} and {@code run} before any training starts, not hours later.
 */
final class JobOptionCheck {
    private final PluginRegistry registry;
    private final Subcommands commands;

    JobOptionCheck(PluginRegistry registry, Subcommands commands) {
        this.registry = registry;
        this.commands = commands;
    }

    /** One line per job whose options its probe or the attack command would refuse. */
    List<String> problems(Plan plan) {
        List<String> out = new ArrayList<>();
        Set<String> attackOptions = commands.options("attack").orElse(Set.of());
        for (Job job : plan.jobs()) {
            switch (job.kind()) {
                case "probe" -> {
                    try {
                        Probe probe = registry.probe(job.string("probe"));
                        probe.checkOptions(new Options(job.strings("options")));
                    } catch (UserInputException e) {
                        out.add(job.label() + ": " + e.getMessage() + (e.hint() == null ? "" : " (" + e.hint() + ")"));
                    }
                }
                case "attack" -> commands.parseProblem(
                                AttackJobKind.arguments(job, attackOptions, "MODEL", "OUT", 0))
                        .ifPresent(p -> out.add(job.label() + ": " + p));
                default -> {
                }
            }
        }
        return out.stream().distinct().toList();
    }
}
