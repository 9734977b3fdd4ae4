package org.lowfreq.spi;

import java.nio.file.Path;

/** Turns a collected tidy results table into derived tables and figures. */
public interface Analysis {
    String name();

    String description();

    void run(Path resultsCsv, Path outDir, Options options, ProgressListener progress);
}
