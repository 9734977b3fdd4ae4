package org.lowfreq.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.UserInputException;

class ImageFolderTest {
    @TempDir
    Path root;

    /** A wide image: left third red, middle third green, right third blue. */
    static BufferedImage stripes(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, w / 3, h);
        g.setColor(Color.GREEN);
        g.fillRect(w / 3, 0, w / 3, h);
        g.setColor(Color.BLUE);
        g.fillRect(2 * w / 3, 0, w - 2 * w / 3, h);
        g.dispose();
        return img;
    }

    static BufferedImage solid(Color c, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }

    @Test
    void resizeKeepsAspectThenCropsTheCentre() {
        BufferedImage out = ImageResize.resizeAndCrop(stripes(300, 100), 12, 12);
        assertThat(out.getWidth()).isEqualTo(12);
        assertThat(out.getHeight()).isEqualTo(12);
        // 300x100 -> 36x12; the centre 12 columns are the green stripe (edges blend with its neighbours)
        float[] px = new float[12 * 12 * 3];
        ImageResize.toFloats(out, px, 0);
        for (int y = 0; y < 12; y++) {
            for (int x = 2; x < 10; x++) {
                int i = y * 12 + x;
                assertThat(px[3 * i + 1]).isCloseTo(1f, within(0.02f));
                assertThat(px[3 * i]).isCloseTo(0f, within(0.02f));
            }
        }
        assertThat(px[0] + px[2]).as("edge column blends red").isGreaterThan(0.05f);
    }

    @Test
    void classFoldersBecomeLabelsInSortedOrder() throws Exception {
        Path set = root.resolve("shapes");
        Files.createDirectories(set.resolve("train/b_green"));
        Files.createDirectories(set.resolve("train/a_red/images"));
        ImageIO.write(solid(Color.RED, 40, 30), "png", set.resolve("train/a_red/images/1.png").toFile());
        ImageIO.write(solid(Color.RED, 20, 20), "jpg", set.resolve("train/a_red/images/2.JPG").toFile());
        ImageIO.write(solid(Color.GREEN, 16, 16), "png", set.resolve("train/b_green/x.png").toFile());
        Files.writeString(set.resolve("train/b_green/notes.txt"), "ignored");
        ImageFolderDataset d = new ImageFolderDataset("shapes", set, 8, 8, "hint");
        assertThat(d.classNames()).containsExactly("a_red", "b_green");
        assertThat(d.splits()).containsExactly("train");
        assertThat(d.shape()).isEqualTo(new ImageShape(8, 8, 3));
        Images all = d.readAll("train");
        assertThat(all.labels()).containsExactly(0, 0, 1);
        assertThat(all.image(0)[0]).isCloseTo(1f, within(0.01f));
        assertThat(all.image(2)[1]).isCloseTo(1f, within(0.01f));
        all.checkRange();
    }

    @Test
    void tinyImageNetValidationLayout() throws Exception {
        Path set = root.resolve("tiny-imagenet-200");
        Files.createDirectories(set.resolve("train/n01/images"));
        Files.createDirectories(set.resolve("train/n02/images"));
        Files.createDirectories(set.resolve("val/images"));
        Files.createDirectories(set.resolve("test/images"));
        ImageIO.write(solid(Color.RED, 64, 64), "png", set.resolve("train/n01/images/a.png").toFile());
        ImageIO.write(solid(Color.BLUE, 64, 64), "png", set.resolve("train/n02/images/b.png").toFile());
        ImageIO.write(solid(Color.BLUE, 64, 64), "png", set.resolve("val/images/val_0.png").toFile());
        ImageIO.write(solid(Color.RED, 64, 64), "png", set.resolve("val/images/val_1.png").toFile());
        ImageIO.write(solid(Color.RED, 64, 64), "png", set.resolve("test/images/test_0.png").toFile());
        Files.writeString(set.resolve("val/val_annotations.txt"),
                "val_1.png\tn01\t0\t0\t10\t10\nval_0.png\tn02\t0\t0\t10\t10\n");
        Files.writeString(set.resolve("wnids.txt"), "n02\nn01\n");
        ImageFolderDataset d = ImageFolderProvider.tinyImageNet().open(root);
        assertThat(d.splits()).containsExactly("train", "val"); // test/ has no labels
        assertThat(d.classNames()).containsExactly("n01", "n02");
        Images val = d.readAll("val");
        assertThat(val.labels()).containsExactly(1, 0);
        assertThat(val.image(0)[2]).isCloseTo(1f, within(0.01f));
        assertThat(d.verifyAll()).containsExactly("train: 2 images decoded", "val: 2 images decoded");
    }

    @Test
    void undecodableImageIsNamed() throws Exception {
        Path set = root.resolve("bad");
        Files.createDirectories(set.resolve("train/c"));
        Path f = set.resolve("train/c/broken.png");
        Files.writeString(f, "this is not a png");
        ImageFolderDataset d = new ImageFolderDataset("bad", set, 8, 8, "hint");
        assertThatThrownBy(() -> d.read("train", 0, 1)).isInstanceOf(UserInputException.class)
                .hasMessageContaining(f.toString());
    }

    @Test
    void absentFolderSaysHowToGetIt() {
        assertThatThrownBy(() -> ImageFolderProvider.tinyImageNet().open(root)).isInstanceOf(UserInputException.class)
                .satisfies(e -> assertThat(((UserInputException) e).hint()).contains("tiny-imagenet-200.zip"));
    }
}
