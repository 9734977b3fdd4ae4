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
}
