package org.lowfreq.attacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.lowfreq.spi.InputGradientBench;

/** The bench's input-gradient workload, shared by {@code lowfreq bench} and {@code lowfreq attack}. */
class InputGradientBenchTest {
    @Test
    void timesExactlyWarmupPlusStepsFullGradientCallsAndNoForwardPass() {
        LinearKnownAnswer c = new LinearKnownAnswer(2, 5);
        CountingClassifier m = new CountingClassifier(c.model);
        InputGradientBench.Rate r = new InputGradientBench(7, 2, 3).measure(m);
        assertThat(r.imagesPerSecond()).isPositive().isFinite();
        assertThat(m.gradientBatches).containsExactly(7, 7, 7, 7, 7);
        assertThat(m.forwardImages.get()).isZero();
        assertThat(r.toString()).contains("batch 7", "3 timed calls", "2 warm-up");
    }

    @Test
    void theDefaultIsTheBenchCommandsDefaultAndTheProtocolsBatch() {
        assertThat(InputGradientBench.DEFAULT).isEqualTo(new InputGradientBench(128, 2, 10));
        assertThat(ProtocolSettings.DEFAULT_BATCH).isEqualTo(InputGradientBench.DEFAULT.batch());
        assertThatThrownBy(() -> new InputGradientBench(0, 2, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
