package org.lowfreq.app.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowfreq.app.Main;
import org.lowfreq.datasets.CifarLayout;
import org.lowfreq.datasets.CifarProvider;
import org.lowfreq.datasets.CorruptedSet;
import org.lowfreq.datasets.testing.RealData;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Images;

class DataCommandTest {
    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    /** A small -C set: 3 images per severity; image k of severity s is a flat colour. */
    private Path smallCorruptedSet() {
        Path root = tmp.resolve("data");
        Path dir = root.resolve("CIFAR-10-C");
        List<Images> sev = new java.util.ArrayList<>();
        for (int s = 1; s <= 5; s++) {
            float[] px = new float[3 * 32 * 32 * 3];
            for (int i = 0; i < px.length; i++) {
                px[i] = (i % 3 == 0) ? 1f : 0f; // red
            }
            sev.add(new Images(3, new ImageShape(32, 32, 3), px, new int[] {3, 8, 0}));
        }
        CorruptedSet.writeCorruption(dir, "fog", sev);
        CorruptedSet.writeLabels(dir, new int[] {3, 8, 0});
        return root;
    }

    @Test
    void showWritesALabelledUpscaledGrid() throws Exception {
        Path root = smallCorruptedSet();
        Path png = tmp.resolve("out/grid.png");
        Run r = run("--data-dir", root.toString(), "data", "show", "cifar10-c", "--split", "fog-2", "--count", "3",
                "--out", png.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("3 images");
        BufferedImage img = ImageIO.read(png.toFile());
        // 3 columns of 128 px plus 4 px gaps; one row of 128 px, a label line and gaps
        assertThat(img.getWidth()).isEqualTo(4 + 3 * (128 + 4));
        assertThat(img.getHeight()).isEqualTo(4 + 128 + 16 + 4);
        assertThat(img.getRGB(4, 4) & 0xffffff).isEqualTo(0xff0000);
        assertThat(img.getRGB(4 + 127, 4 + 127) & 0xffffff).isEqualTo(0xff0000);
        assertThat(img.getRGB(2, 2) & 0xffffff).isEqualTo(0xffffff);
        assertThat(hasDarkPixels(img, 4, 4 + 128, 128, 16)).as("a class name under the image").isTrue();
        try (var s = Files.list(png.getParent())) {
            assertThat(s.toList()).containsExactly(png); // no temp file left
        }
    }

    private static boolean hasDarkPixels(BufferedImage img, int x0, int y0, int w, int h) {
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                if ((img.getRGB(x, y) & 0xff) < 100) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void absentDataSetSaysHowToGetItWithExitCode1() {
        Run r = run("--data-dir", tmp.toString(), "data", "show", "cifar10", "--out", tmp.resolve("g.png").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("error: data set cifar10 not found").contains("hint: run 'lowfreq data fetch cifar10'")
                .contains(tmp.resolve("cifar-10-batches-bin").toString()).doesNotContain("\tat ");
        assertThat(tmp.resolve("g.png")).doesNotExist();
    }

    @Test
    void listShowsEveryDataSetAndWhetherItIsPresent() {
        Path root = smallCorruptedSet();
        Run r = run("data", "list", "--data-dir", root.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("data root: " + root + " (from --data-dir)")
                .containsPattern("cifar10-c\\s+yes").containsPattern("cifar10\\s+no").contains("tiny-imagenet");
    }

    @Test
    void unknownDataSetAndSubcommand() {
        Run r = run("data", "show", "cifar11", "--out", "x.png");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("unknown data set 'cifar11'").contains("cifar10");
        assertThat(run("data", "frobnicate").code()).isEqualTo(2);
        assertThat(run("data", "show", "cifar10").code()).as("--out is required").isEqualTo(2);
    }

    @Test
    void fetchOfADataSetThatCannotBeDownloadedSaysWhereToPutIt() {
        Run r = run("--data-dir", tmp.toString(), "data", "fetch", "tiny-imagenet");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("cannot download tiny-imagenet").contains(tmp.resolve("tiny-imagenet-200").toString());
    }

    @Test
    void officialCifar10VerifiesAndImageZeroOfTheTestSetIsACat() throws Exception {
        Path root = RealData.cifar10Root();
        Run v = run("--data-dir", root.toString(), "data", "verify", "cifar10");
        assertThat(v.code()).as(v.err()).isZero();
        assertThat(v.out().lines().filter(l -> l.contains("MD5") && l.endsWith(" ok")).count()).isEqualTo(6);

        Path png = tmp.resolve("grid.png");
        Run s = run("--data-dir", root.toString(), "data", "show", "cifar10", "--split", "test", "--count", "16",
                "--out", png.toString());
        assertThat(s.code()).as(s.err()).isZero();
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(4 + 8 * 132);
        assertThat(img.getHeight()).isEqualTo(4 + 2 * (128 + 16 + 4));
        Images first = new CifarProvider(CifarLayout.cifar10(), false).open(root).read("test", 0, 1);
        assertThat(first.labels()).containsExactly(3); // a cat
        // the top-left cell is image 0 upscaled 4x by nearest neighbour
        for (int y = 0; y < 32; y += 5) {
            for (int x = 0; x < 32; x += 3) {
                int k = (y * 32 + x) * 3;
                int expected = (Math.round(first.pixels()[k] * 255) << 16) | (Math.round(first.pixels()[k + 1] * 255) << 8)
                        | Math.round(first.pixels()[k + 2] * 255);
                assertThat(img.getRGB(4 + 4 * x + 3, 4 + 4 * y + 2) & 0xffffff).isEqualTo(expected);
            }
        }
    }

    @Test
    void damagedCopiesOfTheTestBatchAreRefusedNamingTheFile() throws Exception {
        Path root = RealData.cifar10Root();
        Path copy = tmp.resolve("copy");
        Path dir = Files.createDirectories(copy.resolve("cifar-10-batches-bin"));
        for (String f : List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin",
                "data_batch_5.bin", "batches.meta.txt")) {
            Files.createSymbolicLink(dir.resolve(f), root.resolve("cifar-10-batches-bin").resolve(f));
        }
        byte[] test = Files.readAllBytes(root.resolve("cifar-10-batches-bin/test_batch.bin"));
        Path f = dir.resolve("test_batch.bin");

        Files.write(f, java.util.Arrays.copyOf(test, test.length - 1));
        Run shortRun = run("--data-dir", copy.toString(), "data", "show", "cifar10", "--out", tmp.resolve("a.png").toString());
        assertThat(shortRun.code()).isEqualTo(1);
        assertThat(shortRun.err()).contains(f.toString()).contains("truncated");

        test[5000] ^= 0x10;
        Files.write(f, test);
        Run flipped = run("--data-dir", copy.toString(), "data", "show", "cifar10", "--out", tmp.resolve("b.png").toString());
        assertThat(flipped.code()).isEqualTo(1);
        assertThat(flipped.err()).contains("MD5 mismatch").contains(f.toString());
        assertThat(run("--data-dir", copy.toString(), "data", "verify", "cifar10").err()).contains(f.toString());
        assertThat(tmp.resolve("a.png")).doesNotExist();
        assertThat(tmp.resolve("b.png")).doesNotExist();
    }

    @Test
    void synthWritesATreeThatBenchStreamsPerWorkerCount() throws Exception {
        Path root = tmp.resolve("synth");
        Run w = run("data", "synth", "imagenet", root.toString(), "--classes", "2", "--per-class", "3", "--val-per-class",
                "1", "--width", "64", "--height", "60");
        assertThat(w.code()).as(w.err()).isZero();
        assertThat(w.out()).contains("wrote 8 images of 2 classes in " + root.resolve("imagenet"));
        try (var s = Files.list(root)) {
            assertThat(s.toList()).containsExactly(root.resolve("imagenet")); // no partial folder left
        }
        Run b = run("--data-dir", root.toString(), "data", "bench", "imagenet", "--workers", "1,2", "--batch-size", "2",
                "--repeats", "1", "--eval");
        assertThat(b.code()).as(b.err()).isZero();
        assertThat(b.out()).contains("evaluation view").contains("6 images of 224x224x3")
                .containsPattern("(?m)^1\\s+6\\s+").containsPattern("(?m)^2\\s+6\\s+").contains("resident memory: peak (VmHWM)");
        Run t = run("--data-dir", root.toString(), "data", "bench", "imagenet", "--split", "val", "--workers", "2",
                "--batch-size", "1", "--repeats", "1", "--limit", "1");
        assertThat(t.code()).as(t.err()).isZero();
        assertThat(t.out()).contains("training view (random-resized-crop 224").containsPattern("(?m)^2\\s+1\\s+");
    }

    @Test
    void synthRefusesAnExistingTreeAndUnknownKinds() throws Exception {
        Path root = tmp.resolve("synth");
        Files.createDirectories(root.resolve("tiny-imagenet-200"));
        Run r = run("data", "synth", "tiny-imagenet", root.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains(root.resolve("tiny-imagenet-200") + " already exists");
        Run k = run("data", "synth", "mnist", root.toString());
        assertThat(k.code()).isEqualTo(1);
        assertThat(k.err()).contains("unknown tree kind 'mnist'").contains("tiny-imagenet-c");
    }

    @Test
    void benchRefusesASetThatIsNotStreamedAndBothViews() {
        Path root = smallCorruptedSet();
        Run r = run("--data-dir", root.toString(), "data", "bench", "cifar10-c", "--split", "fog-1");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("cifar10-c is not streamed");
        assertThat(run("data", "bench", "imagenet", "--train", "--eval").code()).isEqualTo(2);
    }
}
