package org.lowfreq.analysis.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SpatialFrequencyTest {
    @Test
    void mouseV1PreferenceAt67Point5DegreesIs2Point7CyclesPerImage() {
        assertThat(SpatialFrequency.cpdToCyclesPerImage(0.04, 67.5)).isCloseTo(2.7, within(1e-12));
        assertThat(SpatialFrequency.cyclesPerImageToCpd(2.7, 67.5)).isCloseTo(0.04, within(1e-12));
    }

    @Test
    void pixelAndNormalisedUnitsRoundTrip() {
        assertThat(SpatialFrequency.cyclesPerImageToCpp(8, 32)).isEqualTo(0.25);
        assertThat(SpatialFrequency.cppToCyclesPerImage(0.25, 32)).isEqualTo(8);
        assertThat(SpatialFrequency.cppToNormalised(0.25)).isEqualTo(0.5);
        assertThat(SpatialFrequency.normalisedToCpp(1.0)).isEqualTo(SpatialFrequency.NYQUIST_CPP);
        assertThat(SpatialFrequency.cppToCpd(2.7 / 64, 64, 67.5)).isCloseTo(0.04, within(1e-12));
    }

    @Test
    void nonPositiveSizesAreRefused() {
        assertThatThrownBy(() -> SpatialFrequency.cpdToCyclesPerImage(0.04, 0)).hasMessageContaining("field of view");
        assertThatThrownBy(() -> SpatialFrequency.cyclesPerImageToCpp(1, -3)).hasMessageContaining("image size");
    }
}
