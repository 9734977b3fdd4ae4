package org.lowfreq.app;

import java.nio.file.Path;
import java.util.List;
import org.lowfreq.app.commands.AttackCommand;
import org.lowfreq.app.commands.BenchCommand;
import org.lowfreq.app.commands.CollectCommand;
import org.lowfreq.app.commands.CorruptCommand;
import org.lowfreq.app.commands.DataCommand;
import org.lowfreq.app.commands.EvalCommand;
import org.lowfreq.app.commands.ImportCommand;
import org.lowfreq.app.commands.ManifoldCommand;
import org.lowfreq.app.commands.ModelsCommand;
import org.lowfreq.app.commands.PlanCommand;
import org.lowfreq.app.commands.PluginsCommand;
import org.lowfreq.app.commands.ProbeCommand;
import org.lowfreq.app.commands.QuickstartCommand;
import org.lowfreq.app.commands.ReportCommand;
import org.lowfreq.app.commands.RunCommand;
import org.lowfreq.app.commands.RunJobCommand;
import org.lowfreq.app.commands.SpectrumCommand;
import org.lowfreq.app.commands.StatusCommand;
import org.lowfreq.app.commands.SubmitCommand;
import org.lowfreq.app.commands.TrainCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The root command. Subcommands are listed here; each is built by Guice. */
@Command(name = "lowfreq", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Measure image classifiers' preference for low or high spatial frequencies and their robustness, side by side; build models whose frequency preference is set on purpose.",
        subcommandsRepeatable = false, usageHelpAutoWidth = true,
        // in the order a study uses them: data, models, probes, robustness, analysis, studies, tools
        subcommands = {
                QuickstartCommand.class,
                DataCommand.class,
                TrainCommand.class,
                ImportCommand.class,
                EvalCommand.class,
                ProbeCommand.class,
                AttackCommand.class,
                SpectrumCommand.class,
                CorruptCommand.class,
                CollectCommand.class,
                ReportCommand.class,
                ManifoldCommand.class,
                PlanCommand.class,
                RunCommand.class,
                StatusCommand.class,
                ModelsCommand.class,
                SubmitCommand.class,
                RunJobCommand.class,
                PluginsCommand.class,
                BenchCommand.class,
        })
public final class LowfreqCommand implements Runnable {
    // Parsed early by GlobalOptions.scan; declared here so they are accepted anywhere and documented.
    @Option(names = "--data-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Data root: ~/.cache/lowfreq unless this option or $LOWFREQ_DATA names another.")
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
