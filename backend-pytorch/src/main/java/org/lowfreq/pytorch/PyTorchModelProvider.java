package org.lowfreq.pytorch;

import java.nio.file.Files;
import java.nio.file.Path;

import org.lowfreq.spi.Classifier;
import org.lowfreq.spi.ModelCard;
import org.lowfreq.spi.ModelCardFile;
import org.lowfreq.spi.ModelProvider;
import org.lowfreq.spi.UserInputException;

/**
 * The {@code pytorch} backend: TorchScript files ({@code torch.jit.trace} or {@code torch.jit.script}
 * output) described by a {@code model-card.json}, run by libtorch. Nothing native is touched until
 * {@link #load}.
 */
public final class PyTorchModelProvider implements ModelProvider {
    public static final String NAME = "pytorch";
    /** Card property naming the TorchScript file inside the model folder. */
    public static final String MODEL_FILE = ModelCardFile.MODEL_FILE;
    public static final String DEFAULT_FILE = "model.pt";
    /** The libtorch version of the JavaCPP presets this module is built on. */
    public static final String LIBTORCH_VERSION = "2.10.0";
    private final TorchOptions options;

    public PyTorchModelProvider() {
        this(TorchOptions.threads(Integer.getInteger("lowfreq.threads", 0)));
    }

    public PyTorchModelProvider(TorchOptions options) {
        this.options = options;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "libtorch " + LIBTORCH_VERSION + " (CPU): TorchScript models with input gradients through autograd";
    }

    @Override
    public boolean canLoad(Path modelDir) {
        return ModelCardFile.namesBackend(modelDir, NAME);
    }

    @Override
    public Classifier load(Path modelDir) {
        ModelCard card = ModelCardFile.readFor(modelDir, NAME);
        Path file = ModelCardFile.modelFile(modelDir, card, DEFAULT_FILE, "TorchScript");
        return TorchScriptClassifier.open(file, card, options);
    }

    /** Opens a TorchScript file with a card made in code (benchmarks); model folders go through {@link #load(Path)}. */
    public Classifier load(Path file, ModelCard card) {
        if (!Files.isRegularFile(file)) {
            throw new UserInputException("TorchScript file " + file + " does not exist");
        }
        return TorchScriptClassifier.open(file, card, options);
    }
}
