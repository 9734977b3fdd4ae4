package org.lowfreq.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Images;

class GrayscaleTest {
    @Test
    void lumaWeightsOfPrimariesAndWhite() {
        float[] px = {1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 1, 1};
        Images rgb = new Images(1, new ImageShape(2, 2, 3), px, new int[] {7});
        Images g = Grayscale.of(rgb);
        assertThat(g.shape()).isEqualTo(new ImageShape(2, 2, 1));
        assertThat(g.pixels()[0]).isCloseTo(0.299f, within(1e-7f));
        assertThat(g.pixels()[1]).isCloseTo(0.587f, within(1e-7f));
        assertThat(g.pixels()[2]).isCloseTo(0.114f, within(1e-7f));
        assertThat(g.pixels()[3]).isCloseTo(1f, within(1e-6f)).isLessThanOrEqualTo(1f);
        assertThat(g.labels()).containsExactly(7);
    }

    @Test
    void oneChannelImagesPassThrough() {
        Images gray = new Images(1, new ImageShape(1, 1, 1), new float[] {0.5f});
        assertThat(Grayscale.of(gray)).isSameAs(gray);
    }
}
