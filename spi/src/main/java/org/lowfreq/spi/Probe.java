package org.lowfreq.spi;

import java.util.Set;

/** Measures something about a classifier on a data set and reports tidy rows and artifacts. */
public interface Probe {
    /** Name used on the command line and in results, e.g. {@code hybrid}. */
    String name();

    String description();

    /** The option keys it understands (anything else is refused with this list). */
    Set<String> optionNames();

    void run(ProbeContext context);

    /**
     * Checks option keys and values as strictly as {@link #run} will, without data or a model, so
     * that {@code lowfreq plan} refuses a bad experiment before its trainings run. The default checks
     * the keys; a probe whose options name things (corruptions, files) checks those too.
     */
    default void checkOptions(Options options) {
        options.requireOnly("probe " + name(), optionNames());
    }
}
