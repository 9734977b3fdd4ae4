package org.lowfreq.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.lowfreq.datasets.folder.FileListing;
import org.lowfreq.datasets.folder.ImageDecoder;
import org.lowfreq.datasets.folder.ImageFileSource;
import org.lowfreq.datasets.folder.ImageView;
import org.lowfreq.datasets.folder.ImageViews;
import org.lowfreq.datasets.folder.RandomResizedCrop;
import org.lowfreq.datasets.stream.ExampleSource;
import org.lowfreq.datasets.stream.GrayscaleSource;
import org.lowfreq.datasets.stream.StreamableDataset;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.UserInputException;

/**
 * Images in class folders ({@code <split>/<class>/...png|jpg}), as in ImageNet, or Tiny-ImageNet's
 * validation layout ({@code val/images/} plus {@code val/val_annotations.txt}). Classes are the
 * sorted folder names of the training split (or {@code wnids.txt} when present); images are
 * listed in sorted path order. Only the listing (folder, file name and label of each image) stays
 * in memory; every image is decoded when asked for:
 * <ul>
 *   <li>{@link #read} and {@code examples(split, false)}: shorter side resized to {@code resize},
 *       centre crop {@code crop} (one implementation, {@link ImageViews#evaluation});</li>
 *   <li>{@code examples(split, true)}: the training view given to the constructor (random-resized-crop
 *       and flip for ImageNet, pad-crop and flip for 64 px Tiny-ImageNet).</li>
 * </ul>
 * The grayscale variant gives the luma of the same views ({@link GrayscaleSource}). A file that
 * cannot be decoded is named in the error.
 */
public final class ImageFolderDataset implements StreamableDataset {
    private static final List<String> SPLIT_NAMES = List.of("train", "val", "test");

    private final String name;
    private final Path dir;
    private final ImageView evaluation;
    private final ImageView training;
    private final boolean gray;
    private final List<String> classNames;
    private final Map<String, Integer> classIndex = new HashMap<>();
    private final List<String> splits;
    private final String hint;
    private final Map<String, FileListing> listings = new ConcurrentHashMap<>();

    /**
     * An RGB set trained with ImageNet's random-resized-crop and flip.
     *
     * @param dir    folder holding {@code train/} (and {@code val/}, {@code test/} when labelled)
     * @param resize shorter side after resizing
     * @param crop   side of the centre crop
     */
    public ImageFolderDataset(String name, Path dir, int resize, int crop, String hint) {
        this(name, dir, resize, crop, ImageViews.randomResizedCrop(crop, RandomResizedCrop.IMAGENET), false, hint);
    }

    /**
     * @param training the training view, {@code crop} pixels square
     * @param gray     one channel, L = 0.299 R + 0.587 G + 0.114 B
     */
    public ImageFolderDataset(String name, Path dir, int resize, int crop, ImageView training, boolean gray, String hint) {
        this.name = name;
        this.dir = dir;
        this.hint = hint;
        if (crop <= 0 || resize < crop) {
            throw new UserInputException("image size: resize " + resize + " must be >= crop " + crop + " > 0");
        }
        if (training.size() != crop) {
            throw new IllegalArgumentException("training view makes " + training.size() + " px, evaluation " + crop);
        }
        this.evaluation = ImageViews.evaluation(resize, crop, false);
        this.training = training;
        this.gray = gray;
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
        return new ImageShape(evaluation.size(), evaluation.size(), gray ? 1 : 3);
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
        return ExampleSource.readRange(examples(split, false), from, count, "split " + split + " of " + name, hint);
    }

    @Override
    public int[] labels(String split) {
        return listing(split).labels();
    }

    @Override
    public ExampleSource examples(String split, boolean training) {
        ExampleSource rgb = new ImageFileSource(listing(split), training ? this.training : evaluation);
        return gray ? new GrayscaleSource(rgb) : rgb;
    }

    @Override
    public String trainingAugmentation() {
        return training.description() + (gray ? ", then grayscale (L = 0.299R + 0.587G + 0.114B)" : "");
    }

    /** The evaluation view's description, e.g. "shorter side resized to 256, centre crop 224". */
    public String evaluationView() {
        return evaluation.description();
    }

    /**
     * Class names with their descriptions from {@code words.txt} (Tiny-ImageNet and ImageNet's
     * {@code wnid<TAB>words} file), e.g. "n01443537 goldfish"; the bare names when there is none.
     */
    public List<String> classDescriptions() {
        Path words = dir.resolve("words.txt");
        if (!Files.isRegularFile(words)) {
            return classNames;
        }
        Map<String, String> byId = new HashMap<>();
        try (Stream<String> lines = Files.lines(words)) {
            lines.forEach(line -> {
                int tab = line.indexOf('\t');
                if (tab > 0 && classIndex.containsKey(line.substring(0, tab).trim())) {
                    String first = line.substring(tab + 1).split(",")[0].trim();
                    byId.put(line.substring(0, tab).trim(), first);
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new UserInputException("cannot read " + words + ": " + e.getMessage(), hint);
        }
        return classNames.stream().map(c -> byId.containsKey(c) ? c + " " + byId.get(c) : c).toList();
    }

    /** The folder the set was opened from. */
    public Path folder() {
        return dir;
    }

    private FileListing listing(String split) {
        requireSplit(split);
        return listings.computeIfAbsent(split, this::list);
    }

    private FileListing list(String split) {
        Path sd = dir.resolve(split);
        FileListing.Builder out = new FileListing.Builder();
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
                    out.add(img, label(parts[1], ann));
                }
                return out.build();
            }
            for (Path classDir : subfolders(sd)) {
                int label = label(classDir.getFileName().toString(), classDir);
                try (Stream<Path> s = Files.walk(classDir)) {
                    s.filter(Files::isRegularFile).filter(ImageDecoder::isImageName).sorted()
                            .forEach(p -> out.add(p, label));
                }
            }
        } catch (IOException e) {
            throw new UserInputException("cannot list " + sd + ": " + e.getMessage(), hint, e);
        }
        return out.build();
    }

    private int label(String cls, Path where) {
        Integer i = classIndex.get(cls);
        if (i == null) {
            throw new UserInputException("class '" + cls + "' in " + where + " is not a class of " + name
                    + " (classes come from " + dir.resolve(splits.get(0)) + ")", hint);
        }
        return i;
    }

    /** Decodes every image of every split; one line per split (slow for big sets). */
    public List<String> verifyAll() {
        List<String> lines = new ArrayList<>();
        for (String split : splits) {
            FileListing entries = listing(split);
            ImageFileSource.decodeAll(entries, hint);
            lines.add(split + ": " + entries.size() + " images decoded");
        }
        return lines;
    }

    @Override
    public String toString() {
        return name + " at " + dir;
    }
}
