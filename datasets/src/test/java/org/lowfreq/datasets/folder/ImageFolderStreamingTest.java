package org.lowfreq.datasets.folder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowfreq.datasets.Grayscale;
import org.lowfreq.datasets.ImageFolderDataset;
import org.lowfreq.datasets.ImageFolderProvider;
import org.lowfreq.datasets.folder.SyntheticImageFolders.Tree;
import org.lowfreq.datasets.stream.Batch;
import org.lowfreq.datasets.stream.BatchLoader;
import org.lowfreq.datasets.stream.ExampleOrder;
import org.lowfreq.datasets.stream.ExampleSource;
import org.lowfreq.datasets.stream.LoaderSettings;
import org.lowfreq.datasets.stream.UnreadablePolicy;
import org.lowfreq.datasets.testing.SyntheticImageTrees;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.UserInputException;

/** Image folders as streaming sources, on generated trees. */
class ImageFolderStreamingTest {
    @TempDir
    Path root;

    private ImageFolderDataset smallImageNet(int classes, int perClass) {
        SyntheticImageTrees.imageNet(root, classes, perClass, 2, 80, 70, 7);
        // 56 px crops of 64 px resizes keep the test fast; the layout is what matters
        return new ImageFolderDataset("imagenet", root.resolve("imagenet"), 64, 56, "hint");
    }

    @Test
    void imageNetLayoutListsClassFoldersAndLabelsWithoutDecoding() throws Exception {
        ImageFolderDataset d = smallImageNet(3, 4);
        assertThat(d.splits()).containsExactly("train", "val");
        assertThat(d.classNames()).containsExactly("n01000000", "n01000001", "n01000002");
        assertThat(d.size("train")).isEqualTo(12);
        assertThat(d.size("val")).isEqualTo(6);
        // labels come from the listing: they hold even when every file is destroyed
        Path first = root.resolve("imagenet/train/n01000000/n01000000_0.JPEG");
        ExampleSource eval = d.examples("train", false);
        assertThat(eval.describe(0)).isEqualTo(first.toString());
        try (var files = Files.walk(root.resolve("imagenet/train"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.writeString(f, "gone");
            }
        }
        assertThat(d.labels("train")).containsExactly(0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2);
        assertThat(eval.label(5)).isEqualTo(1);
        assertThat(eval.shape()).isEqualTo(new ImageShape(56, 56, 3));
        assertThat(d.examples("train", true).shape()).isEqualTo(new ImageShape(56, 56, 3));
        assertThat(d.trainingAugmentation()).contains("random-resized-crop 56").contains("scale 0.08-1").contains("flip");
    }

    @Test
    void readIsTheEvaluationViewOfTheSource() {
        ImageFolderDataset d = smallImageNet(2, 2);
        Images read = d.read("val", 1, 2);
        ExampleSource eval = d.examples("val", false);
        float[] px = new float[2 * eval.shape().size()];
        eval.produce(1, new SplittableRandom(1), px, 0);
        eval.produce(2, new SplittableRandom(2), px, eval.shape().size());
        assertThat(read.pixels()).containsExactly(px);
        assertThat(read.labels()).containsExactly(0, 1);
    }

    @Test
    void seededAugmentationIsTheSameForOneAndFourWorkersAndChangesWithTheEpoch() {
        ImageFolderDataset d = smallImageNet(3, 5);
        ExampleSource train = d.examples("train", true);
        int[] order = ExampleOrder.shuffled(train.size(), new SplittableRandom(11));
        List<float[]> one = drain(train, order, LoaderSettings.of(4, 1, 3, "augment", 0));
        List<float[]> four = drain(train, order, LoaderSettings.of(4, 4, 3, "augment", 0));
        List<float[]> epoch1 = drain(train, order, LoaderSettings.of(4, 4, 3, "augment", 1));
        assertThat(one).hasSize(4);
        for (int k = 0; k < one.size(); k++) {
            assertThat(four.get(k)).containsExactly(one.get(k));
            assertThat(epoch1.get(k)).isNotEqualTo(one.get(k));
        }
        // the evaluation view ignores the stream
        ExampleSource eval = d.examples("train", false);
        List<float[]> e0 = drain(eval, order, LoaderSettings.of(4, 2, 3, "augment", 0));
        List<float[]> e1 = drain(eval, order, LoaderSettings.of(4, 2, 3, "augment", 1));
        for (int k = 0; k < e0.size(); k++) {
            assertThat(e1.get(k)).containsExactly(e0.get(k));
        }
    }

    private static List<float[]> drain(ExampleSource src, int[] order, LoaderSettings s) {
        List<float[]> out = new ArrayList<>();
        try (BatchLoader loader = new BatchLoader(src, order, s, null)) {
            while (loader.hasNext()) {
                try (Batch b = loader.next()) {
                    out.add(b.images().pixels().clone());
                }
            }
        }
        return out;
    }

    @Test
    void liveImagesStayWithinQueueTimesBatchOnATree() throws Exception {
        ImageFolderDataset d = smallImageNet(4, 10);
        LoaderSettings s = new LoaderSettings(3, 2, 2, 5, "augment", 0, UnreadablePolicy.REFUSE);
        int seen = 0;
        try (BatchLoader loader = new BatchLoader(d.examples("train", true), ExampleOrder.sequential(40), s, null)) {
            while (loader.hasNext()) {
                try (Batch b = loader.next()) {
                    seen += b.count();
                    Thread.sleep(2);
                }
            }
            assertThat(loader.peakLiveImages()).isLessThanOrEqualTo(2 * 3).isGreaterThanOrEqualTo(3);
        }
        assertThat(seen).isEqualTo(40);
    }

    @Test
    void damagedImagesAreRefusedOrSkippedByPath() throws Exception {
        ImageFolderDataset clean = smallImageNet(2, 4);
        Path jpeg = root.resolve("imagenet/train/n01000000/n01000000_1.JPEG");
        // half the file: the headers are intact, the scan data stops midway (ImageIO alone would fill it grey)
        Path cut = SyntheticImageTrees.truncate(jpeg, (int) (Files.size(jpeg) / 2));
        Path text = SyntheticImageTrees.textAsImage(root.resolve("imagenet/train/n01000001/notes.JPEG"));
        ImageFolderDataset d = new ImageFolderDataset("imagenet", root.resolve("imagenet"), 64, 56, "hint");
        assertThat(d.size("train")).isEqualTo(9);
        assertThat(clean.classNames()).isEqualTo(d.classNames());
        ExampleSource train = d.examples("train", true);
        LoaderSettings refuse = LoaderSettings.of(3, 2, 1, "augment", 0);
        try (BatchLoader loader = BatchLoader.sequential(train, refuse, null)) {
            assertThatThrownBy(loader::next).isInstanceOf(UserInputException.class).hasMessageContaining(cut.toString());
        }
        List<String> reports = new ArrayList<>();
        int seen = 0;
        try (BatchLoader loader = BatchLoader.sequential(train, refuse.withUnreadable(UnreadablePolicy.SKIP), reports::add)) {
            while (loader.hasNext()) {
                try (Batch b = loader.next()) {
                    seen += b.count();
                }
            }
            assertThat(loader.skipped()).containsExactlyInAnyOrder(cut.toString(), text.toString());
        }
        assertThat(seen).isEqualTo(7);
        assertThat(reports).hasSize(2);
        assertThatThrownBy(() -> d.read("train", 0, 4)).isInstanceOf(UserInputException.class)
                .hasMessageContaining(cut.toString());
        assertThatThrownBy(d::verifyAll).hasMessageContaining(cut.toString());
    }

    @Test
    void tinyImageNetOfficialLayoutInRgbAndGray() throws Exception {
        Tree t = SyntheticImageTrees.tinyImageNet(root, 4, 3, 2, 5);
        ImageFolderDataset rgb = ImageFolderProvider.tinyImageNet().open(root);
        assertThat(rgb.splits()).containsExactly("train", "val"); // test/ has no labels
        assertThat(rgb.classNames()).isEqualTo(t.classes()).isSorted();
        assertThat(rgb.size("train")).isEqualTo(12);
        // val_<i> belongs to class i mod 4 in val_annotations.txt; the listing is in file name order
        assertThat(rgb.labels("val")).containsExactly(0, 1, 2, 3, 0, 1, 2, 3);
        assertThat(rgb.examples("val", false).describe(0)).endsWith("val_0.JPEG");
        assertThat(rgb.classDescriptions()).contains("n01000002 synthetic class 2").hasSize(4);
        assertThat(rgb.shape()).isEqualTo(new ImageShape(64, 64, 3));
        assertThat(rgb.trainingAugmentation()).isEqualTo("reflect-pad 4 + random crop 64, horizontal flip");

        ImageFolderDataset gray = ImageFolderProvider.tinyImageNetGray().open(root);
        assertThat(gray.name()).isEqualTo("tiny-imagenet-gray");
        assertThat(gray.shape()).isEqualTo(new ImageShape(64, 64, 1));
        assertThat(gray.examples("train", true).shape()).isEqualTo(new ImageShape(64, 64, 1));
        Images g = gray.read("val", 0, 3);
        Images expected = Grayscale.of(rgb.read("val", 0, 3));
        assertThat(g.pixels()).containsExactly(expected.pixels());
        assertThat(gray.trainingAugmentation()).contains("grayscale");
        // the same seeded augmentation, then luma
        float[] a = new float[64 * 64 * 3];
        float[] b = new float[64 * 64];
        rgb.examples("train", true).produce(5, new SplittableRandom(9), a, 0);
        gray.examples("train", true).produce(5, new SplittableRandom(9), b, 0);
        assertThat(b[100]).isCloseTo(0.299f * a[300] + 0.587f * a[301] + 0.114f * a[302], within(1e-6f));
    }

    @Test
    void grayscaleOfAKnownColourIsItsLuma() throws Exception {
        SyntheticImageTrees.tinyImageNet(root, 2, 1, 1, 5);
        BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                img.setRGB(x, y, (200 << 16) | (100 << 8) | 50);
            }
        }
        Path png = root.resolve("tiny-imagenet-200/train/n01000000/images/a_solid.png");
        ImageIO.write(img, "png", png.toFile()); // lossless: the file holds exactly (200, 100, 50)
        ImageFolderDataset gray = ImageFolderProvider.tinyImageNetGray().open(root);
        Images g = gray.read("train", 0, 1);
        // 0.299 x 200 + 0.587 x 100 + 0.114 x 50 = 124.2
        for (float v : g.pixels()) {
            assertThat(v).isCloseTo(124.2f / 255f, within(1e-5f));
        }
    }
}
