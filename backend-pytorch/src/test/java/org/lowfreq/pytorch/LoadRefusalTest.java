package org.lowfreq.pytorch;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.UserInputException;

/** A TorchScript file that does not fit its card is refused with a message saying what does not fit. */
class LoadRefusalTest {
    private final PyTorchModelProvider provider = new PyTorchModelProvider(TorchOptions.threads(1));

    @Test
    void wrongClassCountIsNamed(@TempDir Path dir) throws IOException {
        Path m = Fixtures.torchModel(dir, "wrong-classes.pt", Fixtures.CIFAR, Fixtures.CLASSES, Fixtures.NORMALISATION);
        assertThatThrownBy(() -> provider.load(m)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("class count").hasMessageContaining("returns 7 logits per image")
                .hasMessageContaining("has 10 classes");
    }

    @Test
    void wrongInputShapeIsNamed(@TempDir Path dir) throws IOException {
        // the MLP needs 3 x 32 x 32; a card of 28 x 28 x 1 images cannot feed it
        Path m = Fixtures.torchModel(dir, "tiny-mlp.pt", new ImageShape(28, 28, 1), Fixtures.CLASSES, java.util.Map.of());
        assertThatThrownBy(() -> provider.load(m)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("does not fit the input shape [batch, 1, 28, 28] (NCHW)");
    }

    @Test
    void aFileThatIsNotTorchScriptIsNamed(@TempDir Path dir) throws IOException {
        Path m = Fixtures.torchModel(dir, "tiny-mlp.onnx", Fixtures.CIFAR, Fixtures.CLASSES, Fixtures.NORMALISATION);
        assertThatThrownBy(() -> provider.load(m)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("as TorchScript");
    }

    @Test
    void missingFileIsNamed(@TempDir Path dir) throws IOException {
        Path m = Fixtures.tinyMlp(dir);
        Files.delete(m.resolve("model.pt"));
        assertThatThrownBy(() -> provider.load(m)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("no TorchScript file model.pt");
    }

    @Test
    void normalisationOfTheWrongChannelCountIsNamed(@TempDir Path dir) throws IOException {
        Path m = Fixtures.torchModel(dir, "tiny-mlp.pt", Fixtures.CIFAR, List.copyOf(Fixtures.CLASSES),
                java.util.Map.of("input_mean", "0.5", "input_std", "0.25"));
        assertThatThrownBy(() -> provider.load(m)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("have 1 values but the model takes 3 channels");
    }
}
