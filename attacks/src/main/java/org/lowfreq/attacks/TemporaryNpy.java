package org.lowfreq.attacks;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lowfreq.spi.UserInputException;

/**
 * Minimal NPY (format 1.0) reading and writing of little-endian float32 C-order arrays.
 * Temporary: to be replaced by {@code org.lowfreq.datasets.npy} once that is merged.
 */
public final class TemporaryNpy {
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

    private TemporaryNpy() {
    }

    /** A float32 array and its shape. */
    public record FloatArray(int[] shape, float[] data) {
    }

    public static void writeFloat32(Path file, int[] shape, float[] data) {
        long size = 1;
        for (int s : shape) {
            size *= s;
        }
        if (size != data.length) {
            throw new IllegalArgumentException(data.length + " values for shape " + Arrays.toString(shape));
        }
        StringBuilder dims = new StringBuilder();
        for (int s : shape) {
            dims.append(s).append(", ");
        }
        String dimText = shape.length == 1 ? shape[0] + "," : dims.substring(0, dims.length() - 2);
        String header = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + dimText + "), }";
        int total = 10 + header.length() + 1;
        int pad = (64 - total % 64) % 64;
        header = header + " ".repeat(pad) + "\n";
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            try {
                try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp))) {
                    out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
                    byte[] h = header.getBytes(StandardCharsets.US_ASCII);
                    out.write(h.length & 0xFF);
                    out.write(h.length >> 8);
                    out.write(h);
                    ByteBuffer b = ByteBuffer.allocate(4 * 4096).order(ByteOrder.LITTLE_ENDIAN);
                    for (int k = 0; k < data.length; k++) {
                        b.putFloat(data[k]);
                        if (!b.hasRemaining()) {
                            out.write(b.array(), 0, b.position());
                            b.clear();
                        }
                    }
                    out.write(b.array(), 0, b.position());
                }
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UserInputException("cannot write " + file + ": " + e.getMessage());
        }
    }

    public static FloatArray readFloat32(Path file) {
        try (InputStream raw = new java.io.BufferedInputStream(Files.newInputStream(file));
             DataInputStream in = new DataInputStream(raw)) {
            byte[] magic = new byte[8];
            in.readFully(magic);
            if ((magic[0] & 0xFF) != 0x93 || magic[1] != 'N' || magic[2] != 'U') {
                throw new UserInputException(file + " is not an NPY file", "pass a .npy file written by numpy or lowfreq");
            }
            int len;
            if (magic[6] == 1) {
                len = in.readUnsignedByte() | in.readUnsignedByte() << 8;
            } else {
                len = in.readUnsignedByte() | in.readUnsignedByte() << 8 | in.readUnsignedByte() << 16 | in.readUnsignedByte() << 24;
            }
            byte[] h = new byte[len];
            in.readFully(h);
            String header = new String(h, StandardCharsets.ISO_8859_1);
            if (!header.contains("'<f4'") || header.contains("'fortran_order': True")) {
                throw new UserInputException(file + " is not a little-endian float32 C-order array (header " + header.trim() + ")",
                        "save it with numpy as arr.astype('<f4')");
            }
            Matcher m = SHAPE.matcher(header);
            if (!m.find()) {
                throw new UserInputException(file + " has no shape in its header");
            }
            int[] shape = Arrays.stream(m.group(1).split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .mapToInt(Integer::parseInt).toArray();
            long size = 1;
            for (int s : shape) {
                size *= s;
            }
            byte[] bytes = in.readNBytes((int) (4 * size));
            if (bytes.length != 4 * size) {
                throw new UserInputException(file + " is truncated: " + bytes.length + " of " + 4 * size + " data bytes");
            }
            float[] data = new float[(int) size];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(data);
            return new FloatArray(shape, data);
        } catch (IOException e) {
            throw new UserInputException("cannot read " + file + ": " + e.getMessage());
        }
    }
}
