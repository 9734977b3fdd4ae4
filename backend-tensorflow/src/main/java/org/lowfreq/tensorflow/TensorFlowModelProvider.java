package org.lowfreq.tensorflow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

import org.lowfreq.spi.Classifier;
import org.lowfreq.spi.ModelCard;
import org.lowfreq.spi.ModelCardFile;
import org.lowfreq.spi.ModelProvider;
import org.lowfreq.spi.Trainer;
import org.lowfreq.spi.UserInputException;

/**
 * The {@code tensorflow} backend: loads SavedModels described by a {@code model-card.json} (ours
 * and external ones following the [0,1] NHWC float32 to logits contract) and trains ResNets.
 * Nothing native is touched until {@link #load} or training.
 */
public final class TensorFlowModelProvider implements ModelProvider {
    public static final String NAME = "tensorflow";
    private final SessionOptions options;
    private final Consumer<String> warnings;

    public TensorFlowModelProvider() {
        this(SessionOptions.threads(Integer.getInteger("lowfreq.threads", 0)));
    }

    public TensorFlowModelProvider(SessionOptions options) {
        // one line on standard error: the provider is created by ServiceLoader, with no command's writer at hand
        this(options, w -> System.err.println("warning: " + w));
    }

    /** @param warnings receives one line per warning (a model that loads but cannot be fully checked) */
    public TensorFlowModelProvider(SessionOptions options, Consumer<String> warnings) {
        this.options = options;
        this.warnings = warnings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "TensorFlow Java " + TensorFlowTrainer.TF_JAVA_VERSION
                + ": ResNet-18/50 with blur, normalisation and PCA layers; SavedModel I/O; training";
    }

    @Override
    public boolean canLoad(Path modelDir) {
        return Files.isRegularFile(modelDir.resolve("saved_model.pb")) && ModelCardFile.namesBackend(modelDir, NAME);
    }

    @Override
    public Classifier load(Path modelDir) {
        ModelCard card = ModelCardFile.readFor(modelDir, NAME);
        if (!Files.isRegularFile(modelDir.resolve("saved_model.pb"))) {
            throw new UserInputException("no saved_model.pb in " + modelDir,
                    "a TensorFlow model folder holds saved_model.pb, variables/ and model-card.json");
        }
        return TensorFlowClassifier.open(modelDir, card, options, warnings);
    }

    @Override
    public Optional<Trainer> trainer() {
        return Optional.of(new TensorFlowTrainer(NAME));
    }
}
