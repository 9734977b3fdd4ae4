package org.lowfreq.app;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.io.PrintWriter;
import org.lowfreq.spi.UserInputException;
import picocli.CommandLine;

/**
 * Entry point: scans the global options, discovers plugins, builds the injector and runs Picocli.
 * Exit codes: 0 ok, 1 failure, 2 usage error. User errors print a message and a hint, never a stack
 * trace unless {@code --verbose}.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        System.out.flush();
        StderrFilterDrain.await(System.getenv(StderrFilterDrain.ENV));
        System.exit(code);
    }

    /** Runs the command line and returns the exit code (used by tests too). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        // PNGs are small: ImageIO's disk cache (imageio*.tmp in the temporary folder) only leaves debris when killed
        javax.imageio.ImageIO.setUseCache(false);
        GlobalOptions options = GlobalOptions.scan(args, System.getenv("LOWFREQ_PLUGIN_PATH"));
        PluginDiscovery discovery = new PluginDiscovery(options.pluginPath(), Main.class.getClassLoader());
        for (PluginLoadFailure f : discovery.failures()) {
            err.println("warning: plugin " + f.source() + " was not loaded: " + f.reason());
        }
        Injector injector = Guice.createInjector(new LowfreqModule(options, discovery));
        CommandLine cli = commandLine(injector);
        cli.setOut(out);
        cli.setErr(err);
        // Always show the usage after a usage error (Picocli shows only suggestions when it has some).
        cli.setParameterExceptionHandler((e, badArgs) -> {
            CommandLine cmd = e.getCommandLine();
            if (e.getCause() instanceof CommandLine.TypeConversionException bad
                    && e.getArgSpec() instanceof CommandLine.Model.OptionSpec option) {
                // a value out of its range is a bad value (exit 1), not a misuse of the command line
                err.println("error: " + option.longestName() + " " + bad.getMessage());
                err.println("hint: see 'lowfreq " + cmd.getCommandSpec().qualifiedName(" ").replaceFirst("^lowfreq ", "")
                        + " --help' for what " + option.longestName() + " takes");
                err.flush();
                return 1;
            }
            err.println("error: " + e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
            cmd.usage(err);
            err.flush();
            return CommandLine.ExitCode.USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            report(e, options.verbose(), err);
            return 1;
        });
        return cli.execute(args);
    }

    /** The Picocli command tree with Guice as its factory. */
    public static CommandLine commandLine(Injector injector) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                try {
                    return injector.getInstance(cls);
                } catch (com.google.inject.ConfigurationException e) {
                    return CommandLine.defaultFactory().create(cls);
                }
            }
        };
        CommandLine cli = new CommandLine(LowfreqCommand.class, factory);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }

    static void report(Throwable e, boolean verbose, PrintWriter err) {
        Throwable cause = e;
        while (!(cause instanceof UserInputException) && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof UserInputException u) {
            err.println("error: " + u.getMessage());
            if (u.hint() != null) {
                err.println("hint: " + u.hint());
            }
        } else {
            err.println("error: " + e);
            if (!verbose) {
                err.println("(run again with --verbose for the stack trace)");
            }
        }
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
    }
}
