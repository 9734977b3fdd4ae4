package org.lowfreq.corruptions;

import java.nio.file.Path;

/**
 * Writes a uint8 array as a {@code .npy} file, atomically: a seam so tests can watch or fail
 * writes. {@link #NPY} is the data sets module's writer.
 */
@FunctionalInterface
public interface Uint8ArrayWriter {
    Uint8ArrayWriter NPY = org.lowfreq.datasets.npy.NpyWriter::writeUint8;

    void write(Path file, int[] shape, byte[] data);
}
