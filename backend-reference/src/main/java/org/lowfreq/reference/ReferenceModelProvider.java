package org.lowfreq.reference;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.lowfreq.spi.AtomicFiles;
import org.lowfreq.spi.Classifier;
import org.lowfreq.spi.ModelCard;
import org.lowfreq.spi.ModelCardFile;
import org.lowfreq.spi.ModelProvider;
import org.lowfreq.spi.Trainer;
import org.lowfreq.spi.UserInputException;

/** The "reference" backend: {@link DenseClassifier}s saved as {@code weights.bin} + model card. */
public final class ReferenceModelProvider implements ModelProvider {
    public static final String NAME = "reference";
    static final String WEIGHTS = "weights.bin";
    private final Consumer<String> warnings;

    public ReferenceModelProvider() {
        // one line on standard error: the provider is created by ServiceLoader, with no command's writer at hand
        this(w -> System.err.println("warning: " + w));
    }

    /** @param warnings receives one line per warning (a model that loads but cannot be fully checked) */
    public ReferenceModelProvider(Consumer<String> warnings) {
        this.warnings = warnings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "pure-Java linear softmax and tanh-MLP classifiers with exact input gradients (for tests and teaching)";
    }

    @Override
    public boolean canLoad(Path modelDir) {
        return ModelCardFile.exists(modelDir) && NAME.equals(ModelCardFile.read(modelDir).backend());
    }

    @Override
    public Classifier load(Path modelDir) {
        ModelCard card = ModelCardFile.read(modelDir);
        Path file = modelDir.resolve(WEIGHTS);
        if (!Files.isRegularFile(file)) {
            throw new UserInputException("no " + WEIGHTS + " in " + modelDir);
        }
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
            DenseWeights w = DenseWeights.read(in, file.toString(), warnings);
            if (w.inputs() != card.inputShape().size() || w.classes() != card.classCount()) {
                throw new UserInputException("model card of " + modelDir + " says " + card.inputShape() + " and "
                        + card.classCount() + " classes but " + file + " holds " + w.inputs() + " inputs and "
                        + w.classes() + " classes");
            }
            return new DenseClassifier(card, w);
        } catch (IOException e) {
            throw new UserInputException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Saves a classifier (weights, then card; each written atomically). */
    public static void save(DenseClassifier model, Path modelDir) {
        AtomicFiles.write(modelDir.resolve(WEIGHTS), out -> model.weights().write(out));
        ModelCardFile.write(modelDir, model.card());
    }

    @Override
    public Optional<Trainer> trainer() {
        return Optional.of(new SgdTrainer());
    }
}
