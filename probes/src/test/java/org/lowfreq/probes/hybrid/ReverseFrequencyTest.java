package org.lowfreq.probes.hybrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ReverseFrequencyTest {
    private static final double[] GRID = {0, 0.1, 0.2, 0.4, 1.0};

    @Test
    void interpolatesLinearlyBetweenTheBracketingPoints() {
        var c = ReverseFrequency.find(GRID, new double[] {-0.8, -0.6, -0.2, 0.6, 0.9});
        assertThat(c.found()).isTrue();
        // -0.2 at 0.2, 0.6 at 0.4: zero at 0.2 + 0.2 * 0.2 / 0.8 = 0.25
        assertThat(c.fMix()).isCloseTo(0.25, within(1e-12));
        assertThat(c.cyclesPerPixel()).isCloseTo(0.125, within(1e-12));
    }

    @Test
    void takesTheFirstUpwardCrossingOnly() {
        var c = ReverseFrequency.find(GRID, new double[] {-1, 1, -1, 1, 1});
        assertThat(c.fMix()).isCloseTo(0.05, within(1e-12));
    }

    @Test
    void ignoresADownwardCrossingBeforeTheUpwardOne() {
        var c = ReverseFrequency.find(GRID, new double[] {0.5, -0.5, -0.5, 0.5, 1});
        assertThat(c.fMix()).isCloseTo(0.3, within(1e-12));
    }

    @Test
    void exactZeroFollowedByPositiveIsTheCrossing() {
        var c = ReverseFrequency.find(GRID, new double[] {-1, 0, 0, 0.5, 1});
        assertThat(c.fMix()).isEqualTo(0.1);
    }

    @Test
    void touchingZeroIsNotACrossing() {
        var c = ReverseFrequency.find(GRID, new double[] {-1, 0, -1, -0.5, -0.2});
        assertThat(c.found()).isFalse();
        assertThat(c.note()).contains("never rises above 0");
    }

    @Test
    void alwaysPositiveHasNoValueAndSaysWhy() {
        var c = ReverseFrequency.find(GRID, new double[] {0.1, 0.2, 0.3, 0.4, 0.5});
        assertThat(c.found()).isFalse();
        assertThat(c.note()).contains("never below 0");
    }

    @Test
    void alwaysNegativeHasNoValueAndSaysWhy() {
        var c = ReverseFrequency.find(GRID, new double[] {-1, -1, -0.9, -0.5, -0.1});
        assertThat(c.fMix()).isNaN();
        assertThat(c.note()).contains("high-frequency image up to f_mix = 1.0");
    }
}
