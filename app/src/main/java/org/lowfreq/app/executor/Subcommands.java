package org.lowfreq.app.executor;

import com.google.inject.Injector;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.lowfreq.app.Main;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Runs other lowfreq commands in this process (the attack protocol, the report), so that a job of
 * the experiment runner uses exactly the code and the options of the command a user would type. A
 * command that this build lacks is reported as absent rather than as an error.
 */
public final class Subcommands {
    private final Injector injector;

    @Inject
    public Subcommands(Injector injector) {
        this.injector = injector;
    }

    /** The long option names (without dashes) of a subcommand, or empty when this build lacks it. */
    public Optional<Set<String>> options(String command) {
        CommandLine sub = Main.commandLine(injector).getSubcommands().get(command);
        if (sub == null) {
            return Optional.empty();
        }
        Set<String> names = new TreeSet<>();
        for (OptionSpec o : sub.getCommandSpec().options()) {
            if (o.inherited()) {
                continue; // --quiet, --data-dir, ...: the runner's, not a job's to set
            }
            for (String n : o.names()) {
                if (n.startsWith("--")) {
                    names.add(n.substring(2));
                }
            }
        }
        return Optional.of(names);
    }

    /**
     * Parses {@code lowfreq ARGS...} as {@link #run} would, without running it: the parse error
     * (unknown option, value out of range, a flag given a value), or empty when the arguments parse.
     */
    public Optional<String> parseProblem(List<String> args) {
        try {
            Main.commandLine(injector).parseArgs(args.toArray(String[]::new));
            return Optional.empty();
        } catch (CommandLine.ParameterException e) {
            return Optional.of(e.getMessage());
        }
    }

    public boolean has(String command) {
        return options(command).isPresent();
    }

    /** Runs {@code lowfreq ARGS...}; throws with the command's error output when it does not exit 0. */
    public void run(List<String> args, PrintWriter log) throws Exception {
        CommandLine cli = Main.commandLine(injector);
        StringWriter err = new StringWriter();
        cli.setOut(log);
        cli.setErr(new PrintWriter(err, true));
        Exception[] thrown = new Exception[1];
        cli.setExecutionExceptionHandler((e, c, p) -> {
            thrown[0] = e;
            return 1;
        });
        int code = cli.execute(args.toArray(String[]::new));
        if (thrown[0] != null) {
            throw thrown[0];
        }
        if (code != 0) {
            throw new IllegalStateException("'lowfreq " + String.join(" ", args) + "' exited with " + code + ": "
                    + err.toString().trim());
        }
        log.flush();
    }
}
