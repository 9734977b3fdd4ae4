package org.lowfreq.datasets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.lowfreq.spi.DatasetProvider;
import org.lowfreq.spi.UserInputException;

/**
 * MNIST or Fashion-MNIST in IDX format: {@code <root>/<folder>/}, else a system folder such as
 * the one Debian's {@code dataset-fashion-mnist} package installs.
 */
public final class IdxProvider implements DatasetProvider {
    private final String name;
    private final String folder;
    private final List<Path> systemDirs;
    private final List<String> classNames;
    private final String description;
    private final String source;

    public IdxProvider(String name, String folder, List<Path> systemDirs, List<String> classNames,
                       String description, String source) {
        this.name = name;
        this.folder = folder;
        this.systemDirs = List.copyOf(systemDirs);
        this.classNames = List.copyOf(classNames);
        this.description = description;
        this.source = source;
    }

    public static IdxProvider fashionMnist() {
        return new IdxProvider("fashion-mnist", "fashion-mnist", List.of(Path.of("/usr/share/datasets/fashion-mnist")),
                List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
                        "Ankle boot"),
                "Fashion-MNIST (Zalando), 60000 + 10000 grayscale images of 28x28, 10 classes [fashion-mnist/]",
                "'apt-get install dataset-fashion-mnist' (Debian/Ubuntu, installs /usr/share/datasets/fashion-mnist),"
                        + " or download the four *-ubyte.gz files from https://github.com/zalandoresearch/fashion-mnist");
    }

    public static IdxProvider mnist() {
        return new IdxProvider("mnist", "mnist", List.of(Path.of("/usr/share/datasets/mnist")),
                List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
                "MNIST handwritten digits, 60000 + 10000 grayscale images of 28x28, 10 classes [mnist/]",
                "download the four *-ubyte.gz files (train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz,"
                        + " t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz) from"
                        + " https://ossci-datasets.s3.amazonaws.com/mnist/");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    /** The first candidate folder holding the test images, or null. */
    public Path locate(Path dataRoot) {
        for (Path dir : candidates(dataRoot)) {
            if (Files.isRegularFile(dir.resolve("t10k-images-idx3-ubyte.gz"))
                    || Files.isRegularFile(dir.resolve("t10k-images-idx3-ubyte"))) {
                return dir;
            }
        }
        return null;
    }

    private List<Path> candidates(Path dataRoot) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(dataRoot.resolve(folder)), systemDirs.stream())
                .toList();
    }

    @Override
    public boolean isPresent(Path dataRoot) {
        return locate(dataRoot) != null;
    }

    @Override
    public IdxDataset open(Path dataRoot) {
        Path dir = locate(dataRoot);
        if (dir == null) {
            throw new UserInputException("data set " + name + " not found in "
                    + String.join(" or ", candidates(dataRoot).stream().map(Path::toString).toList()), howToGet(dataRoot));
        }
        return new IdxDataset(name, dir, classNames, howToGet(dataRoot));
    }

    @Override
    public List<String> verify(Path dataRoot) {
        IdxDataset d = open(dataRoot);
        List<String> lines = new java.util.ArrayList<>();
        lines.add("folder " + locate(dataRoot));
        lines.addAll(d.verifyAll());
        return lines;
    }

    @Override
    public String howToGet(Path dataRoot) {
        return source + "; put them (raw or .gz) in " + dataRoot.resolve(folder) + "/";
    }
}
