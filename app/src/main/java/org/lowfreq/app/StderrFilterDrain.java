package org.lowfreq.app;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The {@code lowfreq} launcher sends stderr through a filter process (it drops TensorFlow's absl
 * log lines; see bin/quiet-native-log.pl) and names it in {@code LOWFREQ_STDERR_FILTER_PID}. A
 * filter outlives the JVM by a moment, so the last error message could appear after the shell's
 * next prompt or be missing from a file read right after the command. Before exiting, the JVM
 * therefore closes its stderr (the filter then sees the end of its input) and waits, briefly, for
 * the filter to finish writing.
 */
final class StderrFilterDrain {
    static final String ENV = "LOWFREQ_STDERR_FILTER_PID";

    private StderrFilterDrain() {
    }

    static void await(String pidText) {
        if (pidText == null || pidText.isBlank()) {
            return;
        }
        Optional<ProcessHandle> filter;
        try {
            filter = ProcessHandle.of(Long.parseLong(pidText.trim()));
        } catch (NumberFormatException e) {
            return;
        }
        if (filter.isEmpty()) {
            return;
        }
        System.err.flush();
        System.err.close(); // closes file descriptor 2: the filter reads end-of-file
        try {
            filter.get().onExit().get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            // a filter that does not finish in time only costs the ordering of the last lines
        }
    }
}
