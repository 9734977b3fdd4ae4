package org.lowfreq.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowfreq.datasets.testing.RealData;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.UserInputException;

/** The official CIFAR-10 files under the data root (see {@link RealData}: skipped when absent, failed under CI). */
class CifarRealDataTest {
    private static Path root;

    @BeforeAll
    static void findData() {
        root = RealData.cifar10Root();
    }

    @Test
    void testSetHasTenThousandImagesAThousandPerClassAndStartsWithACat() {
        CifarDataset d = new CifarProvider(CifarLayout.cifar10(), false).open(root);
        assertThat(d.size("test")).isEqualTo(10_000);
        assertThat(d.size("train")).isEqualTo(50_000);
        assertThat(d.classNames()).containsExactly("airplane", "automobile", "bird", "cat", "deer", "dog", "frog",
                "horse", "ship", "truck");
        int[] counts = new int[10];
        for (int l : d.labels("test")) {
            counts[l]++;
        }
        assertThat(counts).containsOnly(1000);
        Images first = d.read("test", 0, 4);
        assertThat(first.shape()).isEqualTo(new ImageShape(32, 32, 3));
        assertThat(first.labels()).containsExactly(3, 8, 8, 0); // cat, ship, ship, airplane
        first.checkRange();
    }

    @Test
    void trainingSetHasFiveThousandPerClass() {
        CifarDataset d = new CifarProvider(CifarLayout.cifar10(), false).open(root);
        int[] counts = new int[10];
        for (int l : d.labels("train")) {
            counts[l]++;
        }
        assertThat(counts).containsOnly(5000);
        assertThat(d.read("train", 9_999, 2).labels()).hasSize(2); // across data_batch_1 and _2
    }

    @Test
    void verifyConfirmsAllSixOfficialMd5s() {
        List<String> lines = new CifarProvider(CifarLayout.cifar10(), false).verify(root);
        assertThat(lines).hasSize(6).allMatch(l -> l.endsWith(" ok"));
        assertThat(String.join("\n", lines)).contains("803d5f7f4d78ea53de84dbe85f74fb6d");
    }

    @Test
    void grayscaleTestImages() {
        CifarDataset gray = new CifarProvider(CifarLayout.cifar10(), true).open(root);
        Images g = gray.read("test", 0, 8);
        Images rgb = new CifarProvider(CifarLayout.cifar10(), false).open(root).read("test", 0, 8);
        assertThat(g.shape().channels()).isEqualTo(1);
        float[] expected = Grayscale.of(rgb).pixels();
        for (int i = 0; i < expected.length; i++) {
            assertThat(Math.abs(g.pixels()[i] - expected[i])).isLessThan(1e-6f);
        }
    }

    @Test
    void aCopyOneByteShortIsRefusedNamingTheFile(@TempDir Path tmp) throws Exception {
        Path copy = copyOfCifar(tmp);
        Path f = copy.resolve("cifar-10-batches-bin/test_batch.bin");
        byte[] b = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(b, b.length - 1));
        assertThatThrownBy(() -> new CifarProvider(CifarLayout.cifar10(), false).open(copy))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("30729999 bytes");
    }

    @Test
    void aCopyWithAFlippedByteIsRefusedNamingTheFile(@TempDir Path tmp) throws Exception {
        Path copy = copyOfCifar(tmp);
        Path f = copy.resolve("cifar-10-batches-bin/test_batch.bin");
        byte[] b = Files.readAllBytes(f);
        b[12345] ^= (byte) 0x80;
        Files.write(f, b);
        CifarDataset d = new CifarProvider(CifarLayout.cifar10(), false).open(copy);
        assertThatThrownBy(() -> d.read("test", 0, 1)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("MD5 mismatch").hasMessageContaining(f.toString());
    }

    /** The test file copied, the training files linked (they are read-only and not modified). */
    private static Path copyOfCifar(Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("cifar-10-batches-bin"));
        Path src = root.resolve("cifar-10-batches-bin");
        for (String f : List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin",
                "data_batch_5.bin", "batches.meta.txt")) {
            Files.createSymbolicLink(dir.resolve(f), src.resolve(f).toAbsolutePath());
        }
        Files.copy(src.resolve("test_batch.bin"), dir.resolve("test_batch.bin"), StandardCopyOption.REPLACE_EXISTING);
        dir.resolve("test_batch.bin").toFile().setWritable(true);
        return tmp;
    }
}
