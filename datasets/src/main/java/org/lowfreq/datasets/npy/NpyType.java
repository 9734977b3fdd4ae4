package org.lowfreq.datasets.npy;

import java.nio.ByteOrder;
import org.lowfreq.spi.UserInputException;

/** The element types lowfreq reads from NPY files (numpy {@code descr} strings). */
public enum NpyType {
    UINT8(1, true), INT8(1, true), INT16(2, true), UINT16(2, true), INT32(4, true), INT64(8, true),
    FLOAT32(4, false), FLOAT64(8, false);

    private final int bytes;
    private final boolean integer;

    NpyType(int bytes, boolean integer) {
        this.bytes = bytes;
        this.integer = integer;
    }

    public int bytes() {
        return bytes;
    }

    public boolean isInteger() {
        return integer;
    }

    /** Type and byte order of a numpy descr such as {@code |u1}, {@code <f4}, {@code >i8}. */
    public record Descr(NpyType type, ByteOrder order) {
        /** The descr string lowfreq writes (always little-endian). */
        public String text() {
            char o = type.bytes == 1 ? '|' : (order == ByteOrder.BIG_ENDIAN ? '>' : '<');
            String code = switch (type) {
                case UINT8 -> "u1";
                case INT8 -> "i1";
                case INT16 -> "i2";
                case UINT16 -> "u2";
                case INT32 -> "i4";
                case INT64 -> "i8";
                case FLOAT32 -> "f4";
                case FLOAT64 -> "f8";
            };
            return o + code;
        }
    }

    /** Parses a descr; {@code source} names the file in errors. */
    public static Descr parse(String descr, String source) {
        if (descr.length() < 2) {
            throw unsupported(descr, source);
        }
        char o = descr.charAt(0);
        String code = descr.substring(1);
        ByteOrder order = switch (o) {
            case '<', '|', '=' -> ByteOrder.LITTLE_ENDIAN;
            case '>' -> ByteOrder.BIG_ENDIAN;
            default -> throw unsupported(descr, source);
        };
        NpyType t = switch (code) {
            case "u1", "B" -> UINT8;
            case "i1", "b" -> INT8;
            case "i2" -> INT16;
            case "u2" -> UINT16;
            case "i4" -> INT32;
            case "i8" -> INT64;
            case "f4" -> FLOAT32;
            case "f8" -> FLOAT64;
            default -> throw unsupported(descr, source);
        };
        return new Descr(t, order);
    }

    private static UserInputException unsupported(String descr, String source) {
        return new UserInputException("NPY file " + source + " has element type '" + descr
                + "', which lowfreq does not read", "supported: |u1, |i1, <i2, <u2, <i4, <i8, <f4, <f8 (either byte order)");
    }
}
