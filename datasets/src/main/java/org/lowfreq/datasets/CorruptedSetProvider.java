package org.lowfreq.datasets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.lowfreq.spi.DatasetProvider;

/** A -C set in the CIFAR-10-C layout at {@code <root>/<folder>/}. */
public final class CorruptedSetProvider implements DatasetProvider {
    private final String name;
    private final String folder;
    private final List<String> classNames;
    private final String description;
    private final String source;

    public CorruptedSetProvider(String name, String folder, List<String> classNames, String description, String source) {
        this.name = name;
        this.folder = folder;
        this.classNames = List.copyOf(classNames);
        this.description = description;
        this.source = source;
    }

    public static CorruptedSetProvider cifar10C() {
        return new CorruptedSetProvider("cifar10-c", "CIFAR-10-C", CifarLayout.cifar10().defaultClassNames(),
                "CIFAR-10-C (Hendrycks & Dietterich): corrupted CIFAR-10 test sets, 5 severities [CIFAR-10-C/]",
                "download CIFAR-10-C.tar from https://zenodo.org/record/2535967 and unpack it,"
                        + " or generate one with lowfreq's corruptions");
    }

    public static CorruptedSetProvider cifar100C() {
        return new CorruptedSetProvider("cifar100-c", "CIFAR-100-C", CifarLayout.cifar100().defaultClassNames(),
                "CIFAR-100-C (Hendrycks & Dietterich): corrupted CIFAR-100 test sets, 5 severities [CIFAR-100-C/]",
                "download CIFAR-100-C.tar from https://zenodo.org/record/3555552 and unpack it,"
                        + " or generate one with lowfreq's corruptions");
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
        return Files.isRegularFile(dataRoot.resolve(folder).resolve(CorruptedSet.LABELS));
    }

    @Override
    public CorruptedSet open(Path dataRoot) {
        return new CorruptedSet(name, dataRoot.resolve(folder), classNames, howToGet(dataRoot));
    }

    @Override
    public List<String> verify(Path dataRoot) {
        return open(dataRoot).describeFiles();
    }

    @Override
    public String howToGet(Path dataRoot) {
        return source + ", so that " + dataRoot.resolve(folder).resolve(CorruptedSet.LABELS)
                + " and <corruption>.npy files exist";
    }

    @Override
    public java.util.Optional<Path> location(Path dataRoot) {
        return java.util.Optional.of(dataRoot.resolve(folder));
    }
}
