package org.lowfreq.corruptions;

import java.nio.file.Path;

/**
 * Writes a uint8 array as a {@code .npy} file, atomically. The shape of
 * {@code org.lowfreq.datasets.npy.NpyWriter::writeUint8}, so the data sets module's writer
 * plugs in once it is on main; until then {@link MinimalNpyWriter} stands in.
 */
@FunctionalInterface
public interface Uint8ArrayWriter {
    void write(Path file, int[] shape, byte[] data);
}
