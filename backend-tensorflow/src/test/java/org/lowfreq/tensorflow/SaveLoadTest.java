package org.lowfreq.tensorflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowfreq.spi.Classifier;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.ModelCard;
import org.lowfreq.spi.ModelCardFile;
import org.lowfreq.spi.UserInputException;

class SaveLoadTest {
    private final TensorFlowModelProvider provider = new TensorFlowModelProvider(SessionOptions.DEFAULT);

    @Test
    void loadedModelGivesBitIdenticalLogits(@TempDir Path dir) {
        ModelSpec spec = TinyModels.spec(1.0, null);
        Images images = TinyModels.randomImages(5, spec.input(), 3);
        float[] before = TinyModels.exportUntrained(dir, spec, 11, images);
        assertThat(provider.canLoad(dir)).isTrue();
        try (Classifier c = provider.load(dir)) {
            float[] after = c.logits(images).values();
            assertThat(after).containsExactly(before);
            assertThat(c.card().blurSigma()).isEqualTo(1.0);
        }
    }

    @Test
    void cardWithOtherClassCountIsRefused(@TempDir Path dir) {
        ModelSpec spec = TinyModels.spec(0, null);
        TinyModels.exportUntrained(dir, spec, 1, TinyModels.randomImages(1, spec.input(), 1));
        ModelCard good = ModelCardFile.read(dir);
        ModelCardFile.write(dir, new ModelCard(good.name(), good.family(), good.arch(), good.backend(), good.inputShape(),
                List.of("a", "b", "c", "d"), 0, 0, "x", 0, Double.NaN, Map.of()));
        assertThatThrownBy(() -> provider.load(dir)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("does not match its model card").hasMessageContaining("4 classes");
    }

    @Test
    void cardWithOtherInputShapeIsRefused(@TempDir Path dir) {
        ModelSpec spec = TinyModels.spec(0, null);
        TinyModels.exportUntrained(dir, spec, 1, TinyModels.randomImages(1, spec.input(), 1));
        ModelCard good = ModelCardFile.read(dir);
        ModelCardFile.write(dir, new ModelCard(good.name(), good.family(), good.arch(), good.backend(),
                new ImageShape(16, 16, 3), good.classNames(), 0, 0, "x", 0, Double.NaN, Map.of()));
        assertThatThrownBy(() -> provider.load(dir)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("does not match its model card").hasMessageContaining("16x16x3");
    }

    @Test
    void folderWithoutSavedModelIsRefused(@TempDir Path dir) {
        ModelSpec spec = TinyModels.spec(0, null);
        ModelCardFile.write(dir, TinyModels.card(spec, "empty"));
        assertThat(provider.canLoad(dir)).isFalse();
        assertThatThrownBy(() -> provider.load(dir)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("saved_model.pb");
    }
}
