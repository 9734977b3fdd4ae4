package org.lowfreq.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelInputTest {
    private static final ImageShape TWO_BY_ONE_RGB = new ImageShape(1, 2, 3);

    @Test
    void nchwWithNormalisationReordersAndScalesEveryValue() {
        // NHWC pixels of one 1x2 RGB image: (r0 g0 b0) (r1 g1 b1)
        Images x = new Images(1, TWO_BY_ONE_RGB, new float[] {0.1f, 0.2f, 0.3f, 0.5f, 0.6f, 0.7f});
        ModelInput in = new ModelInput(ModelInput.Layout.NCHW, new float[] {0.1f, 0.2f, 0.3f}, new float[] {0.5f, 0.5f, 2f});
        // channel planes r0 r1 | g0 g1 | b0 b1, each (v - mean) / std
        assertThat(in.toModelInput(x, 0, 1)).containsExactly(new float[] {0f, 0.8f, 0f, 0.8f, 0f, 0.2f},
                org.assertj.core.data.Offset.offset(1e-6f));
    }

    @Test
    void nhwcWithoutNormalisationIsTheInputItself() {
        Images x = new Images(2, TWO_BY_ONE_RGB, new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
        assertThat(ModelInput.of(ModelInput.Layout.NHWC).toModelInput(x, 1, 1)).containsExactly(7, 8, 9, 10, 11, 12);
    }

    @Test
    void cardPropertiesRoundTripAndBadValuesNameTheKey() {
        ModelInput in = new ModelInput(ModelInput.Layout.NCHW, new float[] {0.5f, 0.5f, 0.5f}, new float[] {0.25f, 0.25f, 0.25f});
        assertThat(ModelInput.fromCard(card(in.properties()), ModelInput.Layout.NHWC)).isEqualTo(in);
        assertThat(ModelInput.fromCard(card(Map.of()), ModelInput.Layout.NHWC)).isEqualTo(ModelInput.of(ModelInput.Layout.NHWC));
        assertThatThrownBy(() -> ModelInput.fromCard(card(Map.of("input_layout", "CHW")), ModelInput.Layout.NCHW))
                .hasMessageContaining("input_layout is 'CHW'");
        assertThatThrownBy(() -> ModelInput.fromCard(card(Map.of("input_mean", "0.5,x,0.5", "input_std", "1,1,1")),
                ModelInput.Layout.NCHW)).hasMessageContaining("input_mean is '0.5,x,0.5'");
        assertThatThrownBy(() -> new ModelInput(ModelInput.Layout.NCHW, new float[] {0}, new float[] {0}))
                .hasMessageContaining("must be positive");
    }

    private static ModelCard card(Map<String, String> props) {
        return new ModelCard("m", "imported", "mlp", "onnx", TWO_BY_ONE_RGB, List.of("a", "b"), 0, 0, "d", 0,
                Double.NaN, props);
    }
}
