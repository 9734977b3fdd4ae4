package org.lowfreq.experiments.plan;

import java.util.Map;
import java.util.Set;

/**
 * What the running build offers, as the planner needs it to check an experiment file: names and
 * option keys of the plugins, and whether the command-level pieces (attack protocol) exist.
 *
 * @param datasets          data set names
 * @param trainableBackends model backends that have a trainer
 * @param probes            probe name to the option keys it accepts
 * @param attackOptions     long option names (without dashes) of the {@code attack} command, or null when
 *                          this build has no attack command
 */
public record Catalog(Set<String> datasets, Set<String> trainableBackends, Map<String, Set<String>> probes,
                      Set<String> attackOptions) {
    public Catalog {
        datasets = Set.copyOf(datasets);
        trainableBackends = Set.copyOf(trainableBackends);
        probes = Map.copyOf(probes);
        attackOptions = attackOptions == null ? null : Set.copyOf(attackOptions);
    }
}
