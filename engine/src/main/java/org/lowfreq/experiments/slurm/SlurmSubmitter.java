package org.lowfreq.experiments.slurm;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.lowfreq.experiments.plan.Job;
import org.lowfreq.experiments.plan.Plan;
import org.lowfreq.experiments.store.ResultStore;
import org.lowfreq.spi.UserInputException;

/**
 * Submits the unfinished jobs of a plan to Slurm: one job array per set of jobs that share the same
 * dependencies, each task running {@code lowfreq run-job HASH --store DIR}; dependencies are
 * {@code --dependency=afterok:} on the exact array tasks (or the whole array when all its tasks are
 * needed). The scripts are kept in {@code STORE/slurm/<time>/}.
 */
public final class SlurmSubmitter {
    /**
     * @param launcher    the command that runs lowfreq on the compute nodes (absolute paths: Slurm
     *                    may start tasks without our PATH)
     * @param cpusPerTask {@code --cpus-per-task}; each task uses that many compute threads
     * @param sbatchArgs  further sbatch options (partition, time, memory, gres, ...)
     * @param sbatch      the sbatch program
     * @param dryRun      write the scripts, submit nothing
     */
    public record Settings(List<String> launcher, int cpusPerTask, List<String> sbatchArgs, String sbatch,
                           boolean dryRun) {
    }

    /** One written (and maybe submitted) array. */
    public record Array(Path script, List<Job> tasks, String dependency, String slurmId) {
    }

    public List<Array> submit(ResultStore store, Plan plan, Settings s, PrintWriter out) {
        plan.jobs().forEach(store::saveSpec);
        List<Job> todo = plan.jobs().stream().filter(j -> !store.isDone(j.hash())).toList();
        if (todo.isEmpty()) {
            out.println("nothing to submit: all " + plan.jobs().size() + " jobs are done in " + store.root());
            return List.of();
        }
        Set<String> pending = new LinkedHashSet<>();
        todo.forEach(j -> pending.add(j.hash()));
        // group by the unfinished dependencies; plan order puts every group after the groups it needs
        Map<List<String>, List<Job>> groups = new LinkedHashMap<>();
        for (Job j : todo) {
            List<String> deps = j.deps().stream().filter(pending::contains).sorted().toList();
            // with per-kind sbatch options (a GPU for training only), each array holds one kind
            List<String> key = plan.slurm().isEmpty() ? deps
                    : java.util.stream.Stream.concat(java.util.stream.Stream.of("kind:" + j.kind()), deps.stream()).toList();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(j);
        }
        Path dir = store.root().resolve("slurm").resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern(
                "yyyyMMdd-HHmmss-SSS")));
        Map<String, String> taskId = new LinkedHashMap<>(); // job hash -> slurm "ID_index"
        Map<String, List<String>> arrayTasks = new LinkedHashMap<>(); // slurm ID -> job hashes
        List<Array> arrays = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            int k = 0;
            for (var g : groups.entrySet()) {
                List<Job> tasks = g.getValue();
                String dependency = dependency(g.getKey().stream().filter(d -> !d.startsWith("kind:")).toList(), taskId,
                        arrayTasks, s.dryRun());
                String kind = tasks.get(0).kind() + (tasks.stream().allMatch(t -> t.kind().equals(tasks.get(0).kind()))
                        ? "" : "-mixed");
                Path script = dir.resolve(String.format("%02d-%s.sbatch", k++, kind));
                Files.writeString(script, script(plan, store, s, tasks, kind, dependency), StandardCharsets.UTF_8);
                Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
                String id = s.dryRun() ? "dry" + k : sbatch(s, dependency, script);
                for (int i = 0; i < tasks.size(); i++) {
                    taskId.put(tasks.get(i).hash(), id + "_" + i);
                }
                arrayTasks.put(id, tasks.stream().map(Job::hash).toList());
                arrays.add(new Array(script, tasks, dependency, id));
                out.printf("%s %s: %d task(s) %s%s%n", s.dryRun() ? "wrote" : "submitted " + id, script.getFileName(),
                        tasks.size(), kind, dependency.isEmpty() ? "" : "  --dependency=" + dependency);
            }
        } catch (IOException e) {
            throw new UserInputException("cannot write the Slurm scripts to " + dir + ": " + e.getMessage());
        }
        out.flush();
        return arrays;
    }

    private static String dependency(List<String> deps, Map<String, String> taskId, Map<String, List<String>> arrays,
                                     boolean dryRun) {
        if (deps.isEmpty()) {
            return "";
        }
        Set<String> parts = new LinkedHashSet<>();
        Set<String> needed = Set.copyOf(deps);
        for (var a : arrays.entrySet()) {
            if (needed.containsAll(a.getValue())) {
                parts.add(a.getKey()); // the whole array
            }
        }
        for (String d : deps) {
            String id = taskId.get(d);
            String array = id.substring(0, id.lastIndexOf('_'));
            if (!parts.contains(array)) {
                parts.add(id);
            }
        }
        return "afterok:" + String.join(":", parts);
    }

    private static String script(Plan plan, ResultStore store, Settings s, List<Job> tasks, String kind,
                                 String dependency) {
        StringBuilder b = new StringBuilder("#!/bin/bash\n");
        b.append("# lowfreq submit: ").append(tasks.size()).append(" ").append(kind).append(" job(s) of experiment ")
                .append(plan.name()).append(" (").append(plan.file().toAbsolutePath()).append(")\n");
        if (!dependency.isEmpty()) {
            b.append("# submitted with --dependency=").append(dependency).append("\n");
        }
        b.append("#SBATCH --job-name=lowfreq-").append(plan.name()).append("-").append(kind).append("\n");
        b.append("#SBATCH --array=0-").append(tasks.size() - 1).append("\n");
        b.append("#SBATCH --cpus-per-task=").append(s.cpusPerTask()).append("\n");
        b.append("#SBATCH --output=").append(sbatchQuote(store.root().resolve("slurm") + "/%A_%a.out")).append("\n");
        for (String arg : plan.slurm().getOrDefault(kind, List.of())) {
            b.append("#SBATCH ").append(arg).append("\n"); // the experiment's requests for this kind; --sbatch-arg overrides
        }
        b.append("set -euo pipefail\n");
        b.append("HASHES=(");
        for (Job t : tasks) {
            b.append("\n  ").append(t.hash()).append("  # ").append(t.label().replace('\n', ' '));
        }
        b.append("\n)\n");
        b.append("HASH=\"${HASHES[$SLURM_ARRAY_TASK_ID]}\"\n");
        b.append("exec");
        for (String part : s.launcher()) {
            b.append(' ').append(quote(part));
        }
        b.append(" --quiet run-job \"$HASH\" --store ").append(quote(store.root().toString()))
                .append(" --threads ").append(s.cpusPerTask()).append("\n");
        return b.toString();
    }

    private static String sbatch(Settings s, String dependency, Path script) {
        List<String> cmd = new ArrayList<>(List.of(s.sbatch(), "--parsable"));
        if (!dependency.isEmpty()) {
            cmd.add("--dependency=" + dependency);
        }
        cmd.addAll(s.sbatchArgs());
        cmd.add(script.toString());
        String output = exec(cmd);
        String id = output.trim().split(";")[0].trim();
        if (!id.matches("\\d+")) {
            throw new UserInputException("sbatch answered '" + output.trim() + "', not a job id");
        }
        return id;
    }

    /** Runs a Slurm client command and returns its standard output; throws with its error output on failure. */
    public static String exec(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new UserInputException("'" + String.join(" ", cmd) + "' failed: "
                        + new String(err, StandardCharsets.UTF_8).trim(),
                        "is Slurm running and SLURM_CONF set? (see app/README.md)");
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserInputException("cannot run " + cmd.get(0) + ": " + e.getMessage(),
                    "install the Slurm client (sbatch, squeue) or pass --sbatch PATH");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserInputException("interrupted while running " + cmd.get(0));
        }
    }

    /**
     * A value for an {@code #SBATCH} line. sbatch splits those lines at blanks itself (no shell runs
     * them) and understands double quotes with backslash escapes only, so a path with a blank is
     * written {@code "..."}.
     */
    static String sbatchQuote(String s) {
        return s.matches("[A-Za-z0-9_./=:,+@%-]+") ? s : '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    static String quote(String s) {
        return s.matches("[A-Za-z0-9_./=:,+@%-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
