package org.lowfreq.tensorflow;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import javax.imageio.ImageIO;

import org.lowfreq.datasets.ImageFolderDataset;
import org.lowfreq.datasets.stream.ExampleSource;
import org.lowfreq.datasets.stream.StreamableDataset;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Images;

/**
 * A streamable ImageNet-layout folder for tests: the datasets module's folder reader, one image
 * at a time, with a horizontal flip from the example's stream as its training augmentation. Its
 * {@code read} refuses, so a test fails if the trainer reads a split instead of streaming it.
 */
final class StreamedFolderData implements StreamableDataset {
    private final ImageFolderDataset folder;

    StreamedFolderData(Path dir, int resize, int crop) {
        this.folder = new ImageFolderDataset("test-folder", dir, resize, crop, "a test tree");
    }

    /** {@code perClass} JPEGs of side {@code side} per class and split: class c is bright in band c of the image. */
    static void writeTree(Path dir, List<String> classes, int trainPerClass, int valPerClass, int side, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        for (String split : List.of("train", "val")) {
            for (int c = 0; c < classes.size(); c++) {
                Path d = dir.resolve(split).resolve(classes.get(c));
                int n = split.equals("train") ? trainPerClass : valPerClass;
                for (int i = 0; i < n; i++) {
                    BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
                    for (int y = 0; y < side; y++) {
                        boolean on = y * classes.size() / side == c;
                        for (int x = 0; x < side; x++) {
                            int v = (on ? 160 : 40) + rng.nextInt(60);
                            img.setRGB(x, y, (v << 16) | (v << 8) | v / 2);
                        }
                    }
                    try {
                        Files.createDirectories(d);
                        ImageIO.write(img, "jpg", d.resolve(String.format("img%03d.JPEG", i)).toFile());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
    }

    @Override
    public ExampleSource examples(String split, boolean training) {
        requireSplit(split);
        ImageShape shape = folder.shape();
        return new ExampleSource() {
            @Override
            public int size() {
                return folder.size(split);
            }

            @Override
            public ImageShape shape() {
                return shape;
            }

            @Override
            public int label(int index) {
                return folder.labels(split)[index];
            }

            @Override
            public void produce(int index, SplittableRandom rng, float[] dst, int offset) {
                float[] px = folder.read(split, index, 1).pixels();
                boolean flip = training && rng.nextBoolean();
                int w = shape.width();
                int c = shape.channels();
                for (int y = 0; y < shape.height(); y++) {
                    for (int x = 0; x < w; x++) {
                        int sx = flip ? w - 1 - x : x;
                        System.arraycopy(px, (y * w + sx) * c, dst, offset + (y * w + x) * c, c);
                    }
                }
            }

            @Override
            public String describe(int index) {
                return "image " + index + " of " + split;
            }
        };
    }

    @Override
    public String trainingAugmentation() {
        return "horizontal flip (test tree)";
    }

    @Override
    public String name() {
        return folder.name();
    }

    @Override
    public List<String> classNames() {
        return folder.classNames();
    }

    @Override
    public ImageShape shape() {
        return folder.shape();
    }

    @Override
    public List<String> splits() {
        return folder.splits();
    }

    @Override
    public int size(String split) {
        return folder.size(split);
    }

    @Override
    public Images read(String split, int from, int count) {
        throw new AssertionError("a streamed data set must not be read in ranges (" + split + " " + from + "+" + count + ")");
    }
}
