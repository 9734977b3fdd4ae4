package org.lowfreq.app.executor;

import jakarta.inject.Inject;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.lowfreq.app.GlobalOptions;
import org.lowfreq.app.Main;
import org.lowfreq.experiments.executor.JobProcessLauncher;

/** Starts a job's child JVM as {@code lowfreq} with this process's global options. */
public final class CliJobProcessLauncher implements JobProcessLauncher {
    private final GlobalOptions global;

    @Inject
    public CliJobProcessLauncher(GlobalOptions global) {
        this.global = global;
    }

    @Override
    public List<String> mainClassAndGlobalOptions(boolean quiet) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Main.class.getName());
        if (global.dataDir() != null) {
            cmd.addAll(List.of("--data-dir", global.dataDir().toAbsolutePath().toString()));
        }
        if (!global.pluginPath().isEmpty()) {
            // absolute: the child may resolve relative paths differently; passed whole, see ChildJobProcess
            cmd.addAll(List.of("--plugin-path", global.pluginPath().stream().map(d -> d.toAbsolutePath().toString())
                    .collect(Collectors.joining(File.pathSeparator))));
        }
        if (quiet || global.quiet()) {
            cmd.add("--quiet");
        }
        if (global.verbose()) {
            cmd.add("--verbose");
        }
        return cmd;
    }
}
