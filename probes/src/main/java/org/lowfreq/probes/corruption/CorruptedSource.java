package org.lowfreq.probes.corruption;

import java.util.List;
import org.lowfreq.probes.data.BatchStream;

/**
 * Where the probe's corrupted images come from: a stored -C set (NPY or the published folder layout)
 * or on-the-fly generation. Images are streamed in batches, never held all at once.
 */
interface CorruptedSource {
    /** Corruption names available, in order. */
    List<String> corruptions();

    /**
     * The first {@code n} images of a corruption at a severity, labelled, as stored (uint8 steps), in
     * batches of {@code batch}.
     */
    BatchStream stream(String corruption, int severity, int n, int batch);

    /**
     * Whether corrupted image i is the corruption of clean image i of the probed split, so that the
     * residual x_c - x means something (true for generated sets and sets written in the clean order).
     */
    boolean alignedWithClean();

    /** How the stored images were converted for the model ("" = not at all), noted on every row. */
    String inputConversion();
}
