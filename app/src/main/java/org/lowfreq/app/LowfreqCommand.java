package org.lowfreq.app;

import java.nio.file.Path;
import java.util.List;
import org.lowfreq.app.commands.BenchCommand;
import org.lowfreq.app.commands.CorruptCommand;
import org.lowfreq.app.commands.CollectCommand;
import org.lowfreq.app.commands.DataCommand;
import org.lowfreq.app.commands.ManifoldCommand;
import org.lowfreq.app.commands.PluginsCommand;
import org.lowfreq.app.commands.ProbeCommand;
import org.lowfreq.app.commands.ReportCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The root command. Subcommands are listed here; each is built by Guice. */
@Command(name = "lowfreq", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Measure image classifiers' preference for low or high spatial frequencies and their",
                "robustness, side by side; build models whose frequency preference is set on purpose."},
        subcommandsRepeatable = false, usageHelpAutoWidth = true,
        subcommands = {
                PluginsCommand.class,
                ProbeCommand.class,
                org.lowfreq.app.commands.PlanCommand.class,
                org.lowfreq.app.commands.RunCommand.class,
                org.lowfreq.app.commands.RunJobCommand.class,
                org.lowfreq.app.commands.StatusCommand.class,
                org.lowfreq.app.commands.SubmitCommand.class,
                org.lowfreq.app.commands.QuickstartCommand.class,
                CollectCommand.class,
                ReportCommand.class,
                ManifoldCommand.class,
                DataCommand.class,
                org.lowfreq.app.commands.AttackCommand.class,
                org.lowfreq.app.commands.SpectrumCommand.class,
                org.lowfreq.app.commands.TrainCommand.class,
                org.lowfreq.app.commands.EvalCommand.class,
                org.lowfreq.app.commands.BenchCommand.class,
                CorruptCommand.class,
        })
public final class LowfreqCommand implements Runnable {
    // Parsed early by GlobalOptions.scan; declared here so they are accepted anywhere and documented.
    @Option(names = "--data-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Data root (default: $LOWFREQ_DATA, else ~/.cache/lowfreq).")
    Path dataDir;

    @Option(names = "--plugin-path", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Folder of plugin jars (repeatable; also $LOWFREQ_PLUGIN_PATH).")
    List<Path> pluginPath;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT, description = "Print stack traces of errors.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT, description = "No progress bars.")
    boolean quiet;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
