package org.lowfreq.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.UserInputException;

/** The CIFAR reader on small generated files: decoding, ranges across files, refusal of damage. */
class CifarSyntheticTest {
    @TempDir
    Path root;

    @Test
    void decodesPlanarRecordsToInterleavedPixels() throws Exception {
        TestData.SmallCifar c = TestData.smallCifar(root, 1);
        CifarDataset d = new CifarProvider(c.layout(), false).open(root);
        assertThat(d.splits()).containsExactly("train", "test");
        assertThat(d.size("train")).isEqualTo(5);
        assertThat(d.size("test")).isEqualTo(4);
        assertThat(d.shape()).isEqualTo(new ImageShape(32, 32, 3));

        byte[] t = c.files().get("t.bin");
        Images img = d.read("test", 1, 2);
        assertThat(img.count()).isEqualTo(2);
        int rec = 3073;
        assertThat(img.labels()).containsExactly(t[rec] & 0xff, t[2 * rec] & 0xff);
        // pixel (y=5, x=7) of record 1: R at 1 + 5*32 + 7, G one plane later, B two
        int p = 5 * 32 + 7;
        float[] im = img.image(0);
        assertThat(im[3 * p]).isEqualTo((t[rec + 1 + p] & 0xff) / 255f);
        assertThat(im[3 * p + 1]).isEqualTo((t[rec + 1 + 1024 + p] & 0xff) / 255f);
        assertThat(im[3 * p + 2]).isEqualTo((t[rec + 1 + 2048 + p] & 0xff) / 255f);
        img.checkRange();
    }

    @Test
    void rangesSpanTrainingFiles() throws Exception {
        TestData.SmallCifar c = TestData.smallCifar(root, 2);
        CifarDataset d = new CifarProvider(c.layout(), false).open(root);
        Images all = d.readAll("train");
        Images mid = d.read("train", 2, 2); // last of a.bin, first of b.bin
        assertThat(mid.pixels()).isEqualTo(all.slice(2, 4).pixels());
        assertThat(mid.labels()).containsExactly(c.files().get("a.bin")[2 * 3073] & 0xff, c.files().get("b.bin")[0] & 0xff);
        assertThat(d.labels("train")).isEqualTo(all.labels());
        assertThatThrownBy(() -> d.read("train", 4, 2)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("outside");
        assertThatThrownBy(() -> d.read("valid", 0, 1)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("valid")
                .satisfies(e -> assertThat(((UserInputException) e).hint()).contains("train, test"));
    }

    @Test
    void grayViewIsTheLumaOfTheColourView() throws Exception {
        TestData.SmallCifar c = TestData.smallCifar(root, 3);
        Images rgb = new CifarProvider(c.layout(), false).open(root).readAll("test");
        CifarDataset gray = new CifarProvider(c.layout(), true).open(root);
        assertThat(gray.name()).isEqualTo("small-gray");
        Images g = gray.readAll("test");
        assertThat(g.shape()).isEqualTo(new ImageShape(32, 32, 1));
        assertThat(g.labels()).isEqualTo(rgb.labels());
        float[] expected = Grayscale.of(rgb).pixels();
        for (int i = 0; i < expected.length; i++) {
            assertThat(g.pixels()[i]).isCloseTo(expected[i], within(1e-6f));
        }
    }

    @Test
    void truncatedFileIsRefusedOnOpenNamingIt() throws Exception {
        TestData.SmallCifar c = TestData.smallCifar(root, 4);
        Path f = root.resolve("small-cifar/b.bin");
        byte[] b = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(b, b.length - 1));
        assertThatThrownBy(() -> new CifarProvider(c.layout(), false).open(root))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("truncated");
    }

    @Test
    void flippedByteIsRefusedBeforeAnyImageIsReturned() throws Exception {
        TestData.SmallCifar c = TestData.smallCifar(root, 5);
        Path f = root.resolve("small-cifar/t.bin");
        byte[] b = Files.readAllBytes(f);
        b[1000] ^= 0x01;
        Files.write(f, b);
        CifarDataset d = new CifarProvider(c.layout(), false).open(root);
        assertThatThrownBy(() -> d.read("test", 3, 1)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("MD5 mismatch").hasMessageContaining(f.toString());
        assertThatThrownBy(() -> new CifarProvider(c.layout(), false).verify(root))
                .hasMessageContaining("t.bin");
        // the training files are intact and still load
        assertThat(d.readAll("train").count()).isEqualTo(5);
    }

    @Test
    void outOfRangeLabelIsRefusedWhenNoMd5IsKnown() throws Exception {
        TestData.SmallCifar c = TestData.smallCifar(root, 6);
        CifarLayout noMd5 = new CifarLayout("small", "small-cifar", 1, 0, 10,
                java.util.Map.of("train", java.util.List.of(new CifarLayout.BinFile("a.bin", 3, null)),
                        "test", java.util.List.of(new CifarLayout.BinFile("t.bin", 4, null))),
                "names.txt", c.layout().defaultClassNames(), "http://127.0.0.1:9/x", null);
        Path f = root.resolve("small-cifar/t.bin");
        byte[] b = Files.readAllBytes(f);
        b[3073] = 10;
        Files.write(f, b);
        assertThatThrownBy(() -> new CifarProvider(noMd5, false).open(root).read("test", 0, 1))
                .hasMessageContaining("record 1 has label 10").hasMessageContaining("t.bin");
    }

    @Test
    void absentDataSetSaysWhereToPutTheFilesAndHowToFetch() {
        CifarProvider p = new CifarProvider(CifarLayout.cifar10(), false);
        assertThat(p.isPresent(root)).isFalse();
        assertThatThrownBy(() -> p.open(root)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("cifar10 not found")
                .satisfies(e -> assertThat(((UserInputException) e).hint())
                        .contains("lowfreq data fetch cifar10")
                        .contains(root.resolve("cifar-10-batches-bin").resolve("test_batch.bin").toString())
                        .contains("https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz"));
    }

    @Test
    void classNamesComeFromTheMetaFileWhenPresent() throws Exception {
        TestData.SmallCifar c = TestData.smallCifar(root, 7);
        Files.writeString(root.resolve("small-cifar/names.txt"), "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n\n");
        assertThat(new CifarProvider(c.layout(), false).open(root).classNames()).startsWith("a", "b").hasSize(10);
    }

    @Test
    void cifar100UsesTheFineLabel() throws Exception {
        byte[] rec = new byte[2 + 3072];
        rec[0] = 19; // coarse
        rec[1] = 99; // fine
        Path dir = Files.createDirectories(root.resolve("tiny100"));
        Files.write(dir.resolve("tr.bin"), rec);
        Files.write(dir.resolve("te.bin"), rec);
        CifarLayout l = new CifarLayout("c100", "tiny100", 2, 1, 100,
                java.util.Map.of("train", java.util.List.of(new CifarLayout.BinFile("tr.bin", 1, null)),
                        "test", java.util.List.of(new CifarLayout.BinFile("te.bin", 1, null))),
                "none.txt", CifarLayout.cifar100().defaultClassNames(), "http://127.0.0.1:9/x", null);
        CifarDataset d = new CifarProvider(l, false).open(root);
        assertThat(d.readAll("test").labels()).containsExactly(99);
        assertThat(d.classNames().get(99)).isEqualTo("worm");
        assertThat(CifarLayout.cifar100().defaultClassNames()).hasSize(100).doesNotHaveDuplicates();
    }
}
