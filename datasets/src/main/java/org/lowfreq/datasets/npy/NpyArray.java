package org.lowfreq.datasets.npy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lowfreq.spi.UserInputException;

/**
 * An array read from a numpy {@code .npy} file (format versions 1.0, 2.0 and 3.0, C order). The
 * raw little- or big-endian bytes are kept; typed views convert on request. Every read checks that
 * the file holds exactly the bytes its header promises, so a truncated file is refused by name.
 */
public final class NpyArray {
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    private final NpyType.Descr descr;
    private final int[] shape;
    private final byte[] raw;

    public NpyArray(NpyType.Descr descr, int[] shape, byte[] raw) {
        this.descr = descr;
        this.shape = shape.clone();
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new UserInputException("negative dimension in NPY shape " + Arrays.toString(shape));
            }
            n *= d;
        }
        if (n * descr.type().bytes() != raw.length) {
            throw new UserInputException("NPY data of " + raw.length + " bytes does not fit shape "
                    + Arrays.toString(shape) + " of " + descr.text());
        }
        this.raw = raw;
    }

    public NpyType type() {
        return descr.type();
    }

    public NpyType.Descr descr() {
        return descr;
    }

    public int[] shape() {
        return shape.clone();
    }

    public long elementCount() {
        return raw.length / descr.type().bytes();
    }

    /** The uint8 elements (the array itself, not a copy). */
    public byte[] uint8() {
        requireType(NpyType.UINT8);
        return raw;
    }

    /** The float32 elements. */
    public float[] float32() {
        requireType(NpyType.FLOAT32);
        float[] out = new float[raw.length / 4];
        ByteBuffer.wrap(raw).order(descr.order()).asFloatBuffer().get(out);
        return out;
    }

    /** Any numeric type as floats (unsigned bytes as 0..255). */
    public float[] toFloats() {
        int n = (int) elementCount();
        float[] out = new float[n];
        ByteBuffer b = ByteBuffer.wrap(raw).order(descr.order());
        for (int i = 0; i < n; i++) {
            out[i] = switch (descr.type()) {
                case UINT8 -> raw[i] & 0xff;
                case INT8 -> raw[i];
                case INT16 -> b.getShort(2 * i);
                case UINT16 -> b.getShort(2 * i) & 0xffff;
                case INT32 -> b.getInt(4 * i);
                case INT64 -> b.getLong(8 * i);
                case FLOAT32 -> b.getFloat(4 * i);
                case FLOAT64 -> (float) b.getDouble(8 * i);
            };
        }
        return out;
    }

    /** Integer elements (e.g. labels, which numpy writes as int64) as ints, range-checked. */
    public int[] toInts() {
        if (!descr.type().isInteger()) {
            throw new UserInputException("NPY array of " + descr.text() + " holds no integers");
        }
        int n = (int) elementCount();
        int[] out = new int[n];
        ByteBuffer b = ByteBuffer.wrap(raw).order(descr.order());
        for (int i = 0; i < n; i++) {
            long v = switch (descr.type()) {
                case UINT8 -> raw[i] & 0xff;
                case INT8 -> raw[i];
                case INT16 -> b.getShort(2 * i);
                case UINT16 -> b.getShort(2 * i) & 0xffff;
                case INT32 -> b.getInt(4 * i);
                case INT64 -> b.getLong(8 * i);
                default -> throw new IllegalStateException();
            };
            if (v != (int) v) {
                throw new UserInputException("NPY element " + i + " = " + v + " does not fit an int");
            }
            out[i] = (int) v;
        }
        return out;
    }

    private void requireType(NpyType t) {
        if (descr.type() != t) {
            throw new UserInputException("NPY array holds " + descr.text() + ", not " + t.name().toLowerCase());
        }
    }

    /** Reads a whole file. */
    public static NpyArray read(Path file) {
        NpyHeader h = readHeader(file);
        return readRange(file, h, 0, h.elementCount(), h.shape());
    }

    /** Reads {@code count} entries of the first axis starting at {@code from} (e.g. one severity of a -C set). */
    public static NpyArray readRows(Path file, long from, int count) {
        NpyHeader h = readHeader(file);
        int[] shape = h.shape();
        if (shape.length == 0 || from < 0 || count < 0 || from + count > shape[0]) {
            throw new UserInputException("rows [" + from + ", " + (from + count) + ") are outside " + file
                    + " of shape " + Arrays.toString(shape));
        }
        shape[0] = count;
        long row = h.rowElements();
        return readRange(file, h, from * row, (long) count * row, shape);
    }

    private static NpyArray readRange(Path file, NpyHeader h, long firstElement, long elements, int[] shape) {
        int item = h.descr().type().bytes();
        long bytes = elements * item;
        if (bytes > Integer.MAX_VALUE - 8) {
            throw new UserInputException("NPY array in " + file + " is too large to read at once (" + bytes
                    + " bytes)", "read it in row ranges");
        }
        byte[] raw = new byte[(int) bytes];
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.wrap(raw);
            long pos = h.dataOffset() + firstElement * item;
            while (buf.hasRemaining()) {
                int n = ch.read(buf, pos);
                if (n < 0) {
                    throw new UserInputException("NPY file " + file + " ends early", "the file is truncated; fetch it again");
                }
                pos += n;
            }
        } catch (IOException e) {
            throw new UserInputException("cannot read " + file + ": " + e.getMessage(), null, e);
        }
        return new NpyArray(h.descr(), shape, raw);
    }

    /** Parses and checks the header, including that the file size matches it exactly. */
    public static NpyHeader readHeader(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer pre = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(pre, 0);
            pre.flip();
            if (pre.remaining() < 10 || !Arrays.equals(Arrays.copyOf(pre.array(), 6), MAGIC)) {
                throw new UserInputException(file + " is not an NPY file (no \\x93NUMPY magic)");
            }
            int major = pre.get(6) & 0xff;
            long headerLen;
            int prefix;
            if (major == 1) {
                headerLen = pre.getShort(8) & 0xffff;
                prefix = 10;
            } else if (major == 2 || major == 3) {
                if (pre.remaining() < 12) {
                    throw new UserInputException("NPY file " + file + " ends inside its header");
                }
                headerLen = pre.getInt(8) & 0xffffffffL;
                prefix = 12;
            } else {
                throw new UserInputException("NPY file " + file + " has format version " + major
                        + ", which lowfreq does not know", "lowfreq reads versions 1.0, 2.0 and 3.0");
            }
            if (headerLen > 1 << 20) {
                throw new UserInputException("NPY file " + file + " claims a header of " + headerLen + " bytes");
            }
            ByteBuffer hb = ByteBuffer.allocate((int) headerLen);
            while (hb.hasRemaining()) {
                if (ch.read(hb, prefix + hb.position()) < 0) {
                    throw new UserInputException("NPY file " + file + " ends inside its header");
                }
            }
            String text = new String(hb.array(), major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
            NpyHeader h = parseHeader(text, file.toString(), prefix + headerLen);
            long expected = h.dataOffset() + h.dataBytes();
            long actual = ch.size();
            if (actual != expected) {
                throw new UserInputException("NPY file " + file + " has " + actual + " bytes but its header ("
                        + h + ") needs " + expected + (actual < expected ? " (truncated)" : " (trailing bytes)"),
                        "the file is damaged; fetch or generate it again");
            }
            return h;
        } catch (NoSuchFileException e) {
            throw new UserInputException("missing file " + file);
        } catch (IOException e) {
            throw new UserInputException("cannot read " + file + ": " + e.getMessage(), null, e);
        }
    }

    /** Parses the Python-literal dict of an NPY header. */
    static NpyHeader parseHeader(String text, String source, long dataOffset) {
        String descr = dictValue(text, "descr", source);
        String fortran = dictValue(text, "fortran_order", source);
        String shapeText = dictValue(text, "shape", source);
        if (!(descr.startsWith("'") && descr.endsWith("'")) && !(descr.startsWith("\"") && descr.endsWith("\""))) {
            throw new UserInputException("NPY file " + source + " has a structured dtype " + descr
                    + ", which lowfreq does not read");
        }
        NpyType.Descr d = NpyType.parse(descr.substring(1, descr.length() - 1), source);
        if (!shapeText.startsWith("(") || !shapeText.endsWith(")")) {
            throw new UserInputException("NPY file " + source + " has a malformed shape " + shapeText);
        }
        List<Integer> dims = new ArrayList<>();
        for (String part : shapeText.substring(1, shapeText.length() - 1).split(",")) {
            String p = part.trim();
            if (p.endsWith("L")) {
                p = p.substring(0, p.length() - 1); // Python 2 longs
            }
            if (!p.isEmpty()) {
                try {
                    dims.add(Integer.parseInt(p));
                } catch (NumberFormatException e) {
                    throw new UserInputException("NPY file " + source + " has a malformed shape " + shapeText);
                }
            }
        }
        int[] shape = dims.stream().mapToInt(Integer::intValue).toArray();
        boolean fortranOrder = switch (fortran) {
            case "True" -> true;
            case "False" -> false;
            default -> throw new UserInputException("NPY file " + source + " has fortran_order " + fortran);
        };
        long nonTrivial = Arrays.stream(shape).filter(x -> x > 1).count();
        if (fortranOrder && nonTrivial > 1) {
            throw new UserInputException("NPY file " + source + " is in Fortran order",
                    "save it in C order, e.g. numpy.save(path, numpy.ascontiguousarray(a))");
        }
        return new NpyHeader(d, shape, dataOffset);
    }

    /** The raw Python literal after {@code 'key':} up to the next top-level comma or brace. */
    private static String dictValue(String text, String key, String source) {
        int k = text.indexOf("'" + key + "'");
        if (k < 0) {
            k = text.indexOf("\"" + key + "\"");
        }
        if (k < 0) {
            throw new UserInputException("NPY file " + source + " has no '" + key + "' in its header");
        }
        int colon = text.indexOf(':', k + key.length() + 2);
        if (colon < 0) {
            throw new UserInputException("NPY file " + source + " has a malformed header");
        }
        int depth = 0;
        int i = colon + 1;
        StringBuilder sb = new StringBuilder();
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if ((c == ',' || c == '}') && depth == 0) {
                break;
            }
            sb.append(c);
        }
        return sb.toString().trim();
    }

}
