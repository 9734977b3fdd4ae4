package org.lowfreq.app.commands;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.lowfreq.app.GlobalOptions;
import org.lowfreq.app.experiment.Experiments;
import org.lowfreq.experiments.plan.Plan;
import org.lowfreq.experiments.slurm.SlurmSubmitter;
import org.lowfreq.experiments.store.JobState;
import org.lowfreq.experiments.store.ResultStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lowfreq submit EXP.yaml --store DIR}: the unfinished jobs as Slurm job arrays. */
@Command(name = "submit", mixinStandardHelpOptions = true,
        description = {"Submit the unfinished jobs of an experiment to Slurm.",
                "One job array per group of jobs with the same dependencies, each task running 'lowfreq run-job HASH --store DIR', dependencies as --dependency=afterok.",
                "The store must be on a file system the compute nodes share.",
                "Example: lowfreq submit experiments/paper-cifar10.yaml --store /shared/store --cpus-per-task 8 \\",
                "           --sbatch-arg=--gres=gpu:1 --sbatch-arg=--time=12:00:00"})
public final class SubmitCommand implements Callable<Integer> {
    private final Experiments experiments;
    private final GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EXPERIMENT", description = "Experiment file (YAML).")
    Path file;

    @Option(names = "--store", required = true, paramLabel = "DIR", description = "Result store folder (shared) (required).")
    Path store;

    @Option(names = "--cpus-per-task", defaultValue = "1", paramLabel = "N",
            description = "CPUs per task, also its compute threads (default: ${DEFAULT-VALUE}).")
    int cpus;

    @Option(names = "--sbatch-arg", paramLabel = "ARG", description = "Extra sbatch option, e.g. --sbatch-arg=--partition=gpu (repeatable).")
    List<String> sbatchArgs = new ArrayList<>();

    @Option(names = "--launcher", paramLabel = "CMD", split = " ",
            description = "Command that runs lowfreq on the nodes (default: this Java with this class path).")
    List<String> launcher;

    @Option(names = "--sbatch", defaultValue = "sbatch", paramLabel = "PATH", description = "The sbatch program.")
    String sbatch;

    @Option(names = "--dry-run", description = "Write the scripts to STORE/slurm/ without submitting them.")
    boolean dryRun;

    @Option(names = "--wait", description = "Wait until every job is done or failed, then print the status.")
    boolean await;

    @Inject
    SubmitCommand(Experiments experiments, GlobalOptions global) {
        this.experiments = experiments;
        this.global = global;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Plan plan = experiments.plan(file, false);
        List<String> command = launcher != null && !launcher.isEmpty() ? launcher : defaultLauncher(global);
        try (ResultStore rs = new ResultStore(store, Duration.ofMinutes(2))) {
            List<SlurmSubmitter.Array> arrays = new SlurmSubmitter().submit(rs, plan,
                    new SlurmSubmitter.Settings(command, Math.max(1, cpus), sbatchArgs, sbatch, dryRun), out);
            if (!await || dryRun || arrays.isEmpty()) {
                if (!arrays.isEmpty() && !dryRun) {
                    out.println("follow with: lowfreq status --store " + rs.root());
                }
                return 0;
            }
            List<String> ids = arrays.stream().map(SlurmSubmitter.Array::slurmId).toList();
            String squeue = Path.of(sbatch).getParent() == null ? "squeue" : Path.of(sbatch).resolveSibling("squeue").toString();
            while (!SlurmSubmitter.exec(List.of(squeue, "-h", "-o", "%i", "-j", String.join(",", ids))).isBlank()) {
                Thread.sleep(1000);
            }
            long failed = plan.jobs().stream().filter(j -> rs.state(j.hash()) != JobState.DONE).count();
            out.printf("all Slurm jobs ended: %d of %d jobs done%n", plan.jobs().size() - failed, plan.jobs().size());
            out.flush();
            return failed == 0 ? 0 : 1;
        }
    }

    /** This JVM, its class path and memory settings, and the global options, with absolute paths. */
    static List<String> defaultLauncher(GlobalOptions global) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("-Xmx") || a.startsWith("-Xss") || a.startsWith("-Dorg.bytedeco")) {
                cmd.add(a);
            }
        }
        List<String> cp = new ArrayList<>();
        for (String part : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (!part.isBlank()) {
                cp.add(Path.of(part).toAbsolutePath().normalize().toString());
            }
        }
        cmd.addAll(List.of("-cp", String.join(java.io.File.pathSeparator, cp), "org.lowfreq.app.Main"));
        cmd.addAll(List.of("--data-dir", global.dataRoot().path().toAbsolutePath().normalize().toString()));
        for (Path p : global.pluginPath()) {
            cmd.addAll(List.of("--plugin-path", p.toAbsolutePath().normalize().toString()));
        }
        return cmd;
    }
}
