package org.lowfreq.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCardFileTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsEveryField() {
        ModelCard card = new ModelCard("m \"1\"", "blur", "resnet18", "tensorflow", new ImageShape(32, 32, 3),
                List.of("cat", "dog"), 1.5, 0, "cifar10", 7, 0.5625,
                Map.of("epochs", "3", "note", "line\nbreak"));
        ModelCardFile.write(dir, card);
        assertThat(ModelCardFile.read(dir)).isEqualTo(card);
    }

    @Test
    void unknownAccuracyRoundTripsAsNaN() {
        ModelCard card = new ModelCard("m", "baseline", "linear", "reference", new ImageShape(4, 4, 1),
                List.of("a", "b", "c"), 0, 0, "x", -1, Double.NaN, Map.of());
        ModelCardFile.write(dir, card);
        assertThat(ModelCardFile.read(dir).cleanAccuracy()).isNaN();
    }

    @Test
    void namesTheFileAndTheProblem() throws Exception {
        assertThatThrownBy(() -> ModelCardFile.read(dir)).hasMessageContaining("no model-card.json");
        Files.writeString(ModelCardFile.pathIn(dir), "{\"name\": \"x\",\n \"backend\": }");
        assertThatThrownBy(() -> ModelCardFile.read(dir)).hasMessageContaining("line 2");
        Files.writeString(ModelCardFile.pathIn(dir), "{\"name\": \"x\", \"backend\": \"tensorflow\"}");
        assertThatThrownBy(() -> ModelCardFile.read(dir)).hasMessageContaining("input_height");
    }

    @Test
    void aCardIsReadForItsOwnBackendOnlyAndABrokenOneLoadsNowhere(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        ModelCardFile.write(dir, new ModelCard("m", "baseline", "linear", "reference", new ImageShape(4, 4, 1),
                List.of("a", "b"), 0, 0, "x", 0, Double.NaN, Map.of()));
        org.assertj.core.api.Assertions.assertThat(ModelCardFile.namesBackend(dir, "reference")).isTrue();
        org.assertj.core.api.Assertions.assertThat(ModelCardFile.namesBackend(dir, "onnx")).isFalse();
        org.assertj.core.api.Assertions.assertThat(ModelCardFile.readFor(dir, "reference").name()).isEqualTo("m");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ModelCardFile.readFor(dir, "onnx"))
                .isInstanceOf(UserInputException.class).hasMessageContaining("is for backend 'reference', not onnx");
        java.nio.file.Files.writeString(ModelCardFile.pathIn(dir), "{ not json");
        org.assertj.core.api.Assertions.assertThat(ModelCardFile.namesBackend(dir, "reference")).isFalse();
        org.assertj.core.api.Assertions.assertThat(ModelCardFile.namesBackend(dir.resolve("absent"), "reference")).isFalse();
    }

    @Test
    void anImportedModelFileIsFoundByTheCardOrItsDefaultAndAMissingOneIsNamed(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        ModelCard plain = new ModelCard("m", "imported", "cnn", "onnx", new ImageShape(4, 4, 1), List.of("a", "b"), 0, 0,
                "x", 0, Double.NaN, Map.of());
        ModelCard named = new ModelCard("m", "imported", "cnn", "onnx", new ImageShape(4, 4, 1), List.of("a", "b"), 0, 0,
                "x", 0, Double.NaN, Map.of(ModelCardFile.MODEL_FILE, "net.onnx"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ModelCardFile.modelFile(dir, plain, "model.onnx", "ONNX"))
                .isInstanceOf(UserInputException.class).hasMessageContaining("no ONNX file model.onnx in " + dir);
        java.nio.file.Files.writeString(dir.resolve("model.onnx"), "x");
        java.nio.file.Files.writeString(dir.resolve("net.onnx"), "x");
        org.assertj.core.api.Assertions.assertThat(ModelCardFile.modelFile(dir, plain, "model.onnx", "ONNX"))
                .isEqualTo(dir.resolve("model.onnx"));
        org.assertj.core.api.Assertions.assertThat(ModelCardFile.modelFile(dir, named, "model.onnx", "ONNX"))
                .isEqualTo(dir.resolve("net.onnx"));
    }
}
