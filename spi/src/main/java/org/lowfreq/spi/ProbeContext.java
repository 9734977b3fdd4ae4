package org.lowfreq.spi;

import java.nio.file.Path;

/**
 * Everything a probe run gets.
 *
 * @param classifier the model under test
 * @param dataset    the data set
 * @param split      the split to use (usually {@code test})
 * @param options    the probe's options
 * @param seed       base seed; a probe with several seeds derives them from it
 * @param threads    worker threads it may use (>= 1)
 * @param outDir     folder for artifacts (figures, arrays); exists
 * @param progress   progress reporting
 * @param sink       tidy results
 */
public record ProbeContext(Classifier classifier, Dataset dataset, String split, Options options, long seed,
                           int threads, Path outDir, ProgressListener progress, ResultSink sink) {
}
