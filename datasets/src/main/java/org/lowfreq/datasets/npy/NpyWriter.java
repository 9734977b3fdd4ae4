package org.lowfreq.datasets.npy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.lowfreq.spi.AtomicFiles;
import org.lowfreq.spi.UserInputException;

/**
 * Writes NPY format 1.0 files (what {@code numpy.save} writes for small headers): little-endian,
 * C order, header padded with spaces to a multiple of 64 bytes,
 * byte for byte what numpy 1.23+ writes. Files are written atomically.
 */
public final class NpyWriter {
    private static final int ALIGN = 64;
    private static final int GROWTH_SPACE = 21;

    private NpyWriter() {
    }

    public static void writeUint8(Path file, int[] shape, byte[] data) {
        check(shape, data.length, file);
        write(file, NpyType.UINT8, shape, out -> out.write(data));
    }

    public static void writeFloat32(Path file, int[] shape, float[] data) {
        check(shape, data.length, file);
        write(file, NpyType.FLOAT32, shape, out -> {
            ByteBuffer b = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
            for (float v : data) {
                if (!b.hasRemaining()) {
                    out.write(b.array(), 0, b.position());
                    b.clear();
                }
                b.putFloat(v);
            }
            out.write(b.array(), 0, b.position());
        });
    }

    /** int64, numpy's default integer type (e.g. {@code labels.npy} of the -C sets). */
    public static void writeInt64(Path file, int[] shape, long[] data) {
        check(shape, data.length, file);
        write(file, NpyType.INT64, shape, out -> {
            ByteBuffer b = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
            for (long v : data) {
                if (!b.hasRemaining()) {
                    out.write(b.array(), 0, b.position());
                    b.clear();
                }
                b.putLong(v);
            }
            out.write(b.array(), 0, b.position());
        });
    }

    /** Convenience: int labels written as int64. */
    public static void writeInt64(Path file, int[] shape, int[] data) {
        writeInt64(file, shape, Arrays.stream(data).asLongStream().toArray());
    }

    /** The complete header (magic, version, length, dict, padding) for an array. */
    public static byte[] header(NpyType type, int[] shape) {
        StringBuilder dims = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            dims.append(shape[i]);
            if (shape.length == 1 || i < shape.length - 1) {
                dims.append(shape.length == 1 ? "," : ", ");
            }
        }
        dims.append(')');
        String dict = "{'descr': '" + new NpyType.Descr(type, ByteOrder.LITTLE_ENDIAN).text()
                + "', 'fortran_order': False, 'shape': " + dims + ", }";
        // numpy >= 1.23 leaves room for the first axis to grow in place; matching it keeps files byte-identical
        int unpadded = NpyArray.MAGIC.length + 2 + 2 + dict.length() + GROWTH_SPACE + 1;
        int pad = (ALIGN - unpadded % ALIGN) % ALIGN;
        String text = dict + " ".repeat(GROWTH_SPACE + pad) + "\n";
        if (text.length() > 0xffff) {
            throw new UserInputException("NPY header too long for format 1.0: shape " + Arrays.toString(shape));
        }
        ByteBuffer b = ByteBuffer.allocate(10 + text.length()).order(ByteOrder.LITTLE_ENDIAN);
        b.put(NpyArray.MAGIC).put((byte) 1).put((byte) 0).putShort((short) text.length());
        b.put(text.getBytes(StandardCharsets.ISO_8859_1));
        return b.array();
    }

    private interface Body {
        void write(OutputStream out) throws IOException;
    }

    private static void write(Path file, NpyType type, int[] shape, Body body) {
        byte[] header = header(type, shape);
        AtomicFiles.write(file, out -> {
            out.write(header);
            body.write(out);
        });
    }

    private static void check(int[] shape, long length, Path file) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new UserInputException("negative dimension in shape " + Arrays.toString(shape) + " for " + file);
            }
            n *= d;
        }
        if (n != length) {
            throw new UserInputException("shape " + Arrays.toString(shape) + " needs " + n + " elements but "
                    + length + " were given for " + file);
        }
    }
}
