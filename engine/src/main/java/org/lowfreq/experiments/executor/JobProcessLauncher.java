package org.lowfreq.experiments.executor;

import java.util.List;

/**
 * How to start the command line in a child JVM: {@link ChildJobProcess} adds the JVM options and
 * the class path, then the arguments given here, then {@code run-job HASH --store ... --claim-token ...}.
 * The command line module implements it, so the engine does not depend on the commands.
 */
public interface JobProcessLauncher {
    /**
     * The main class followed by the global options the child should share with this process
     * (data folder, plugin path, verbosity).
     *
     * @param quiet the child must not draw progress bars (its output goes to a log only)
     */
    List<String> mainClassAndGlobalOptions(boolean quiet);
}
