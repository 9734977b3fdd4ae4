package org.lowfreq.probes.corruption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowfreq.reference.DenseClassifier;
import org.lowfreq.spi.Capability;
import org.lowfreq.spi.Classifier;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.InMemoryDataset;
import org.lowfreq.spi.Logits;
import org.lowfreq.spi.Loss;
import org.lowfreq.spi.LossGradient;
import org.lowfreq.spi.ModelCard;
import org.lowfreq.spi.Options;
import org.lowfreq.spi.ProbeContext;
import org.lowfreq.spi.ProgressListener;
import org.lowfreq.spi.ResultRow;

/** {@code probe corruption --from DIR} on a -C set in the published folder layout (Tiny-ImageNet-C, ImageNet-C). */
class CorruptionFolderSetTest {
    private static final ImageShape RGB = new ImageShape(8, 8, 3);
    private static final ImageShape GRAY = new ImageShape(8, 8, 1);
    private static final List<String> CLASSES = List.of("n01443537", "n09999999");
    private static final int N = 10;

    /** Image i: class i % 2; class 0 bright (0.8), class 1 dark (0.2), every channel alike. */
    private static int level(int i, boolean inverted) {
        boolean bright = (i % 2 == 0) != inverted;
        return bright ? 204 : 51;
    }

    /**
     * {@code <c>/<s>/<wnid>/img<i>.png}: severity s inverts the brightness of images 0 .. 2 s - 1, so
     * the accuracy of a brightness model is 1 - 0.2 s.
     */
    private static Path writeTree(Path dir, List<String> corruptions) throws Exception {
        for (String c : corruptions) {
            for (int s = 1; s <= 5; s++) {
                for (int i = 0; i < N; i++) {
                    int v = level(i, i < 2 * s);
                    BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
                    for (int y = 0; y < 8; y++) {
                        for (int x = 0; x < 8; x++) {
                            img.setRGB(x, y, v << 16 | v << 8 | v);
                        }
                    }
                    Path f = dir.resolve(c).resolve(Integer.toString(s)).resolve(CLASSES.get(i % 2))
                            .resolve(String.format("img%02d.png", i));
                    Files.createDirectories(f.getParent());
                    ImageIO.write(img, "png", f.toFile());
                }
            }
        }
        return dir;
    }

    private static Images clean(ImageShape shape) {
        float[] px = new float[N * shape.size()];
        int[] labels = new int[N];
        for (int i = 0; i < N; i++) {
            labels[i] = i % 2;
            java.util.Arrays.fill(px, i * shape.size(), (i + 1) * shape.size(), level(i, false) / 255f);
        }
        return new Images(N, shape, px, labels);
    }

    /** class 0 when the mean pixel exceeds 0.5; records every batch it is shown. */
    private static final class BrightnessModel implements Classifier {
        final DenseClassifier inner;
        final List<Images> seen = Collections.synchronizedList(new ArrayList<>());

        BrightnessModel(ImageShape shape) {
            int d = shape.size();
            float[] w = new float[d * 2];
            java.util.Arrays.fill(w, 0, d, 1f);
            inner = DenseClassifier.linear("brightness", shape, 2, w, new float[] {-0.5f * d, 0f});
        }

        @Override
        public ModelCard card() {
            return inner.card();
        }

        @Override
        public java.util.Set<Capability> capabilities() {
            return java.util.EnumSet.noneOf(Capability.class);
        }

        @Override
        public Logits logits(Images images) {
            seen.add(new Images(images.count(), images.shape(), images.pixels().clone(), null));
            return inner.logits(images);
        }

        @Override
        public LossGradient lossGradient(Images images, int[] classes, Loss loss) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    private static List<ResultRow> run(Path out, BrightnessModel model, ImageShape shape, Options options) {
        List<ResultRow> rows = Collections.synchronizedList(new ArrayList<>());
        var data = new InMemoryDataset("toy", CLASSES, shape, Map.of("test", clean(shape)));
        new CorruptionProbe().run(new ProbeContext(model, data, "test", options, 0, 2, out, ProgressListener.NONE,
                rows::add));
        return rows;
    }

    private static List<ResultRow> accuracy(List<ResultRow> rows, String corruption) {
        return rows.stream().filter(r -> r.group().equals(corruption) && r.metric().equals("accuracy")).toList();
    }

    @Test
    void anRgbModelReadsThePublishedLayoutWithoutConversion(@TempDir Path dir) throws Exception {
        Path set = writeTree(dir.resolve("Tiny-ImageNet-C"), List.of("fog", "contrast"));
        List<ResultRow> rows = run(Files.createDirectories(dir.resolve("out")), new BrightnessModel(RGB), RGB,
                Options.of("from", set.toString()));
        for (String c : List.of("fog", "contrast")) {
            List<ResultRow> acc = accuracy(rows, c);
            assertThat(acc).hasSize(5);
            for (ResultRow r : acc) {
                int s = Integer.parseInt(r.parameterValue());
                assertThat(r.value()).as(c + " " + s).isCloseTo(1 - 0.2 * s, within(1e-12));
                assertThat(r.note()).isEmpty();
            }
        }
        assertThat(rows).filteredOn(r -> r.metric().equals("c_subset_accuracy")).hasSize(1);
        // the published set is not stored in the clean split's order: no pixel residuals are taken
        assertThat(rows).noneMatch(r -> r.metric().equals("f_half_cpp"));
    }

    @Test
    void aOneChannelModelGetsTheLumaOfThePublishedRgbImagesAndEveryRowSaysSo(@TempDir Path dir) throws Exception {
        Path set = writeTree(dir.resolve("set"), List.of("fog"));
        // one image with a pure red, green and blue pixel: its luma shows the weights
        BufferedImage rgb = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        rgb.setRGB(0, 0, 0xFF0000);
        rgb.setRGB(1, 0, 0x00FF00);
        rgb.setRGB(2, 0, 0x0000FF);
        rgb.setRGB(3, 0, 0xFFFFFF);
        ImageIO.write(rgb, "png", set.resolve("fog/1").resolve(CLASSES.get(0)).resolve("img00.png").toFile());
        BrightnessModel model = new BrightnessModel(GRAY);
        List<ResultRow> rows = run(Files.createDirectories(dir.resolve("out")), model, GRAY,
                Options.of("from", set.toString()));
        List<ResultRow> acc = accuracy(rows, "fog");
        assertThat(acc).hasSize(5);
        for (ResultRow r : acc) {
            assertThat(r.note()).contains("rgb->gray (L = 0.299R + 0.587G + 0.114B)");
        }
        assertThat(rows).filteredOn(r -> r.metric().equals("c_subset_accuracy"))
                .allMatch(r -> r.note().contains("rgb->gray"));
        // severity 5 inverts all 10: accuracy 0 also through the conversion
        assertThat(acc.get(4).value()).isZero();
        // the batch of fog-1 starts with the coloured image (class folder n01443537, img00)
        Images fog1 = model.seen.stream().filter(b -> b.pixels()[0] != b.pixels()[5]).findFirst().orElseThrow();
        assertThat(fog1.shape()).isEqualTo(GRAY);
        assertThat(fog1.pixels()[0]).isCloseTo(0.299f, within(1e-6f));
        assertThat(fog1.pixels()[1]).isCloseTo(0.587f, within(1e-6f));
        assertThat(fog1.pixels()[2]).isCloseTo(0.114f, within(1e-6f));
        assertThat(fog1.pixels()[3]).isCloseTo(1f, within(1e-6f));
    }
}
