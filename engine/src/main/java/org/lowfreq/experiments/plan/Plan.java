package org.lowfreq.experiments.plan;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An expanded experiment: its jobs in dependency order (every job after the jobs it depends on).
 *
 * @param name  the experiment's name
 * @param file  the experiment file
 * @param jobs  the jobs, dependencies first, without duplicates
 * @param notes what was left out and why (parts missing from this build, when asked to skip them)
 * @param slurm sbatch options per job kind (the file's {@code slurm} section, e.g. a GPU for
 *              training), written into that kind's array scripts
 */
public record Plan(String name, Path file, List<Job> jobs, List<String> notes, Map<String, List<String>> slurm) {
    public Plan {
        jobs = List.copyOf(jobs);
        notes = List.copyOf(notes);
        slurm = Map.copyOf(slurm);
    }

    public Plan(String name, Path file, List<Job> jobs, List<String> notes) {
        this(name, file, jobs, notes, Map.of());
    }

    public long count(String kind) {
        return jobs.stream().filter(j -> j.kind().equals(kind)).count();
    }
}
