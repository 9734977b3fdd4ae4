package org.lowfreq.spi;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file under a temporary name in its folder and renames it when complete, so a crash never
 * leaves a half-written file where a complete one is expected. The one way lowfreq writes files.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /**
     * True for the name of a temporary file of {@link #write} ({@code .NAME.HEX.tmp}; trainers name
     * their temporary folders the same way): debris when seen after the writer is gone.
     */
    public static boolean isTemporary(Path file) {
        String n = file.getFileName().toString();
        return n.startsWith(".") && n.matches("\\..+\\.[0-9a-f]{1,16}\\.tmp");
    }

    /** What writes the content. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /** The path that means standard output ({@code --out -}). */
    public static final String STANDARD_OUTPUT = "-";

    /**
     * Writes {@code target} atomically: readers see the old file or the complete new one, never a part.
     * Three targets are not renamed over, since a rename would replace them by a regular file:
     * {@code -} is standard output; an existing device, FIFO or socket (e.g. {@code /dev/null}, even as
     * root) is written in place; an existing folder is refused. A symbolic link is followed, so the
     * file it points to is replaced and the link stays.
     */
    public static void write(Path target, Writer writer) {
        if (target.toString().equals(STANDARD_OUTPUT)) {
            writeToStandardOutput(writer);
            return;
        }
        if (Files.isDirectory(target)) {
            throw new UserInputException("cannot write " + target + ": it is a folder", "give a file name");
        }
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            writeInPlace(target, writer);
            return;
        }
        if (Files.isSymbolicLink(target)) {
            try {
                // the file the link resolves to, or for a dangling link the path it names
                target = Files.exists(target) ? target.toRealPath()
                        : target.toAbsolutePath().getParent().resolve(Files.readSymbolicLink(target));
            } catch (IOException e) {
                throw new UserInputException("cannot follow the link " + target + ": " + e.getMessage());
            }
        }
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            // not Files.createTempFile: its files are private (0600); results should follow the umask like any other file
            tmp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(
                    java.util.concurrent.ThreadLocalRandom.current().nextLong()) + ".tmp");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp,
                    java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE), 1 << 16)) {
                writer.write(out);
            }
            move(tmp, target);
            tmp = null;
        } catch (IOException e) {
            throw new UserInputException("cannot write " + target + ": " + e.getMessage(),
                    "check that the folder is writable and the disk not full", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the original error matters more than a left-over temp file
                }
            }
        }
    }

    private static void writeToStandardOutput(Writer writer) {
        // System.out stays open for the rest of the program: only flushed
        OutputStream out = new java.io.FilterOutputStream(System.out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                this.out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
        try {
            writer.write(out);
            out.flush();
        } catch (IOException e) {
            throw new UserInputException("cannot write to standard output: " + e.getMessage());
        }
    }

    /** A device or FIFO cannot be replaced, only written: there is nothing half-written to avoid. */
    private static void writeInPlace(Path target, Writer writer) {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target,
                java.nio.file.StandardOpenOption.WRITE), 1 << 16)) {
            writer.write(out);
        } catch (IOException e) {
            throw new UserInputException("cannot write " + target + ": " + e.getMessage(),
                    "give a regular file, '-' for standard output, or a device you may write to");
        }
    }

    /** Writes text as UTF-8, atomically. */
    public static void writeString(Path target, String text) {
        write(target, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Renames atomically where the file system can, replacing the target. */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
