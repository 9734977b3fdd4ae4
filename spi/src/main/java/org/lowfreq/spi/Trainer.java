package org.lowfreq.spi;

import java.nio.file.Path;

/** Trains a model of a backend and saves it (model + {@code model-card.json}) to a folder. */
public interface Trainer {
    /**
     * Trains on the data set's train split and saves the model to {@code outDir}. Resumes from the
     * last checkpoint in {@code outDir} when {@link TrainingSpec#resume()} is set.
     *
     * @return the saved model's folder
     */
    Path train(TrainingSpec spec, Dataset data, Path outDir, ProgressListener progress);
}
