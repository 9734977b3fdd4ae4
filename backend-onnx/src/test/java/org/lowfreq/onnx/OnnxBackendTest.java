package org.lowfreq.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowfreq.reference.ReferenceModelProvider;
import org.lowfreq.spi.Capability;
import org.lowfreq.spi.Classifier;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.Logits;
import org.lowfreq.spi.Loss;
import org.lowfreq.spi.ModelCard;
import org.lowfreq.spi.ModelCardFile;
import org.lowfreq.spi.UserInputException;

/** The committed ONNX fixtures (tools/make-fixtures.py) through ONNX Runtime. */
class OnnxBackendTest {
    private static final ImageShape CIFAR = new ImageShape(32, 32, 3);
    private static final List<String> CLASSES = List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog",
            "horse", "ship", "truck");
    private static final Map<String, String> NORMALISATION = Map.of("input_layout", "NCHW",
            "input_mean", "0.4914,0.4822,0.4465", "input_std", "0.2470,0.2435,0.2616");
    private final OnnxModelProvider provider = new OnnxModelProvider(1, 8);

    @Test
    void logitsEqualTheReferenceBackendsWithin1e4(@TempDir Path dir) throws IOException {
        Images x = randomImages(20, CIFAR, 3);
        try (Classifier onnx = provider.load(model(dir, "tiny-mlp.onnx", CIFAR, CLASSES, NORMALISATION));
             Classifier reference = new ReferenceModelProvider().load(fixture("tiny-mlp-reference"))) {
            Logits a = onnx.logits(x); // batches of 8, the last one partial
            Logits b = reference.logits(x);
            double maxLogit = 0;
            for (int i = 0; i < a.values().length; i++) {
                assertThat(a.values()[i]).as("logit %d", i).isCloseTo(b.values()[i], within(1e-4f));
                maxLogit = Math.max(maxLogit, Math.abs(b.values()[i]));
            }
            assertThat(maxLogit).isGreaterThan(0.1);
        }
    }

    @Test
    void capabilitiesOmitInputGradientAndTheRefusalNamesModelAndCapability(@TempDir Path dir) throws IOException {
        try (Classifier onnx = provider.load(model(dir, "tiny-mlp.onnx", CIFAR, CLASSES, NORMALISATION))) {
            assertThat(onnx.capabilities()).doesNotContain(Capability.INPUT_GRADIENT);
            assertThatThrownBy(() -> onnx.require(Capability.INPUT_GRADIENT, "attack"))
                    .isInstanceOf(UserInputException.class)
                    .hasMessage("attack needs INPUT_GRADIENT but model fixture-tiny-mlp.onnx (backend onnx) does not offer it");
            assertThatThrownBy(() -> onnx.lossGradient(randomImages(1, CIFAR, 1), new int[] {0}, Loss.CROSS_ENTROPY))
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Test
    void wrongInputShapeIsRefusedNamingBothShapes(@TempDir Path dir) throws IOException {
        // wrong-input.onnx declares [1, 1, 28, 28]
        Path m = model(dir, "wrong-input.onnx", CIFAR, CLASSES, NORMALISATION);
        assertThatThrownBy(() -> provider.load(m)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("does not fit the input shape")
                .hasMessageContaining("[1, 1, 28, 28]").hasMessageContaining("[?, 3, 32, 32]");
    }

    @Test
    void wrongClassCountIsRefusedNamingBothCounts(@TempDir Path dir) throws IOException {
        Path m = model(dir, "tiny-mlp.onnx", CIFAR, CLASSES.subList(0, 5), NORMALISATION);
        assertThatThrownBy(() -> provider.load(m)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("does not fit the class count: it returns 10 logits per image but cifar10 has 5 classes");
    }

    @Test
    void aFixedBatchModelIsFedOneBatchAtATimeWithTheSameLogits(@TempDir Path dir) throws IOException {
        ImageShape gray = new ImageShape(28, 28, 1);
        Images x = randomImages(3, gray, 9);
        try (Classifier c = provider.load(model(dir, "wrong-input.onnx", gray, CLASSES, Map.of()))) {
            assertThat(c.preferredBatchSize()).isEqualTo(1);
            Logits all = c.logits(x);
            for (int i = 0; i < 3; i++) {
                Logits one = c.logits(x.slice(i, i + 1));
                for (int k = 0; k < 10; k++) {
                    assertThat(all.get(i, k)).isEqualTo(one.get(0, k));
                }
            }
            assertThat(all.get(0, 0)).isNotEqualTo(all.get(1, 0));
        }
    }

    @Test
    void aFileThatIsNotOnnxIsRefused(@TempDir Path dir) throws IOException {
        Path m = model(dir, "tiny-mlp.pt", CIFAR, CLASSES, NORMALISATION);
        assertThatThrownBy(() -> provider.load(m)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("as ONNX");
    }

    static Path model(Path dir, String file, ImageShape shape, List<String> classes, Map<String, String> props)
            throws IOException {
        Files.copy(fixture(file), dir.resolve("model.onnx"));
        ModelCardFile.write(dir, new ModelCard("fixture-" + file, "imported", "mlp", OnnxModelProvider.NAME, shape,
                classes, 0, 0, "cifar10", 0, Double.NaN, props));
        return dir;
    }

    static Path fixture(String name) {
        try {
            return Path.of(OnnxBackendTest.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Images randomImages(int n, ImageShape shape, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] px = new float[n * shape.size()];
        for (int i = 0; i < px.length; i++) {
            px[i] = (float) r.nextDouble();
        }
        return new Images(n, shape, px);
    }
}
