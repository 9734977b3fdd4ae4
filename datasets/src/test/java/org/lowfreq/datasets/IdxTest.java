package org.lowfreq.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.UserInputException;

class IdxTest {
    @TempDir
    Path root;

    static byte[] images(int n, int h, int w) {
        ByteBuffer b = ByteBuffer.allocate(16 + n * h * w);
        b.putInt(0x803).putInt(n).putInt(h).putInt(w);
        for (int i = 0; i < n * h * w; i++) {
            b.put((byte) (i % 251));
        }
        return b.array();
    }

    static byte[] labels(int... l) {
        ByteBuffer b = ByteBuffer.allocate(8 + l.length);
        b.putInt(0x801).putInt(l.length);
        for (int x : l) {
            b.put((byte) x);
        }
        return b.array();
    }

    static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(out)) {
            g.write(b);
        }
        return out.toByteArray();
    }

    private IdxProvider provider() {
        return new IdxProvider("digits", "digits", List.of(root.resolve("nowhere")),
                List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), "test digits", "make them");
    }

    private Path writeSet(boolean gz) throws IOException {
        Path dir = Files.createDirectories(root.resolve("digits"));
        String ext = gz ? ".gz" : "";
        Files.write(dir.resolve("train-images-idx3-ubyte" + ext), gz ? gzip(images(3, 4, 5)) : images(3, 4, 5));
        Files.write(dir.resolve("train-labels-idx1-ubyte" + ext), gz ? gzip(labels(1, 2, 3)) : labels(1, 2, 3));
        Files.write(dir.resolve("t10k-images-idx3-ubyte" + ext), gz ? gzip(images(2, 4, 5)) : images(2, 4, 5));
        Files.write(dir.resolve("t10k-labels-idx1-ubyte" + ext), gz ? gzip(labels(9, 0)) : labels(9, 0));
        return dir;
    }

    @Test
    void readsRawAndGzipFilesAlike() throws Exception {
        writeSet(false);
        Images raw = provider().open(root).readAll("train");
        Files.walk(root.resolve("digits")).filter(Files::isRegularFile).forEach(p -> p.toFile().delete());
        writeSet(true);
        IdxDataset d = provider().open(root);
        Images gz = d.readAll("train");
        assertThat(d.shape()).isEqualTo(new ImageShape(4, 5, 1));
        assertThat(gz.pixels()).isEqualTo(raw.pixels());
        assertThat(gz.labels()).containsExactly(1, 2, 3);
        assertThat(gz.pixels()[21]).isEqualTo(21 / 255f); // image 1, pixel 1
        assertThat(d.read("test", 1, 1).labels()).containsExactly(0);
        assertThat(provider().verify(root)).hasSize(5);
    }

    @Test
    void truncatedGzipIsRefusedNamingTheFile() throws Exception {
        Path dir = writeSet(true);
        Path f = dir.resolve("train-images-idx3-ubyte.gz");
        byte[] b = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(b, b.length - 1));
        assertThatThrownBy(() -> provider().open(root).read("train", 0, 1)).isInstanceOf(UserInputException.class)
                .hasMessageContaining(f.toString());
    }

    @Test
    void corruptGzipIsRefusedByItsChecksum() throws Exception {
        Path dir = writeSet(true);
        Path f = dir.resolve("t10k-images-idx3-ubyte.gz");
        byte[] b = Files.readAllBytes(f);
        b[b.length - 6] ^= 0x01; // inside the CRC-32 of the trailer
        Files.write(f, b);
        assertThatThrownBy(() -> provider().open(root).readAll("test")).isInstanceOf(UserInputException.class)
                .hasMessageContaining(f.toString());
    }

    @Test
    void shortRawFileAndMismatchedCountsAreRefused() throws Exception {
        Path dir = writeSet(false);
        Path f = dir.resolve("train-images-idx3-ubyte");
        byte[] b = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(b, b.length - 1));
        assertThatThrownBy(() -> provider().open(root).readAll("train")).hasMessageContaining(f.toString())
                .hasMessageContaining("truncated");
        Files.write(f, b);
        Files.write(dir.resolve("train-labels-idx1-ubyte"), labels(1, 2));
        assertThatThrownBy(() -> provider().open(root).readAll("train")).hasMessageContaining("2 labels");
    }

    @Test
    void absentSetNamesTheFoldersSearched() {
        assertThatThrownBy(() -> provider().open(root)).isInstanceOf(UserInputException.class)
                .hasMessageContaining(root.resolve("digits").toString())
                .hasMessageContaining(root.resolve("nowhere").toString());
    }

    @Test
    void debianFashionMnistWhenInstalled() {
        Path sys = Path.of("/usr/share/datasets/fashion-mnist");
        assumeThat(Files.isRegularFile(sys.resolve("t10k-labels-idx1-ubyte.gz"))).isTrue();
        IdxDataset d = IdxProvider.fashionMnist().open(root);
        assertThat(d.shape()).isEqualTo(new ImageShape(28, 28, 1));
        assertThat(d.size("test")).isEqualTo(10_000);
        Images test = d.readAll("test");
        int[] counts = new int[10];
        for (int l : test.labels()) {
            counts[l]++;
        }
        assertThat(counts).containsOnly(1000);
        test.checkRange();
    }
}
