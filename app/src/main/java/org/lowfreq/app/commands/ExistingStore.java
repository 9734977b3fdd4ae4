package org.lowfreq.app.commands;

import java.nio.file.Files;
import java.nio.file.Path;
import org.lowfreq.spi.UserInputException;

/**
 * The check of commands that read a result store (status, models, plan --store): the folder must
 * already be one. Opening a {@code ResultStore} creates its folders, which is right for run and
 * submit but would turn a mistyped path into an empty store.
 */
final class ExistingStore {
    /** The sub-folders every store has (see ResultStore). */
    private static final String[] MARKERS = {"specs", "jobs"};

    private ExistingStore() {
    }

    static Path require(Path store) {
        if (!Files.isDirectory(store)) {
            throw new UserInputException("--store " + store + " does not exist",
                    "pass the folder given to 'lowfreq run --store' or 'lowfreq quickstart --store' (default store/quick)");
        }
        for (String m : MARKERS) {
            if (!Files.isDirectory(store.resolve(m))) {
                throw new UserInputException("--store " + store + " is not a result store (it has no " + m + "/ folder)",
                        "pass the folder given to 'lowfreq run --store' or 'lowfreq quickstart --store' (default store/quick)");
            }
        }
        return store;
    }
}
