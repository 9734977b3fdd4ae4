package org.lowfreq.probes.corruption;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.lowfreq.datasets.stream.ExampleSource;
import org.lowfreq.datasets.stream.StreamableDataset;
import org.lowfreq.datasets.stream.UnreadableExampleException;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.UserInputException;

/**
 * A minimal reader of the published -C folder layout, for the probe until the data sets module's
 * folder reader is wired in its place: lists {@code <corruption>/<severity>/<wnid>/} folders in sorted
 * order, decodes each image when it is produced, and takes only images already of the clean set's
 * size (the published sets store the evaluation crops).
 */
final class InterimFolderReader implements FolderLayoutReader {
    @Override
    public boolean isFolderLayout(Path dir) {
        for (Path c : folders(dir)) {
            for (Path s : severities(c)) {
                if (!folders(s).isEmpty()) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public StreamableDataset open(Path dir, ImageShape shape, List<String> classNames) {
        Map<String, List<Path>> files = new LinkedHashMap<>();
        Map<String, int[]> labels = new LinkedHashMap<>();
        for (Path c : folders(dir)) {
            for (Path s : severities(c)) {
                List<Path> f = new ArrayList<>();
                List<Integer> l = new ArrayList<>();
                for (Path w : folders(s)) {
                    int label = classNames.indexOf(w.getFileName().toString());
                    if (label < 0) {
                        throw new UserInputException("class folder " + w + " is not a class of the clean set",
                                "the -C set must use the clean set's class ids (wnids) as folder names");
                    }
                    for (Path img : images(w)) {
                        f.add(img);
                        l.add(label);
                    }
                }
                String split = c.getFileName() + "-" + s.getFileName();
                files.put(split, f);
                labels.put(split, l.stream().mapToInt(Integer::intValue).toArray());
            }
        }
        if (files.isEmpty()) {
            throw new UserInputException("no <corruption>/<severity>/<class>/ folders in " + dir);
        }
        return new FolderSet(dir.getFileName() == null ? dir.toString() : dir.getFileName().toString(), shape, classNames,
                files, labels);
    }

    private record FolderSet(String name, ImageShape shape, List<String> classNames, Map<String, List<Path>> files,
                       Map<String, int[]> labelsOf) implements StreamableDataset {
        @Override
        public List<String> splits() {
            return List.copyOf(files.keySet());
        }

        @Override
        public int size(String split) {
            requireSplit(split);
            return files.get(split).size();
        }

        @Override
        public int[] labels(String split) {
            requireSplit(split);
            return labelsOf.get(split).clone();
        }

        @Override
        public Images read(String split, int from, int count) {
            ExampleSource s = examples(split, false);
            float[] px = new float[count * shape.size()];
            int[] l = new int[count];
            for (int i = 0; i < count; i++) {
                s.produce(from + i, null, px, i * shape.size());
                l[i] = s.label(from + i);
            }
            return new Images(count, shape, px, l);
        }

        @Override
        public ExampleSource examples(String split, boolean training) {
            requireSplit(split);
            List<Path> f = files.get(split);
            int[] l = labelsOf.get(split);
            return new ExampleSource() {
                @Override
                public int size() {
                    return f.size();
                }

                @Override
                public ImageShape shape() {
                    return shape;
                }

                @Override
                public int label(int index) {
                    return l[index];
                }

                @Override
                public void produce(int index, SplittableRandom rng, float[] dst, int offset) {
                    decodeInto(f.get(index), shape, dst, offset);
                }

                @Override
                public String describe(int index) {
                    return f.get(index).toString();
                }
            };
        }

        @Override
        public String trainingAugmentation() {
            return "none (a -C set is for evaluation)";
        }
    }

    static void decodeInto(Path file, ImageShape shape, float[] dst, int offset) {
        BufferedImage img;
        try {
            img = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new UnreadableExampleException(file.toString(), e.getMessage(), e);
        }
        if (img == null) {
            throw new UnreadableExampleException(file.toString(), "not an image ImageIO can decode", null);
        }
        if (img.getWidth() != shape.width() || img.getHeight() != shape.height()) {
            throw new UserInputException("image " + file + " is " + img.getWidth() + " x " + img.getHeight()
                    + " but the model's data set has " + shape.width() + " x " + shape.height() + " images",
                    "use the -C set made for the model's resolution");
        }
        int c = shape.channels();
        for (int y = 0; y < shape.height(); y++) {
            for (int x = 0; x < shape.width(); x++) {
                int rgb = img.getRGB(x, y);
                int o = offset + (y * shape.width() + x) * c;
                dst[o] = ((rgb >> 16) & 0xFF) / 255f;
                if (c == 3) {
                    dst[o + 1] = ((rgb >> 8) & 0xFF) / 255f;
                    dst[o + 2] = (rgb & 0xFF) / 255f;
                }
            }
        }
    }

    private static List<Path> folders(Path d) {
        if (!Files.isDirectory(d)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(d)) {
            return s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UserInputException("cannot list " + d + ": " + e.getMessage());
        }
    }

    private static List<Path> severities(Path corruption) {
        return folders(corruption).stream().filter(p -> p.getFileName().toString().matches("[1-5]")).toList();
    }

    private static List<Path> images(Path d) {
        try (Stream<Path> s = Files.list(d)) {
            return s.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return n.endsWith(".jpeg") || n.endsWith(".jpg") || n.endsWith(".png");
            }).sorted().toList();
        } catch (IOException e) {
            throw new UserInputException("cannot list " + d + ": " + e.getMessage());
        }
    }
}
