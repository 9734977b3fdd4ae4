package org.lowfreq.corruptions;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowfreq.spi.Corruption;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.ProgressListener;
import org.lowfreq.spi.Resolution;

/** {@code lowfreq corrupt} in the published folder layout, and both layouts read in chunks. */
class CorruptedFolderGeneratorTest {
    private static final Corruptions CORRUPTIONS = new Corruptions(TestData.frost());
    private static final ImageShape TINY = new ImageShape(64, 64, 3);
    private static final List<String> CLASSES = List.of("n01443537", "n01629819", "n01641577");

    private static Images clean(ImageShape shape, int n) {
        float[] px = new float[n * shape.size()];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(TestData.synthetic(shape, i), 0, px, i * shape.size(), shape.size());
            labels[i] = i % 3;
        }
        return new Images(n, shape, px, labels);
    }

    /** Clean images that refuse any chunk larger than {@code bound} and count the images read. */
    private static final class Bounded implements CleanImages {
        final CleanImages inner;
        final int bound;
        int served;

        Bounded(Images images, int bound) {
            this.inner = CleanImages.of(images, CLASSES);
            this.bound = bound;
        }

        @Override
        public int count() {
            return inner.count();
        }

        @Override
        public ImageShape shape() {
            return inner.shape();
        }

        @Override
        public int[] labels() {
            return inner.labels();
        }

        @Override
        public List<String> classNames() {
            return CLASSES;
        }

        @Override
        public String baseName(int index) {
            return "val_" + index;
        }

        @Override
        public void stream(int[] indices, int chunk, ChunkConsumer consumer) {
            inner.stream(indices, chunk, (idx, images) -> {
                if (images.count() > bound) {
                    throw new IllegalStateException("chunk of " + images.count() + " > " + bound);
                }
                served += images.count();
                consumer.accept(idx, images);
            });
        }
    }

    private static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void writesThePublishedLayoutInChunksAndResumesPerImage(@TempDir Path dir) throws Exception {
        Images images = clean(TINY, 7);
        List<Corruption> two = List.of(CORRUPTIONS.byName("contrast"), CORRUPTIONS.byName("gaussian_noise"));
        int[] all = {1, 2, 3, 4, 5};
        Bounded clean = new Bounded(images, 3);
        CorruptedSetGenerator.Result first;
        try (CorruptionRunner runner = new CorruptionRunner(4, 2)) {
            first = new CorruptedFolderGenerator(runner, 3).generate(clean, two, all, Resolution.TINY_IMAGENET_64, dir,
                    ProgressListener.NONE);
        }
        assertThat(first.written()).containsExactly("contrast", "gaussian_noise");
        assertThat(clean.served).isEqualTo(2 * 7);
        assertThat(files(dir)).hasSize(2 * 5 * 7);
        Path one = dir.resolve("contrast/3/n01629819/val_4.JPEG");
        assertThat(one).exists();
        // the file is the runner's uint8 output for image 4 at severity 3, up to the JPEG loss
        byte[] expected = new byte[TINY.size()];
        try (CorruptionRunner runner = new CorruptionRunner(4, 1)) {
            runner.applyToBytes(CORRUPTIONS.byName("contrast"), 3, Resolution.TINY_IMAGENET_64, images.slice(4, 5), 4, expected, 0,
                    ProgressListener.NONE);
        }
        BufferedImage decoded = ImageIO.read(one.toFile());
        assertThat(decoded.getWidth()).isEqualTo(64);
        double err = 0;
        for (int p = 0; p < 64 * 64; p++) {
            int rgb = decoded.getRGB(p % 64, p / 64);
            err += Math.abs(((rgb >> 16) & 0xFF) - (expected[3 * p] & 0xFF)) + Math.abs(((rgb >> 8) & 0xFF) - (expected[3 * p + 1] & 0xFF))
                    + Math.abs((rgb & 0xFF) - (expected[3 * p + 2] & 0xFF));
        }
        assertThat(err / TINY.size()).isLessThan(6);

        // an interrupted run: one image lost its severity 5 file, and a temporary file was left behind
        Path lost = dir.resolve("gaussian_noise/5/n01443537/val_3.JPEG");
        byte[] lostBytes = Files.readAllBytes(lost);
        Files.delete(lost);
        Path debris = dir.resolve("gaussian_noise/5/n01443537/.val_3.JPEG.1f2e.tmp");
        Files.writeString(debris, "half");
        Path kept = dir.resolve("gaussian_noise/5/n01443537/val_0.JPEG");
        Files.setLastModifiedTime(kept, FileTime.fromMillis(1_000_000));
        Bounded again = new Bounded(images, 3);
        CorruptedSetGenerator.Result second;
        try (CorruptionRunner runner = new CorruptionRunner(4, 1)) {
            second = new CorruptedFolderGenerator(runner, 3).generate(again, two, all, Resolution.TINY_IMAGENET_64, dir,
                    ProgressListener.NONE);
        }
        assertThat(second.skipped()).containsExactly("contrast");
        assertThat(second.written()).containsExactly("gaussian_noise");
        assertThat(again.served).isEqualTo(1); // only image 3 was read again
        assertThat(Files.readAllBytes(lost)).isEqualTo(lostBytes); // seeded by its index: the same file
        assertThat(debris).doesNotExist();
        assertThat(Files.getLastModifiedTime(kept).toMillis()).isEqualTo(1_000_000);
        assertThat(files(dir)).hasSize(2 * 5 * 7);
    }

    @Test
    void theNpyLayoutReadInChunksIsTheSameAsReadWhole(@TempDir Path dir) throws Exception {
        Images images = clean(TestData.CIFAR, 7);
        List<Corruption> one = List.of(CORRUPTIONS.byName("shot_noise"));
        int[] all = {1, 2, 3, 4, 5};
        try (CorruptionRunner runner = new CorruptionRunner(2, 2)) {
            new CorruptedSetGenerator(runner).generate(images, one, all, Resolution.CIFAR_32, dir.resolve("whole"),
                    ProgressListener.NONE);
            Bounded chunks = new Bounded(images, 2);
            new CorruptedSetGenerator(runner, Uint8ArrayWriter.NPY, 2).generate(chunks, one, all, Resolution.CIFAR_32,
                    dir.resolve("chunks"), ProgressListener.NONE);
            assertThat(chunks.served).isEqualTo(7);
        }
        assertThat(Files.readAllBytes(dir.resolve("chunks/shot_noise.npy")))
                .isEqualTo(Files.readAllBytes(dir.resolve("whole/shot_noise.npy")));
        assertThat(Files.readAllBytes(dir.resolve("chunks/labels.npy")))
                .isEqualTo(Files.readAllBytes(dir.resolve("whole/labels.npy")));
    }
}
