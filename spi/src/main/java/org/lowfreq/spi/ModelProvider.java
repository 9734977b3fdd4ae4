package org.lowfreq.spi;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A model backend (TensorFlow, the pure-Java reference, ...). Stays lazy: nothing heavy is built
 * until {@link #load} or {@link #trainer} is called.
 */
public interface ModelProvider {
    String name();

    String description();

    /** True when the folder holds a model this backend can load (judged from its model card). */
    boolean canLoad(Path modelDir);

    /** Loads a saved model; throws {@link UserInputException} naming the folder when it cannot. */
    Classifier load(Path modelDir);

    /** Training support, if the backend has it. */
    default Optional<Trainer> trainer() {
        return Optional.empty();
    }
}
