package org.lowfreq.datasets.folder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.lowfreq.datasets.ImageFolderDataset;
import org.lowfreq.datasets.ImageFolderProvider;
import org.lowfreq.spi.DatasetProvider;
import org.lowfreq.spi.UserInputException;

/**
 * A published -C set in the folder layout ({@code <corruption>/<severity>/<wnid>/*.JPEG}) at
 * {@code <root>/<folder>/}. Its classes are the clean set's (read from the clean set's folder when
 * present, so labels agree with models trained on it), else its own sorted class folder names.
 */
public final class ImageFolderCorruptedProvider implements DatasetProvider {
    private final String name;
    private final String folder;
    private final String cleanFolder;
    private final int resize;
    private final int crop;
    private final String description;
    private final String source;

    public ImageFolderCorruptedProvider(String name, String folder, String cleanFolder, int resize, int crop,
                                        String description, String source) {
        this.name = name;
        this.folder = folder;
        this.cleanFolder = cleanFolder;
        this.resize = resize;
        this.crop = crop;
        this.description = description;
        this.source = source;
    }

    public static ImageFolderCorruptedProvider tinyImageNetC() {
        return new ImageFolderCorruptedProvider("tiny-imagenet-c", "Tiny-ImageNet-C", ImageFolderProvider.TINY_FOLDER, 64, 64,
                "Tiny-ImageNet-C (Hendrycks & Dietterich): 64x64 JPEG folders <corruption>/<severity>/<wnid>/ [Tiny-ImageNet-C/]",
                "download Tiny-ImageNet-C.tar from https://zenodo.org/record/2536630 and unpack it");
    }

    public static ImageFolderCorruptedProvider imageNetC() {
        return new ImageFolderCorruptedProvider("imagenet-c", "ImageNet-C", ImageFolderProvider.IMAGENET_FOLDER, 256, 224,
                "ImageNet-C (Hendrycks & Dietterich): 224x224 JPEG folders <corruption>/<severity>/<wnid>/ [ImageNet-C/]",
                "download the ImageNet-C tar files from https://zenodo.org/record/2235448 and unpack them");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public boolean isPresent(Path dataRoot) {
        return ImageFolderCorruptedSet.isFolderLayout(dataRoot.resolve(folder));
    }

    @Override
    public ImageFolderCorruptedSet open(Path dataRoot) {
        Path dir = dataRoot.resolve(folder);
        if (!isPresent(dataRoot)) {
            throw new UserInputException("data set " + name + " not found: no <corruption>/<severity>/<wnid>/ folders in "
                    + dir, howToGet(dataRoot));
        }
        return new ImageFolderCorruptedSet(name, dir, resize, crop, cleanClasses(dataRoot), howToGet(dataRoot));
    }

    /** The clean set's classes when its folder is there, else null (the -C set's own sorted folder names). */
    private List<String> cleanClasses(Path dataRoot) {
        Path clean = dataRoot.resolve(cleanFolder);
        if (!Files.isDirectory(clean)) {
            return null;
        }
        try {
            return new ImageFolderDataset(cleanFolder, clean, resize, crop, "").classNames();
        } catch (UserInputException e) {
            return null; // a clean folder without labelled splits says nothing about the classes
        }
    }

    @Override
    public List<String> verify(Path dataRoot) {
        return open(dataRoot).verifyAll();
    }

    @Override
    public String howToGet(Path dataRoot) {
        return source + " so that " + dataRoot.resolve(folder) + "/<corruption>/<severity>/<wnid>/ holds the images";
    }

    @Override
    public java.util.Optional<Path> location(Path dataRoot) {
        return java.util.Optional.of(dataRoot.resolve(folder));
    }
}
