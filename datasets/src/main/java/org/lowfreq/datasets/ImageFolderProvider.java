package org.lowfreq.datasets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.lowfreq.spi.DatasetProvider;
import org.lowfreq.spi.UserInputException;

/** A data set of class folders at {@code <root>/<folder>/} (Tiny-ImageNet, ImageNet). */
public final class ImageFolderProvider implements DatasetProvider {
    private final String name;
    private final String folder;
    private final int resize;
    private final int crop;
    private final String description;
    private final String source;

    public ImageFolderProvider(String name, String folder, int resize, int crop, String description, String source) {
        this.name = name;
        this.folder = folder;
        this.resize = resize;
        this.crop = crop;
        this.description = description;
        this.source = source;
    }

    public static ImageFolderProvider tinyImageNet() {
        return new ImageFolderProvider("tiny-imagenet", "tiny-imagenet-200", 64, 64,
                "Tiny-ImageNet-200, 64x64 RGB, 200 classes (image folders) [tiny-imagenet-200/]",
                "download http://cs231n.stanford.edu/tiny-imagenet-200.zip and unzip it");
    }

    public static ImageFolderProvider imageNet() {
        return new ImageFolderProvider("imagenet", "imagenet", 256, 224,
                "ImageNet ILSVRC-2012 as class folders, resized to 256 and centre-cropped to 224x224 [imagenet/]",
                "get ILSVRC-2012 from https://image-net.org (registration needed) and arrange train/ and val/"
                        + " as one folder per class (wnid)");
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
        return Files.isDirectory(dataRoot.resolve(folder).resolve("train"))
                || Files.isDirectory(dataRoot.resolve(folder).resolve("val"));
    }

    @Override
    public ImageFolderDataset open(Path dataRoot) {
        Path dir = dataRoot.resolve(folder);
        if (!isPresent(dataRoot)) {
            throw new UserInputException("data set " + name + " not found: no " + dir.resolve("train") + " or "
                    + dir.resolve("val"), howToGet(dataRoot));
        }
        return new ImageFolderDataset(name, dir, resize, crop, howToGet(dataRoot));
    }

    @Override
    public List<String> verify(Path dataRoot) {
        return open(dataRoot).verifyAll();
    }

    @Override
    public String howToGet(Path dataRoot) {
        return source + " so that " + dataRoot.resolve(folder) + "/train/<class>/... holds the images";
    }
}
