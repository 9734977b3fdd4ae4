package org.lowfreq.datasets.npy;

import java.util.Arrays;
import org.lowfreq.spi.UserInputException;

/**
 * The parsed header of an NPY file.
 *
 * @param descr      element type and byte order
 * @param shape      dimensions (C order)
 * @param dataOffset byte offset of the first element
 */
public record NpyHeader(NpyType.Descr descr, int[] shape, long dataOffset) {
    public NpyHeader {
        shape = shape.clone();
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** Number of elements. */
    public long elementCount() {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /** Elements per index of the first axis (1 for a 1-D array). */
    public long rowElements() {
        if (shape.length == 0) {
            throw new UserInputException("a 0-d NPY array has no rows");
        }
        long n = 1;
        for (int i = 1; i < shape.length; i++) {
            n *= shape[i];
        }
        return n;
    }

    public long dataBytes() {
        return elementCount() * descr.type().bytes();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpyHeader h && h.descr.equals(descr) && Arrays.equals(h.shape, shape)
                && h.dataOffset == dataOffset;
    }

    @Override
    public int hashCode() {
        return descr.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return descr.text() + " " + Arrays.toString(shape);
    }
}
