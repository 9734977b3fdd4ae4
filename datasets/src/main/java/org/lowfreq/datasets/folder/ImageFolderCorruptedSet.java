package org.lowfreq.datasets.folder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.lowfreq.datasets.stream.ExampleSource;
import org.lowfreq.datasets.stream.StreamableDataset;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.UserInputException;

/**
 * A corrupted evaluation set in the layout of the published Tiny-ImageNet-C and ImageNet-C:
 * {@code <dir>/<corruption>/<severity>/<wnid>/*.JPEG}. Splits are named
 * {@code <corruption>-<severity>} (e.g. {@code fog-3}), as for the NPY -C sets ({@code CorruptedSet}).
 * Only folder names are read when opened; a split's file list is read when the split is first used,
 * and images are decoded on demand.
 *
 * <p><b>Evaluation view.</b> The published images are already the evaluation crops (224 px for
 * ImageNet-C, 64 px for Tiny-ImageNet-C), so an image that is already {@code crop} x {@code crop} is
 * taken as it is; any other size is resized (shorter side {@code resize}) and centre-cropped as the
 * clean set would be. A -C set has no training augmentation: {@code examples(split, true)} is the
 * evaluation view.
 */
public final class ImageFolderCorruptedSet implements StreamableDataset {
    private final String name;
    private final Path dir;
    private final ImageView view;
    private final List<String> classNames;
    private final Map<String, Integer> classIndex = new HashMap<>();
    private final List<String> splits;
    private final String hint;
    private final Map<String, FileListing> listings = new ConcurrentHashMap<>();

    /**
     * @param classNames the classes, index = label (those of the clean set, so labels agree with
     *                   models trained on it); null = the sorted class folder names found in all splits
     * @param hint       how to get the files, for errors
     */
    public ImageFolderCorruptedSet(String name, Path dir, int resize, int crop, List<String> classNames, String hint) {
        this.name = name;
        this.dir = dir;
        this.hint = hint;
        if (crop <= 0 || resize < crop) {
            throw new UserInputException("image size: resize " + resize + " must be >= crop " + crop + " > 0");
        }
        this.view = ImageViews.evaluation(resize, crop, true);
        if (!isFolderLayout(dir)) {
            throw new UserInputException("no -C set in the folder layout in " + dir
                    + " (expected <corruption>/<severity>/<class>/ image folders, e.g. fog/3/n01443537/)", hint);
        }
        this.splits = new ArrayList<>();
        TreeSet<String> found = new TreeSet<>();
        for (Path c : subfolders(dir)) {
            for (Path s : severityFolders(c)) {
                splits.add(c.getFileName() + "-" + s.getFileName());
                subfolders(s).forEach(w -> found.add(w.getFileName().toString()));
            }
        }
        this.classNames = classNames == null ? List.copyOf(found) : List.copyOf(classNames);
        for (int i = 0; i < this.classNames.size(); i++) {
            classIndex.put(this.classNames.get(i), i);
        }
        for (String w : found) {
            if (!classIndex.containsKey(w)) {
                throw new UserInputException("class folder '" + w + "' in " + dir + " is not a class of the clean set ("
                        + this.classNames.size() + " classes, e.g. " + this.classNames.get(0) + ")",
                        "the -C set must use the clean set's class ids (wnids) as folder names");
            }
        }
    }

    /** Opens any folder in this layout; classes are its sorted class folder names. */
    public static ImageFolderCorruptedSet open(Path dir, int resize, int crop) {
        return open(dir, resize, crop, null);
    }

    /** Opens any folder in this layout with the given classes (e.g. the model's, from its training set). */
    public static ImageFolderCorruptedSet open(Path dir, int resize, int crop, List<String> classNames) {
        return new ImageFolderCorruptedSet(dir.getFileName() == null ? dir.toString() : dir.getFileName().toString(), dir,
                resize, crop, classNames, "point at a folder holding <corruption>/<severity>/<class>/*.JPEG");
    }

    /**
     * Whether {@code dir} holds at least one {@code <corruption>/<severity>/<class>/} folder (as
     * opposed to the NPY layout's {@code <corruption>.npy} files).
     */
    public static boolean isFolderLayout(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        for (Path c : subfolders(dir)) {
            for (Path s : severityFolders(c)) {
                if (!subfolders(s).isEmpty()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<Path> severityFolders(Path corruption) {
        return subfolders(corruption).stream().filter(p -> p.getFileName().toString().matches("[1-9][0-9]*"))
                .sorted((a, b) -> Integer.compare(Integer.parseInt(a.getFileName().toString()),
                        Integer.parseInt(b.getFileName().toString())))
                .toList();
    }

    private static List<Path> subfolders(Path d) {
        try (Stream<Path> s = Files.list(d)) {
            return s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UserInputException("cannot list " + d + ": " + e.getMessage());
        }
    }

    /** The corruptions, sorted, each once. */
    public List<String> corruptions() {
        return splits.stream().map(s -> s.substring(0, s.lastIndexOf('-'))).distinct().toList();
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
        return new ImageShape(view.size(), view.size(), 3);
    }

    @Override
    public List<String> splits() {
        return List.copyOf(splits);
    }

    @Override
    public int size(String split) {
        return listing(split).size();
    }

    @Override
    public int[] labels(String split) {
        return listing(split).labels();
    }

    @Override
    public Images read(String split, int from, int count) {
        return ExampleSource.readRange(examples(split, false), from, count, "split " + split + " of " + name, hint);
    }

    /** The evaluation view for both: a -C set is never trained on. */
    @Override
    public ExampleSource examples(String split, boolean training) {
        return new ImageFileSource(listing(split), view);
    }

    @Override
    public String trainingAugmentation() {
        return "none (a -C set is for evaluation; " + view.description() + ", images already " + view.size()
                + " px taken as they are)";
    }

    /** Decodes every image; one line per split (slow for the full published sets). */
    public List<String> verifyAll() {
        List<String> lines = new ArrayList<>();
        for (String split : splits) {
            FileListing entries = listing(split);
            ImageFileSource.decodeAll(entries, hint);
            lines.add(split + ": " + entries.size() + " images decoded");
        }
        return lines;
    }

    private FileListing listing(String split) {
        requireSplit(split);
        return listings.computeIfAbsent(split, this::list);
    }

    private FileListing list(String split) {
        int dash = split.lastIndexOf('-');
        Path sd = dir.resolve(split.substring(0, dash)).resolve(split.substring(dash + 1));
        FileListing.Builder out = new FileListing.Builder();
        for (Path classDir : subfolders(sd)) {
            int label = classIndex.get(classDir.getFileName().toString());
            try (Stream<Path> s = Files.list(classDir)) {
                s.filter(Files::isRegularFile).filter(ImageDecoder::isImageName).sorted()
                        .forEach(p -> out.add(p, label));
            } catch (IOException e) {
                throw new UserInputException("cannot list " + classDir + ": " + e.getMessage(), hint, e);
            }
        }
        return out.build();
    }

    @Override
    public String toString() {
        return name + " at " + dir;
    }
}
