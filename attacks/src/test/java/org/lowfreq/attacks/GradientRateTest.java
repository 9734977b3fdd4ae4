package org.lowfreq.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GradientRateTest {
    @Test
    void timesExactlyTheRequestedGradientCallsOnOneBatch() {
        LinearKnownAnswer c = new LinearKnownAnswer(8, 5);
        CountingClassifier m = new CountingClassifier(c.model);
        double rate = GradientRate.imagesPerSecond(m, c.images, c.targets, 5, 2, 4);
        assertThat(rate).isPositive().isFinite();
        assertThat(m.gradientBatches).containsExactly(5, 5, 5, 5, 5, 5);
        assertThat(m.forwardImages.get()).isZero();
        // a batch larger than the images is cut to the images
        CountingClassifier small = new CountingClassifier(c.model);
        GradientRate.imagesPerSecond(small, c.images, c.targets, 50, 0, 1);
        assertThat(small.gradientBatches).containsExactly(8);
    }
}
