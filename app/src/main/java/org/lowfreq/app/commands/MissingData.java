package org.lowfreq.app.commands;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.lowfreq.app.PluginRegistry;
import org.lowfreq.experiments.plan.Job;
import org.lowfreq.experiments.plan.Plan;
import org.lowfreq.spi.DatasetProvider;

/**
 * The data sets an experiment's jobs read that are not below the data root, each with where to
 * put it. Checked by {@code plan} before any job runs, so a study does not fail only after its
 * trainings (imported model folders and frost overrides are checked by the planner and the
 * corruption probe's option check).
 */
final class MissingData {
    private MissingData() {
    }

    /** One line per missing data set: its name, the jobs that need it and how to get it. */
    static List<String> of(Plan plan, PluginRegistry registry, Path dataRoot) {
        Set<String> names = new TreeSet<>();
        for (Job j : plan.jobs()) {
            Object d = j.config().get("dataset");
            if (d != null) {
                names.add(d.toString());
            }
        }
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            DatasetProvider p = registry.datasets().get(name);
            if (p == null) {
                continue; // the planner already refuses a data set this build does not know
            }
            if (!p.isPresent(dataRoot)) {
                long jobs = plan.jobs().stream().filter(j -> name.equals(String.valueOf(j.config().get("dataset")))).count();
                missing.add(String.format(java.util.Locale.ROOT, "data set %s (%d jobs) is not under %s: %s", name, jobs,
                        dataRoot, p.howToGet(dataRoot)));
            }
        }
        return missing;
    }
}
