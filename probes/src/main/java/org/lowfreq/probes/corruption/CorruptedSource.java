package org.lowfreq.probes.corruption;

import java.util.List;
import org.lowfreq.spi.Images;

/** Where the probe's corrupted images come from: a stored -C set or on-the-fly generation. */
interface CorruptedSource {
    /** Corruption names available, in order. */
    List<String> corruptions();

    /** The first {@code n} images of a corruption at a severity, labelled, as stored (uint8 steps). */
    Images read(String corruption, int severity, int n);
}
