package org.lowfreq.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws Exception {
        Path f = dir.resolve("results.csv");
        AtomicFiles.writeString(f, "old\n");
        assertThatThrownBy(() -> AtomicFiles.write(f, out -> {
            out.write("half".getBytes());
            throw new IOException("disk full");
        })).isInstanceOf(UserInputException.class).hasMessageContaining("results.csv").hasMessageContaining("disk full");
        assertThat(Files.readString(f)).isEqualTo("old\n");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(f);
        }
    }

    @Test
    void writtenFilesAreReadableByOthersLikeOrdinaryFiles() throws Exception {
        Path f = dir.resolve("sub/report.html");
        AtomicFiles.writeString(f, "<html></html>");
        Path plain = dir.resolve("plain.txt");
        Files.writeString(plain, "x");
        // same permissions as a file written the ordinary way (the umask decides), not createTempFile's 0600
        assertThat(Files.getPosixFilePermissions(f)).isEqualTo(Files.getPosixFilePermissions(plain));
        assertThat(Files.getPosixFilePermissions(f)).contains(PosixFilePermission.OWNER_READ);
    }

    @Test
    void anExistingFifoIsWrittenInPlaceNotReplacedByAFile() throws Exception {
        Path fifo = dir.resolve("pipe");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        java.util.concurrent.CompletableFuture<String> reader = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        AtomicFiles.writeString(fifo, "through the pipe\n");
        assertThat(reader.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("through the pipe\n");
        assertThat(Files.isRegularFile(fifo)).isFalse();
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(fifo); // no temporary file either
        }
    }

    @Test
    void aFolderIsRefusedAndADashMeansStandardOutput() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("results.csv"));
        assertThatThrownBy(() -> AtomicFiles.writeString(folder, "x")).isInstanceOf(UserInputException.class)
                .hasMessageContaining("it is a folder");
        java.io.PrintStream saved = System.out;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(captured, true));
        try {
            AtomicFiles.writeString(Path.of("-"), "a,b\n1,2\n");
        } finally {
            System.setOut(saved);
        }
        assertThat(captured.toString()).isEqualTo("a,b\n1,2\n");
        assertThat(Path.of("-")).doesNotExist();
    }

    @Test
    void aSymbolicLinkIsFollowedAndKept() throws Exception {
        Path real = dir.resolve("real.csv");
        Files.writeString(real, "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), real.getFileName());
        AtomicFiles.writeString(link, "new");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("new");
    }
}
