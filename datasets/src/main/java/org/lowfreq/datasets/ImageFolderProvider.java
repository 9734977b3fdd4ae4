package org.lowfreq.datasets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.lowfreq.datasets.folder.ImageView;
import org.lowfreq.datasets.folder.ImageViews;
import org.lowfreq.datasets.folder.RandomResizedCrop;
import org.lowfreq.spi.DatasetProvider;
import org.lowfreq.spi.UserInputException;

/** A data set of class folders at {@code <root>/<folder>/} (Tiny-ImageNet, ImageNet). */
public final class ImageFolderProvider implements DatasetProvider {
    private final String name;
    private final String folder;
    private final int resize;
    private final int crop;
    private final ImageView training;
    private final boolean gray;
    private final String description;
    private final String source;

    /**
     * @param training the training augmentation ({@code crop} px square)
     * @param gray     one channel (luma) instead of RGB
     */
    public ImageFolderProvider(String name, String folder, int resize, int crop, ImageView training, boolean gray,
                               String description, String source) {
        this.name = name;
        this.folder = folder;
        this.resize = resize;
        this.crop = crop;
        this.training = training;
        this.gray = gray;
        this.description = description;
        this.source = source;
    }

    /** Tiny-ImageNet-200 at its native 64 px, RGB. */
    public static ImageFolderProvider tinyImageNet() {
        return tinyImageNet(false);
    }

    /** Tiny-ImageNet-200 at 64 px as one-channel luma (L = 0.299R + 0.587G + 0.114B). */
    public static ImageFolderProvider tinyImageNetGray() {
        return tinyImageNet(true);
    }

    private static ImageFolderProvider tinyImageNet(boolean gray) {
        return new ImageFolderProvider(gray ? "tiny-imagenet-gray" : "tiny-imagenet", TINY_FOLDER, 64, 64,
                ImageViews.padCropFlip(64, 4), gray,
                "Tiny-ImageNet-200, 64x64 " + (gray ? "as grayscale (L = 0.299R + 0.587G + 0.114B)" : "RGB")
                        + ", 200 classes (image folders) [" + TINY_FOLDER + "/]",
                "download http://cs231n.stanford.edu/tiny-imagenet-200.zip and unzip it");
    }

    /** The folder Tiny-ImageNet's archive unpacks to. */
    public static final String TINY_FOLDER = "tiny-imagenet-200";
    /** The folder ImageNet is looked for in. */
    public static final String IMAGENET_FOLDER = "imagenet";

    public static ImageFolderProvider imageNet() {
        return new ImageFolderProvider("imagenet", IMAGENET_FOLDER, 256, 224,
                ImageViews.randomResizedCrop(224, RandomResizedCrop.IMAGENET), false,
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
        return new ImageFolderDataset(name, dir, resize, crop, training, gray, howToGet(dataRoot));
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
