package org.lowfreq.onnx;

import java.nio.file.Files;
import java.nio.file.Path;

import org.lowfreq.spi.Classifier;
import org.lowfreq.spi.ModelCard;
import org.lowfreq.spi.ModelCardFile;
import org.lowfreq.spi.ModelProvider;
import org.lowfreq.spi.UserInputException;

/**
 * The {@code onnx} backend: ONNX files described by a {@code model-card.json}, run by ONNX Runtime.
 * Logits only (ONNX Runtime's Java API has no autograd), so attacks refuse these models. Nothing
 * native is touched until {@link #load}.
 */
public final class OnnxModelProvider implements ModelProvider {
    public static final String NAME = "onnx";
    /** Card property naming the ONNX file inside the model folder. */
    public static final String MODEL_FILE = ModelCardFile.MODEL_FILE;
    public static final String DEFAULT_FILE = "model.onnx";
    public static final String ONNXRUNTIME_VERSION = "1.20.0";
    private final int threads;
    private final int batchSize;

    public OnnxModelProvider() {
        this(Integer.getInteger("lowfreq.threads", 0), 128);
    }

    /**
     * @param threads   intra-op threads of each session (0 = ONNX Runtime's default, one per core)
     * @param batchSize the batch size inputs are split into (models with a fixed batch use theirs)
     */
    public OnnxModelProvider(int threads, int batchSize) {
        if (threads < 0 || batchSize < 1) {
            throw new UserInputException("ONNX backend needs threads >= 0 and batch size >= 1, got " + threads + ", "
                    + batchSize);
        }
        this.threads = threads;
        this.batchSize = batchSize;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "ONNX Runtime " + ONNXRUNTIME_VERSION + " (CPU): ONNX models, logits only (no input gradients)";
    }

    @Override
    public boolean canLoad(Path modelDir) {
        return ModelCardFile.namesBackend(modelDir, NAME);
    }

    @Override
    public Classifier load(Path modelDir) {
        ModelCard card = ModelCardFile.readFor(modelDir, NAME);
        Path file = ModelCardFile.modelFile(modelDir, card, DEFAULT_FILE, "ONNX");
        return OnnxClassifier.open(file, card, threads, batchSize);
    }
}
