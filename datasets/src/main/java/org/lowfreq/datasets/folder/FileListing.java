package org.lowfreq.datasets.folder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The labelled image files of one split, held compactly: each file as its folder's index and its
 * name, plus its label. This listing is the only part of an image-folder split kept in memory: one
 * short string and two ints per image, no {@code Path} object per file.
 */
public final class FileListing {
    private final Path[] folders;
    private final int[] folderOf;
    private final String[] names;
    private final int[] labels;

    private FileListing(Path[] folders, int[] folderOf, String[] names, int[] labels) {
        this.folders = folders;
        this.folderOf = folderOf;
        this.names = names;
        this.labels = labels;
    }

    public int size() {
        return names.length;
    }

    public Path file(int i) {
        return folders[folderOf[i]].resolve(names[i]);
    }

    public int label(int i) {
        return labels[i];
    }

    /** All labels, in listing order (a copy). */
    public int[] labels() {
        return labels.clone();
    }

    /** Collects files in the order they are added. */
    public static final class Builder {
        private final List<Path> folders = new ArrayList<>();
        private final Map<Path, Integer> folderIndex = new HashMap<>();
        private int[] folderOf = new int[1024];
        private String[] names = new String[1024];
        private int[] labels = new int[1024];
        private int n;

        public Builder add(Path file, int label) {
            Path parent = file.getParent();
            Integer f = folderIndex.computeIfAbsent(parent, p -> {
                folders.add(p);
                return folders.size() - 1;
            });
            if (n == names.length) {
                folderOf = Arrays.copyOf(folderOf, 2 * n);
                names = Arrays.copyOf(names, 2 * n);
                labels = Arrays.copyOf(labels, 2 * n);
            }
            folderOf[n] = f;
            names[n] = file.getFileName().toString();
            labels[n] = label;
            n++;
            return this;
        }

        public FileListing build() {
            return new FileListing(folders.toArray(Path[]::new), Arrays.copyOf(folderOf, n), Arrays.copyOf(names, n),
                    Arrays.copyOf(labels, n));
        }
    }
}
