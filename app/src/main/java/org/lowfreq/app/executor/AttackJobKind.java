package org.lowfreq.app.executor;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.lowfreq.experiments.executor.JobContext;
import org.lowfreq.experiments.executor.JobKind;
import org.lowfreq.experiments.plan.Job;
import org.lowfreq.spi.UserInputException;

/**
 * Runs the targeted-attack protocol on the job's model through the {@code lowfreq attack} command
 * (issue 5): {@code --model --norm --n --min-prob --seed --out}, {@code --protocol} and {@code --refine} when the job names them,
 * plus each option as {@code --KEY VALUE}.
 * Resumable, as the protocol keeps finished batches.
 */
public final class AttackJobKind implements JobKind {
    private final Subcommands commands;

    @Inject
    public AttackJobKind(Subcommands commands) {
        this.commands = commands;
    }

    @Override
    public String name() {
        return "attack";
    }

    @Override
    public boolean resumable() {
        return true;
    }

    @Override
    public void run(JobContext ctx) throws Exception {
        Job job = ctx.job();
        Set<String> known = commands.options("attack").orElseThrow(() -> new UserInputException(
                "this build has no 'lowfreq attack' command", "merge the attacks module or drop the attacks section"));
        commands.run(arguments(job, known, ctx.modelDir().toString(), ctx.workDir().toString(), ctx.threads()), ctx.log());
    }

    /** The {@code lowfreq attack} arguments of an attack job (also what {@code plan} checks before any job runs). */
    public static List<String> arguments(Job job, Set<String> known, String modelDir, String outDir, int threads) {
        List<String> args = new ArrayList<>(List.of("attack", "--model", modelDir,
                "--norm", job.string("norm"), "--n", job.string("n"), "--min-prob", job.string("min_prob"),
                "--seed", job.string("seed"), "--out", outDir));
        if (job.string("protocol") != null) {
            args.addAll(List.of("--protocol", job.string("protocol")));
        }
        if (job.string("refine") != null) {
            args.addAll(List.of("--refine", job.string("refine")));
        }
        if (known.contains("dataset") && job.string("dataset") != null) {
            args.addAll(List.of("--dataset", job.string("dataset")));
        }
        if (known.contains("threads")) {
            args.addAll(List.of("--threads", Integer.toString(threads)));
        }
        job.strings("options").forEach((k, v) -> {
            args.add("--" + k);
            args.add(v);
        });
        return args;
    }
}
