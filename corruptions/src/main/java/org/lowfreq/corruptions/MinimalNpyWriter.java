package org.lowfreq.corruptions;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.lowfreq.spi.UserInputException;

/** NPY 1.0, '|u1', C order, header padded to 64 bytes as numpy pads it; written to a temp file and renamed. */
public final class MinimalNpyWriter implements Uint8ArrayWriter {
    @Override
    public void write(Path file, int[] shape, byte[] data) {
        long n = Arrays.stream(shape).asLongStream().reduce(1, (a, b) -> a * b);
        if (n != data.length) {
            throw new IllegalArgumentException(data.length + " bytes for shape " + Arrays.toString(shape));
        }
        String dims = Arrays.stream(shape).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        if (shape.length == 1) {
            dims += ",";
        }
        String dict = "{'descr': '|u1', 'fortran_order': False, 'shape': (" + dims + "), }";
        int unpadded = 10 + dict.length() + 1;
        int total = (unpadded + 63) / 64 * 64;
        String header = dict + " ".repeat(total - unpadded) + "\n";
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(tmp)) {
                out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
                int len = header.length();
                out.write(new byte[] {(byte) (len & 0xFF), (byte) (len >> 8)});
                out.write(header.getBytes(StandardCharsets.ISO_8859_1));
                out.write(data);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UserInputException("cannot write " + file + ": " + e.getMessage());
        }
    }
}
