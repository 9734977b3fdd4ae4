package org.lowfreq.datasets;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.lowfreq.spi.Dataset;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.UserInputException;

/**
 * Images in class folders ({@code <split>/<class>/...png|jpg}), as in ImageNet, or Tiny-ImageNet's
 * validation layout ({@code val/images/} plus {@code val/val_annotations.txt}). Classes are the
 * sorted folder names of the training split (or {@code wnids.txt} when present); images are
 * listed in sorted path order, resized so the shorter side is {@code resize} and centre-cropped to
 * {@code crop}. Images are decoded on demand; a file that cannot be decoded is named in the error.
 */
public final class ImageFolderDataset implements Dataset {
    private static final List<String> SPLIT_NAMES = List.of("train", "val", "test");

    private final String name;
    private final Path dir;
    private final int resize;
    private final int crop;
    private final List<String> classNames;
    private final Map<String, Integer> classIndex = new HashMap<>();
    private final List<String> splits;
    private final String hint;
    private final Map<String, List<Entry>> listings = new ConcurrentHashMap<>();

    private record Entry(Path file, int label) {
    }

    /**
     * @param dir    folder holding {@code train/} (and {@code val/}, {@code test/} when labelled)
     * @param resize shorter side after resizing
     * @param crop   side of the centre crop
     */
    public ImageFolderDataset(String name, Path dir, int resize, int crop, String hint) {
        this.name = name;
        this.dir = dir;
        this.resize = resize;
        this.crop = crop;
        this.hint = hint;
        if (crop <= 0 || resize < crop) {
            throw new UserInputException("image size: resize " + resize + " must be >= crop " + crop + " > 0");
        }
        this.splits = SPLIT_NAMES.stream().filter(s -> isLabelled(dir.resolve(s))).toList();
        if (splits.isEmpty()) {
            throw new UserInputException("no labelled split (train/, val/ or test/ with one folder per class) in " + dir,
                    hint);
        }
        this.classNames = readClassNames();
        for (int i = 0; i < classNames.size(); i++) {
            classIndex.put(classNames.get(i), i);
        }
    }

    private static boolean isLabelled(Path split) {
        if (!Files.isDirectory(split)) {
            return false;
        }
        if (Files.isRegularFile(split.resolve("val_annotations.txt"))) {
            return true;
        }
        List<Path> sub = subfolders(split);
        return !sub.isEmpty() && !(sub.size() == 1 && sub.get(0).getFileName().toString().equals("images"));
    }

    private static List<Path> subfolders(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UserInputException("cannot list " + dir + ": " + e.getMessage());
        }
    }

    private List<String> readClassNames() {
        Path wnids = dir.resolve("wnids.txt");
        try {
            if (Files.isRegularFile(wnids)) {
                return Files.readAllLines(wnids).stream().map(String::trim).filter(x -> !x.isEmpty()).sorted().toList();
            }
        } catch (IOException e) {
            throw new UserInputException("cannot read " + wnids + ": " + e.getMessage(), hint);
        }
        Path first = dir.resolve(splits.get(0));
        return subfolders(first).stream().map(p -> p.getFileName().toString()).toList();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    @Override
    public ImageShape shape() {
        return new ImageShape(crop, crop, 3);
    }

    @Override
    public List<String> splits() {
        return splits;
    }

    @Override
    public int size(String split) {
        return listing(split).size();
    }

    @Override
    public Images read(String split, int from, int count) {
        List<Entry> entries = listing(split);
        if (from < 0 || count < 0 || from + count > entries.size()) {
            throw new UserInputException("images [" + from + ", " + (from + count) + ") are outside split " + split
                    + " of " + name + " (" + entries.size() + " images)");
        }
        int size = shape().size();
        float[] px = new float[count * size];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            Entry e = entries.get(from + i);
            ImageResize.toFloats(ImageResize.resizeAndCrop(decode(e.file()), resize, crop), px, i * size);
            labels[i] = e.label();
        }
        return new Images(count, shape(), px, labels);
    }

    private BufferedImage decode(Path f) {
        try {
            BufferedImage img = ImageIO.read(f.toFile());
            if (img == null) {
                throw new UserInputException("cannot decode image " + f + " (not a PNG/JPEG lowfreq can read)", hint);
            }
            return img;
        } catch (IOException e) {
            throw new UserInputException("cannot decode image " + f + ": " + e.getMessage(), hint, e);
        }
    }

    private List<Entry> listing(String split) {
        requireSplit(split);
        return listings.computeIfAbsent(split, this::list);
    }

    private List<Entry> list(String split) {
        Path sd = dir.resolve(split);
        List<Entry> out = new ArrayList<>();
        Path ann = sd.resolve("val_annotations.txt");
        try {
            if (Files.isRegularFile(ann)) {
                List<String> lines = Files.readAllLines(ann);
                for (String line : lines.stream().sorted().toList()) {
                    String[] parts = line.split("\t");
                    if (parts.length < 2) {
                        continue;
                    }
                    Path img = sd.resolve("images").resolve(parts[0]);
                    out.add(new Entry(img, label(parts[1], ann)));
                }
                return out;
            }
            for (Path classDir : subfolders(sd)) {
                int label = label(classDir.getFileName().toString(), classDir);
                try (Stream<Path> s = Files.walk(classDir)) {
                    s.filter(Files::isRegularFile).filter(ImageFolderDataset::isImage).sorted()
                            .forEach(p -> out.add(new Entry(p, label)));
                }
            }
        } catch (IOException e) {
            throw new UserInputException("cannot list " + sd + ": " + e.getMessage(), hint, e);
        }
        return out;
    }

    private int label(String cls, Path where) {
        Integer i = classIndex.get(cls);
        if (i == null) {
            throw new UserInputException("class '" + cls + "' in " + where + " is not a class of " + name
                    + " (classes come from " + dir.resolve(splits.get(0)) + ")", hint);
        }
        return i;
    }

    static boolean isImage(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg");
    }

    /** Decodes every image of every split; one line per split (slow for big sets). */
    public List<String> verifyAll() {
        List<String> lines = new ArrayList<>();
        for (String split : splits) {
            List<Entry> entries = listing(split);
            for (Entry e : entries) {
                decode(e.file());
            }
            lines.add(split + ": " + entries.size() + " images decoded");
        }
        return lines;
    }

    @Override
    public String toString() {
        return name + " at " + dir;
    }
}
