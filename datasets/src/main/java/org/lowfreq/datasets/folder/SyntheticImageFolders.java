package org.lowfreq.datasets.folder;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.lowfreq.spi.AtomicFiles;
import org.lowfreq.spi.Seeds;
import org.lowfreq.spi.UserInputException;

/**
 * Generated image-folder trees in the layouts lowfreq reads (ImageNet, Tiny-ImageNet, the -C sets),
 * for tests and loader benchmarks; no image is ever checked in. Every image is a function of (seed,
 * class, index): a class has its own colour and grating (orientation and frequency), and each image
 * adds a random phase, brightness, size and pixel noise, so a model can learn the classes but no two
 * images are equal. JPEG quality 90.
 */
public final class SyntheticImageFolders {
    static final float QUALITY = 0.9f;

    private SyntheticImageFolders() {
    }

    /** What was written. */
    public record Tree(Path root, List<String> classes, int images) {
    }

    /** Class ids in the WordNet style of ImageNet folders: n00000000, n00000001, ... */
    public static List<String> wnids(int classes) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            out.add(String.format(Locale.ROOT, "n%08d", 1_000_000 + c));
        }
        return out;
    }

    /**
     * ImageNet layout: {@code train/<wnid>/<wnid>_<k>.JPEG} ({@code perClass} per class) and
     * {@code val/<wnid>/val_<wnid>_<k>.JPEG} ({@code valPerClass}); images about {@code width} x
     * {@code height} (each side varies by up to 10 %).
     */
    public static Tree imageNet(Path dir, int classes, int perClass, int valPerClass, int width, int height, long seed) {
        check(classes, perClass, width, height);
        List<String> ids = wnids(classes);
        int n = 0;
        for (int c = 0; c < classes; c++) {
            for (int k = 0; k < perClass; k++) {
                write(image(c, classes, "train", k, width, height, true, seed),
                        dir.resolve("train").resolve(ids.get(c)).resolve(ids.get(c) + "_" + k + ".JPEG"));
                n++;
            }
            for (int k = 0; k < valPerClass; k++) {
                write(image(c, classes, "val", k, width, height, true, seed),
                        dir.resolve("val").resolve(ids.get(c)).resolve("val_" + ids.get(c) + "_" + k + ".JPEG"));
                n++;
            }
        }
        return new Tree(dir, ids, n);
    }

    /**
     * Tiny-ImageNet's official layout at {@code size} px: {@code wnids.txt}, {@code words.txt},
     * {@code train/<wnid>/images/<wnid>_<k>.JPEG} with {@code <wnid>_boxes.txt}, {@code val/images/val_<i>.JPEG}
     * with {@code val/val_annotations.txt} (classes interleaved), and unlabelled {@code test/images/}.
     */
    public static Tree tinyImageNet(Path dir, int classes, int perClass, int valPerClass, int testCount, int size, long seed) {
        check(classes, perClass, size, size);
        List<String> ids = wnids(classes);
        // wnids.txt is not sorted in the official release; readers must sort it themselves
        List<String> shuffled = new ArrayList<>(ids);
        java.util.Collections.reverse(shuffled);
        AtomicFiles.writeString(dir.resolve("wnids.txt"), String.join("\n", shuffled) + "\n");
        StringBuilder words = new StringBuilder("n99999999\tunused entity, not a class\n");
        for (int c = 0; c < classes; c++) {
            words.append(ids.get(c)).append("\tsynthetic class ").append(c).append(", grating ").append(c).append('\n');
        }
        AtomicFiles.writeString(dir.resolve("words.txt"), words.toString());
        int n = 0;
        for (int c = 0; c < classes; c++) {
            Path cd = dir.resolve("train").resolve(ids.get(c));
            StringBuilder boxes = new StringBuilder();
            for (int k = 0; k < perClass; k++) {
                String f = ids.get(c) + "_" + k + ".JPEG";
                write(image(c, classes, "train", k, size, size, false, seed), cd.resolve("images").resolve(f));
                boxes.append(f).append("\t0\t0\t").append(size - 1).append('\t').append(size - 1).append('\n');
                n++;
            }
            AtomicFiles.writeString(cd.resolve(ids.get(c) + "_boxes.txt"), boxes.toString());
        }
        StringBuilder ann = new StringBuilder();
        for (int i = 0; i < valPerClass * classes; i++) {
            int c = i % classes;
            String f = "val_" + i + ".JPEG";
            write(image(c, classes, "val", i, size, size, false, seed), dir.resolve("val/images").resolve(f));
            ann.append(f).append('\t').append(ids.get(c)).append("\t0\t0\t").append(size - 1).append('\t')
                    .append(size - 1).append('\n');
            n++;
        }
        AtomicFiles.writeString(dir.resolve("val/val_annotations.txt"), ann.toString());
        for (int i = 0; i < testCount; i++) {
            write(image(i % classes, classes, "test", i, size, size, false, seed),
                    dir.resolve("test/images").resolve("test_" + i + ".JPEG"));
            n++;
        }
        return new Tree(dir, ids, n);
    }

    /**
     * The published -C layout: {@code <corruption>/<severity>/<wnid>/<k>.JPEG}, {@code perClass}
     * images of {@code size} x {@code size} per class and severity; the "corruption" is pixel noise
     * growing with the severity.
     */
    public static Tree corrupted(Path dir, List<String> corruptions, int severities, int classes, int perClass, int size,
                                 long seed) {
        check(classes, perClass, size, size);
        List<String> ids = wnids(classes);
        int n = 0;
        for (String corruption : corruptions) {
            for (int s = 1; s <= severities; s++) {
                for (int c = 0; c < classes; c++) {
                    for (int k = 0; k < perClass; k++) {
                        BufferedImage img = image(c, classes, "val", k, size, size, false, seed);
                        addNoise(img, 0.04 * s, Seeds.random(seed, "synthetic-c", corruption, s, c, k));
                        write(img, dir.resolve(corruption).resolve(Integer.toString(s)).resolve(ids.get(c))
                                .resolve("val_" + ids.get(c) + "_" + k + ".JPEG"));
                        n++;
                    }
                }
            }
        }
        return new Tree(dir, ids, n);
    }

    private static void check(int classes, int perClass, int width, int height) {
        if (classes < 1 || perClass < 0 || width < 8 || height < 8) {
            throw new UserInputException("synthetic tree: need >= 1 class, >= 0 images per class and sides >= 8 px, got "
                    + classes + " classes, " + perClass + " per class, " + width + "x" + height);
        }
    }

    /**
     * Image {@code k} of class {@code c}: the class's colour modulated by its grating (orientation
     * pi c / classes, 3 + c mod 5 cycles across the image), with a random phase, brightness and noise.
     */
    static BufferedImage image(int c, int classes, String split, int k, int width, int height, boolean varySize,
                               long seed) {
        SplittableRandom rng = Seeds.random(seed, "synthetic", split, c, k);
        int w = varySize ? (int) Math.round(width * (0.9 + 0.2 * rng.nextDouble())) : width;
        int h = varySize ? (int) Math.round(height * (0.9 + 0.2 * rng.nextDouble())) : height;
        double hue = (double) c / classes;
        int[] base = hsv(hue, 0.7, 1.0);
        double theta = Math.PI * c / classes;
        double cycles = 3 + c % 5;
        double fx = 2 * Math.PI * cycles * Math.cos(theta) / Math.max(w, h);
        double fy = 2 * Math.PI * cycles * Math.sin(theta) / Math.max(w, h);
        double phase = 2 * Math.PI * rng.nextDouble();
        double gain = 0.75 + 0.25 * rng.nextDouble();
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double m = gain * (0.6 + 0.4 * Math.sin(fx * x + fy * y + phase));
                int noise = rng.nextInt(21) - 10;
                row[x] = (clamp(base[0] * m + noise) << 16) | (clamp(base[1] * m + noise) << 8) | clamp(base[2] * m + noise);
            }
            img.setRGB(0, y, w, 1, row, 0, w);
        }
        return img;
    }

    private static void addNoise(BufferedImage img, double sigma, SplittableRandom rng) {
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                int r = clamp(((p >> 16) & 0xff) + 255 * sigma * rng.nextGaussian());
                int g = clamp(((p >> 8) & 0xff) + 255 * sigma * rng.nextGaussian());
                int b = clamp((p & 0xff) + 255 * sigma * rng.nextGaussian());
                img.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
    }

    private static int[] hsv(double h, double s, double v) {
        int rgb = java.awt.Color.HSBtoRGB((float) h, (float) s, (float) v);
        return new int[] {(rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff};
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    private static void write(BufferedImage img, Path file) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UserInputException("cannot create " + file.getParent() + ": " + e.getMessage());
        }
        JpegFiles.write(img, file, QUALITY);
    }
}
