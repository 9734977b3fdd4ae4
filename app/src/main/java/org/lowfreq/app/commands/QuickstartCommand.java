package org.lowfreq.app.commands;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.lowfreq.app.GlobalOptions;
import org.lowfreq.app.PluginRegistry;
import org.lowfreq.app.Progress;
import org.lowfreq.experiments.executor.InProcessExecutor;
import org.lowfreq.app.experiment.Experiments;
import org.lowfreq.experiments.plan.Job;
import org.lowfreq.experiments.plan.Plan;
import org.lowfreq.experiments.store.ResultStore;
import org.lowfreq.spi.DatasetProvider;
import org.lowfreq.spi.UserInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lowfreq quickstart}: the small study of experiments/quick.yaml, end to end. */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
        description = {"Run the study in small, end to end, as a first run.",
                "It finds (or downloads) CIFAR-10, trains a baseline and two blur models (ResNet-18 width 16, a few epochs on a subset), runs the hybrid-image probe, a corruption subset and a small targeted-attack set, collects the results and writes the report (under 30 min on a 2-core CPU). Interrupt it any time; running it again continues where it stopped. It runs the experiment file experiments/quick.yaml; parts this build lacks are skipped with a note."})
public final class QuickstartCommand implements Callable<Integer> {
    static final String EXPERIMENT = "experiments/quick.yaml";

    private final Experiments experiments;
    private final InProcessExecutor executor;
    private final PluginRegistry registry;
    private final GlobalOptions global;
    private final Progress progress;

    @Spec
    CommandSpec spec;

    @Option(names = "--store", defaultValue = "store/quick", paramLabel = "DIR",
            description = "Result store (default: ${DEFAULT-VALUE}).")
    Path store;

    @Option(names = "--workers", converter = ValueConverters.AtLeastOne.class, defaultValue = "1", description = "Jobs run at once (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--no-fetch", description = "Do not download CIFAR-10 when it is missing; fail instead.")
    boolean noFetch;

    @Inject
    QuickstartCommand(Experiments experiments, InProcessExecutor executor, PluginRegistry registry,
                      GlobalOptions global, Progress progress) {
        this.experiments = experiments;
        this.executor = executor;
        this.registry = registry;
        this.global = global;
        this.progress = progress;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path file = copyExperiment();
        Plan plan = experiments.plan(file, true);
        Path root = global.dataRoot().path();
        DatasetProvider cifar = registry.dataset(plan.jobs().stream().map(j -> j.string("dataset"))
                .filter(d -> d != null).findFirst().orElse("cifar10"));
        if (!cifar.isPresent(root)) {
            if (noFetch) {
                throw new UserInputException(cifar.name() + " is not in " + root, cifar.howToGet(root));
            }
            out.println("quickstart: " + cifar.name() + " is not in " + root + "; downloading it");
            out.flush();
            cifar.fetch(root, progress.listener());
        }
        out.println("quickstart: data " + cifar.name() + " in " + root + "; experiment " + file + "; store " + store);
        int code = RunCommand.execute(plan, store, workers, 0, 120, executor, out);
        Optional<Job> report = plan.jobs().stream().filter(j -> j.kind().equals("report")).findFirst();
        try (ResultStore rs = new ResultStore(store, java.time.Duration.ofMinutes(2))) {
            plan.notes().forEach(n -> out.println("quickstart skipped: " + n));
            if (report.isPresent() && rs.isDone(report.get().hash())) {
                Path dir = rs.jobDir(report.get().hash());
                out.println("collected results: " + dir.resolve("collected.csv"));
                Path html = dir.resolve("report").resolve("index.html");
                if (Files.isDirectory(dir.resolve("report"))) {
                    out.println("report: " + (Files.exists(html) ? html : dir.resolve("report")));
                } else {
                    out.println("report: not written (this build has no 'lowfreq report' command yet)");
                }
            } else {
                out.println("report: not written, some jobs did not finish (see 'lowfreq status --store " + store + "')");
            }
        }
        // from the JVM's start, so the log shows the command's whole wall time (JVM and plugin start-up
        // included; the launcher's build, if any, came before and is excluded)
        long seconds = Math.round(ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0);
        out.println("quickstart finished in " + seconds + " s");
        out.flush();
        return code;
    }

    /** The shipped experiment file, copied beside the store so that it can be read, edited and re-run. */
    private Path copyExperiment() throws IOException {
        Files.createDirectories(store);
        Path file = store.resolve("quick.yaml");
        try (InputStream in = QuickstartCommand.class.getClassLoader().getResourceAsStream(EXPERIMENT)) {
            if (in == null) {
                throw new UserInputException("this build has no " + EXPERIMENT + " inside", "rebuild with 'mvn package'");
            }
            Path tmp = Files.createTempFile(store, ".quick", ".yaml");
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return file;
    }
}
