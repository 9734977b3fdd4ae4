package org.lowfreq.datasets;

import java.util.List;
import java.util.Map;

/**
 * The layout of a CIFAR binary release: record format, files per split, checksums and where the
 * official archive is.
 *
 * @param name              data set name, e.g. {@code cifar10}
 * @param folder            sub-folder of the data root the archive unpacks to
 * @param labelBytes        label bytes before each image (1 for CIFAR-10; 2, coarse then fine, for CIFAR-100)
 * @param labelIndex        which label byte is the label (CIFAR-100: 1, the fine label)
 * @param classCount        number of classes of that label
 * @param splits            files of each split, in order
 * @param classNamesFile    file in {@code folder} with one class name a line
 * @param defaultClassNames names to use when that file is absent
 * @param archiveUrl        official archive
 * @param archiveMd5        its MD5
 */
public record CifarLayout(String name, String folder, int labelBytes, int labelIndex, int classCount,
                          Map<String, List<BinFile>> splits, String classNamesFile, List<String> defaultClassNames,
                          String archiveUrl, String archiveMd5) {
    public static final int SIDE = 32;
    public static final int PIXELS = SIDE * SIDE * 3;

    /**
     * One binary file.
     *
     * @param file    file name in the folder
     * @param records number of images
     * @param md5     official MD5, or null when none is published for single files
     */
    public record BinFile(String file, int records, String md5) {
    }

    public int recordBytes() {
        return labelBytes + PIXELS;
    }

    /** The official CIFAR-10 binary release (MD5s as published for each file). */
    public static CifarLayout cifar10() {
        return new CifarLayout("cifar10", "cifar-10-batches-bin", 1, 0, 10,
                Map.of("train", List.of(
                                new BinFile("data_batch_1.bin", 10_000, "5dd7e06a14cb22eb9f671a540d1b7c25"),
                                new BinFile("data_batch_2.bin", 10_000, "5ea93a67294ea407fff1d09f752e9692"),
                                new BinFile("data_batch_3.bin", 10_000, "942cd6a4bcdd0dd3c604fbe906cb4421"),
                                new BinFile("data_batch_4.bin", 10_000, "ae636b3ba5c66a11e91e8cb52e771fcb"),
                                new BinFile("data_batch_5.bin", 10_000, "53f37980c15c3d472c316c40844f3f0d")),
                        "test", List.of(new BinFile("test_batch.bin", 10_000, "803d5f7f4d78ea53de84dbe85f74fb6d"))),
                "batches.meta.txt",
                List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"),
                "https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz", "c32a1d4ab5d03f1284b67883e8d87530");
    }

    /**
     * The official CIFAR-100 binary release. Only the archive's MD5 is published, so single files
     * are checked by size and label range; {@code fetch} checks the archive's MD5.
     */
    public static CifarLayout cifar100() {
        return new CifarLayout("cifar100", "cifar-100-binary", 2, 1, 100,
                Map.of("train", List.of(new BinFile("train.bin", 50_000, null)),
                        "test", List.of(new BinFile("test.bin", 10_000, null))),
                "fine_label_names.txt", CIFAR100_FINE,
                "https://www.cs.toronto.edu/~kriz/cifar-100-binary.tar.gz", "03b5dce01913d631647c71ecec9e9cb8");
    }

    private static final List<String> CIFAR100_FINE = List.of(
            "apple", "aquarium_fish", "baby", "bear", "beaver", "bed", "bee", "beetle", "bicycle", "bottle",
            "bowl", "boy", "bridge", "bus", "butterfly", "camel", "can", "castle", "caterpillar", "cattle",
            "chair", "chimpanzee", "clock", "cloud", "cockroach", "couch", "crab", "crocodile", "cup", "dinosaur",
            "dolphin", "elephant", "flatfish", "forest", "fox", "girl", "hamster", "house", "kangaroo", "keyboard",
            "lamp", "lawn_mower", "leopard", "lion", "lizard", "lobster", "man", "maple_tree", "motorcycle", "mountain",
            "mouse", "mushroom", "oak_tree", "orange", "orchid", "otter", "palm_tree", "pear", "pickup_truck", "pine_tree",
            "plain", "plate", "poppy", "porcupine", "possum", "rabbit", "raccoon", "ray", "road", "rocket",
            "rose", "sea", "seal", "shark", "shrew", "skunk", "skyscraper", "snail", "snake", "spider",
            "squirrel", "streetcar", "sunflower", "sweet_pepper", "table", "tank", "telephone", "television", "tiger", "tractor",
            "train", "trout", "tulip", "turtle", "wardrobe", "whale", "willow_tree", "wolf", "woman", "worm");
}
