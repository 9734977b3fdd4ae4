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
}
