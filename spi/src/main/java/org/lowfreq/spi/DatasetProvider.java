package org.lowfreq.spi;

import java.nio.file.Path;
import java.util.List;

/**
 * Knows how to find, verify, fetch and open one kind of data set below a data root (the
 * {@code --data-dir}, else {@code LOWFREQ_DATA}, else {@code ~/.cache/lowfreq}).
 */
public interface DatasetProvider {
    /** Name used on the command line, e.g. {@code cifar10}. */
    String name();

    /** One line for {@code lowfreq data list}. */
    String description();

    /** True when the files are present below the root (not necessarily verified). */
    boolean isPresent(Path dataRoot);

    /**
     * Opens the data set, verifying what can be verified cheaply enough (sizes always, checksums
     * where the provider has them).
     *
     * @throws UserInputException when absent (with a hint on how to get it) or corrupt (naming the file)
     */
    Dataset open(Path dataRoot);

    /** Full verification: one line per file checked; throws naming the first bad file. */
    default List<String> verify(Path dataRoot) {
        open(dataRoot);
        return List.of(name() + ": opened");
    }

    /** Downloads, verifies and unpacks; providers that cannot fetch say how to get the data. */
    default void fetch(Path dataRoot, ProgressListener progress) {
        throw new UserInputException("lowfreq cannot download " + name(), howToGet(dataRoot));
    }

    /**
     * The folder below the root that holds the set's files, for sets that live in one folder
     * (so a -C set can be named instead of given as a path: {@code --from imagenet-c}); empty
     * when the set has no single folder.
     */
    default java.util.Optional<Path> location(Path dataRoot) {
        return java.util.Optional.empty();
    }

    /** Where to put the files by hand. */
    String howToGet(Path dataRoot);
}
