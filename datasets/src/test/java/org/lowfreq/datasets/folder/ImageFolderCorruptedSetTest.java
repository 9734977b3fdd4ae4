package org.lowfreq.datasets.folder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowfreq.datasets.CorruptedSet;
import org.lowfreq.datasets.testing.SyntheticImageTrees;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.UserInputException;

class ImageFolderCorruptedSetTest {
    @TempDir
    Path root;

    @Test
    void tinyImageNetCLayoutHasOneSplitPerCorruptionAndSeverity() {
        SyntheticImageTrees.corrupted(root, "Tiny-ImageNet-C", List.of("fog", "gaussian_noise"), 2, 3, 2, 64, 1);
        ImageFolderCorruptedProvider p = ImageFolderCorruptedProvider.tinyImageNetC();
        assertThat(p.isPresent(root)).isTrue();
        ImageFolderCorruptedSet c = p.open(root);
        assertThat(c.name()).isEqualTo("tiny-imagenet-c");
        assertThat(c.splits()).containsExactly("fog-1", "fog-2", "gaussian_noise-1", "gaussian_noise-2");
        assertThat(c.corruptions()).containsExactly("fog", "gaussian_noise");
        assertThat(c.splits().get(2)).isEqualTo(CorruptedSet.split("gaussian_noise", 1)); // the NPY sets' naming
        assertThat(c.classNames()).containsExactly("n01000000", "n01000001", "n01000002");
        assertThat(c.size("fog-2")).isEqualTo(6);
        assertThat(c.labels("gaussian_noise-1")).containsExactly(0, 0, 1, 1, 2, 2);
        assertThat(c.shape()).isEqualTo(new ImageShape(64, 64, 3));
        Images fog = c.read("fog-2", 0, 6);
        assertThat(fog.labels()).containsExactly(0, 0, 1, 1, 2, 2);
        fog.checkRange();
        assertThat(c.examples("fog-1", true).describe(3)).endsWith("fog/1/n01000001/val_n01000001_1.JPEG");
        assertThat(c.verifyAll()).hasSize(4).allMatch(l -> l.endsWith(": 6 images decoded"));
        assertThatThrownBy(() -> c.size("fog-3")).isInstanceOf(UserInputException.class).hasMessageContaining("fog-3");
    }

    @Test
    void classesAreTheCleanSetsSoLabelsAgreeWithItsModels() {
        // the clean set has 5 classes; the -C tree holds only the first 3 folders
        SyntheticImageTrees.tinyImageNet(root, 5, 1, 1, 2);
        SyntheticImageTrees.corrupted(root, "Tiny-ImageNet-C", List.of("fog"), 1, 3, 1, 64, 1);
        ImageFolderCorruptedSet c = ImageFolderCorruptedProvider.tinyImageNetC().open(root);
        assertThat(c.classNames()).hasSize(5);
        // alone, the tree's own folders would give the same first labels but only 3 classes
        assertThat(ImageFolderCorruptedSet.open(root.resolve("Tiny-ImageNet-C"), 64, 64).classNames()).hasSize(3);
    }

    @Test
    void aClassFolderThatIsNotACleanClassIsRefusedByName() throws Exception {
        SyntheticImageTrees.tinyImageNet(root, 2, 1, 1, 2);
        SyntheticImageTrees.corrupted(root, "Tiny-ImageNet-C", List.of("fog"), 1, 2, 1, 64, 1);
        Files.createDirectories(root.resolve("Tiny-ImageNet-C/fog/1/n77777777"));
        assertThatThrownBy(() -> ImageFolderCorruptedProvider.tinyImageNetC().open(root))
                .isInstanceOf(UserInputException.class).hasMessageContaining("n77777777");
    }

    @Test
    void imageNetCImagesAlreadyAtTheCropSizeAreTakenAsTheyAre() throws Exception {
        Path dir = root.resolve("ImageNet-C/contrast/5/n01000000");
        Files.createDirectories(dir);
        BufferedImage img = new BufferedImage(224, 224, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 224; y++) {
            for (int x = 0; x < 224; x++) {
                img.setRGB(x, y, (x << 16) | (y << 8) | ((x + y) & 0xff));
            }
        }
        ImageIO.write(img, "png", dir.resolve("a.png").toFile());
        ImageIO.write(new BufferedImage(300, 260, BufferedImage.TYPE_INT_RGB), "png", dir.resolve("b.png").toFile());
        ImageFolderCorruptedSet c = ImageFolderCorruptedProvider.imageNetC().open(root);
        assertThat(c.name()).isEqualTo("imagenet-c");
        Images two = c.read("contrast-5", 0, 2);
        assertThat(two.shape()).isEqualTo(new ImageShape(224, 224, 3));
        float[] a = two.image(0);
        for (int y = 0; y < 224; y += 13) {
            for (int x = 0; x < 224; x += 11) {
                int o = 3 * (y * 224 + x);
                assertThat(Math.round(a[o] * 255)).isEqualTo(x);
                assertThat(Math.round(a[o + 1] * 255)).isEqualTo(y);
            }
        }
        assertThat(c.trainingAugmentation()).startsWith("none");
    }

    @Test
    void folderLayoutIsToldApartFromTheNpyLayout() {
        SyntheticImageTrees.corrupted(root, "x", List.of("fog"), 1, 1, 1, 16, 1);
        assertThat(ImageFolderCorruptedSet.isFolderLayout(root.resolve("x"))).isTrue();
        Path npy = root.resolve("npy");
        CorruptedSet.writeLabels(npy, new int[] {0});
        assertThat(ImageFolderCorruptedSet.isFolderLayout(npy)).isFalse();
        assertThat(ImageFolderCorruptedSet.isFolderLayout(root.resolve("absent"))).isFalse();
        assertThatThrownBy(() -> ImageFolderCorruptedSet.open(npy, 64, 64)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("<corruption>/<severity>/<class>/");
        assertThat(ImageFolderCorruptedProvider.imageNetC().isPresent(root)).isFalse();
        assertThatThrownBy(() -> ImageFolderCorruptedProvider.imageNetC().open(root))
                .satisfies(e -> assertThat(((UserInputException) e).hint()).contains("zenodo"));
    }
}
