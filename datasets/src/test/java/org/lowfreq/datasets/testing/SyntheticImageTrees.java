package org.lowfreq.datasets.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.lowfreq.datasets.folder.SyntheticImageFolders;
import org.lowfreq.datasets.folder.SyntheticImageFolders.Tree;

/**
 * Generated image-folder trees for tests in any module (this module's test jar): ImageNet,
 * Tiny-ImageNet and -C layouts of JPEGs made from a seed, plus damaged files. Thin wrappers over
 * {@link SyntheticImageFolders} (which {@code lowfreq data synth} also uses) with test-sized defaults.
 */
public final class SyntheticImageTrees {
    private SyntheticImageTrees() {
    }

    /**
     * ImageNet layout {@code <root>/imagenet/{train,val}/<wnid>/*.JPEG}, images about
     * {@code width} x {@code height} (sides vary by up to 10 %), so {@code ImageFolderProvider.imageNet()}
     * opens it with {@code root} as the data root.
     */
    public static Tree imageNet(Path root, int classes, int perClass, int valPerClass, int width, int height, long seed) {
        return SyntheticImageFolders.imageNet(root.resolve("imagenet"), classes, perClass, valPerClass, width, height, seed);
    }

    /** The issue's benchmark shape at test size: {@code classes} x {@code perClass} images of about 400 x 350. */
    public static Tree imageNet(Path root, int classes, int perClass, long seed) {
        return imageNet(root, classes, perClass, Math.max(1, perClass / 5), 400, 350, seed);
    }

    /** Tiny-ImageNet's official layout at 64 px in {@code <root>/tiny-imagenet-200/}. */
    public static Tree tinyImageNet(Path root, int classes, int perClass, int valPerClass, long seed) {
        return SyntheticImageFolders.tinyImageNet(root.resolve("tiny-imagenet-200"), classes, perClass, valPerClass, 3,
                64, seed);
    }

    /** A -C tree in {@code <root>/<folder>/<corruption>/<severity>/<wnid>/} ({@code Tiny-ImageNet-C} at 64 px, {@code ImageNet-C} at 224). */
    public static Tree corrupted(Path root, String folder, List<String> corruptions, int severities, int classes,
                                 int perClass, int size, long seed) {
        return SyntheticImageFolders.corrupted(root.resolve(folder), corruptions, severities, classes, perClass, size, seed);
    }

    /** Replaces {@code jpeg} by its first {@code keep} bytes (a download cut short). */
    public static Path truncate(Path jpeg, int keep) {
        try {
            byte[] b = Files.readAllBytes(jpeg);
            Files.write(jpeg, Arrays.copyOf(b, Math.min(keep, b.length)));
            return jpeg;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a text file under an image name, e.g. {@code notes.JPEG}. */
    public static Path textAsImage(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "this is a text file, not a JPEG\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
