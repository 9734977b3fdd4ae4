package org.lowfreq.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.lowfreq.spi.ProgressListener;
import org.lowfreq.spi.UserInputException;

/** Sizes and MD5 checksums of data files, with errors that name the file. */
public final class FileChecks {
    private FileChecks() {
    }

    /** MD5 of a file as lower-case hex. */
    public static String md5(Path file) {
        return md5(file, ProgressListener.NONE);
    }

    /** MD5 of a file, advancing {@code progress} by the bytes read. */
    public static String md5(Path file, ProgressListener progress) {
        MessageDigest md = newMd5();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
                progress.advance(n);
            }
        } catch (IOException e) {
            throw new UserInputException("cannot read " + file + ": " + e.getMessage(), null, e);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    public static String md5(byte[] data) {
        return HexFormat.of().formatHex(newMd5().digest(data));
    }

    private static MessageDigest newMd5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has MD5", e);
        }
    }

    /** Size of a file, or a {@link UserInputException} naming it when it is not there. */
    public static long size(Path file, String hint) {
        if (!Files.isRegularFile(file)) {
            throw new UserInputException("missing file " + file, hint);
        }
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UserInputException("cannot read " + file + ": " + e.getMessage(), hint, e);
        }
    }

    /** Refuses a file whose size differs from {@code expected}. */
    public static void requireSize(Path file, long expected, String hint) {
        long actual = size(file, hint);
        if (actual != expected) {
            throw new UserInputException("file " + file + " has " + actual + " bytes but should have " + expected
                    + (actual < expected ? " (truncated)" : " (too long)"), hint);
        }
    }

    /** Refuses a file whose MD5 differs from {@code expected}. */
    public static void requireMd5(Path file, String expected, String hint) {
        String actual = md5(file);
        if (!actual.equalsIgnoreCase(expected)) {
            throw new UserInputException("MD5 mismatch for " + file + ": got " + actual + ", expected " + expected
                    + " (the file is corrupt or not the official release)", hint);
        }
    }
}
