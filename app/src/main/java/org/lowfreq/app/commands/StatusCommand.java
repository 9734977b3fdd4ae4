package org.lowfreq.app.commands;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.lowfreq.app.experiment.Experiments;
import org.lowfreq.experiments.plan.Job;
import org.lowfreq.experiments.store.JobState;
import org.lowfreq.experiments.store.ResultStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lowfreq status --store DIR [EXP.yaml]}: done / running / failed / pending jobs. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show the state of the jobs in a store (or of one experiment in it).",
                "Done, running (with the holder), failed (with the first line of the error) and pending; "
                        + "'lowfreq models' lists the trained models' folders.",
                "Example: lowfreq status --store store/quick"})
public final class StatusCommand implements Runnable {
    private final Experiments experiments;

    @Spec
    CommandSpec spec;

    @Option(names = "--store", required = true, paramLabel = "DIR", description = "Result store folder (required; the quickstart's is store/quick).")
    Path store;

    @Parameters(index = "0", arity = "0..1", paramLabel = "EXPERIMENT", description = "Only this experiment's jobs.")
    Path file;

    @Option(names = "--all", description = "List every job, not only the unfinished ones.")
    boolean all;

    @Option(names = "--stale-after", defaultValue = "120", paramLabel = "SECONDS",
            description = "A claim of another host without heartbeat for this long counts as dead (default: ${DEFAULT-VALUE}).")
    long staleAfter;

    @Inject
    StatusCommand(Experiments experiments) {
        this.experiments = experiments;
    }

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        ExistingStore.require(store);
        try (ResultStore rs = new ResultStore(store, Duration.ofSeconds(staleAfter))) {
            Map<Job, JobState> states = new LinkedHashMap<>();
            if (file != null) {
                experiments.plan(file, true).jobs().forEach(j -> states.put(j, rs.state(j.hash())));
            } else {
                states.putAll(rs.states());
            }
            Map<JobState, Integer> counts = new EnumMap<>(JobState.class);
            for (JobState s : JobState.values()) {
                counts.put(s, 0);
            }
            states.values().forEach(s -> counts.merge(s, 1, Integer::sum));
            out.printf("%s: %d jobs: %d done, %d running, %d failed, %d pending%n", rs.root(), states.size(),
                    counts.get(JobState.DONE), counts.get(JobState.RUNNING), counts.get(JobState.FAILED),
                    counts.get(JobState.PENDING));
            for (var e : states.entrySet()) {
                JobState s = e.getValue();
                if (s == JobState.DONE && !all) {
                    continue;
                }
                String detail = switch (s) {
                    case RUNNING -> "  (" + rs.readClaim(e.getKey().hash()).map(Object::toString).orElse("") + ")";
                    case FAILED -> "  " + rs.failureSummary(e.getKey().hash());
                    default -> "";
                };
                // the label says what the job is ("train baseline ...", "probe hybrid on baseline")
                out.printf("%-8s %s  %s%s%n", s.name().toLowerCase(Locale.ROOT), e.getKey().hash(), e.getKey().label(), detail);
            }
            out.flush();
        }
    }
}
