package org.lowfreq.analysis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SeedVarianceTest {
    @Test
    void withinConfigurationSdIsComparedWithTheSdOfFamilyMeans() {
        SeedVariance v = SeedVariance.of("f_rev_norm", List.of(
                new SeedVariance.Observation("blur 1.5", "blur", 1),
                new SeedVariance.Observation("blur 1.5", "blur", 3),
                new SeedVariance.Observation("baseline", "baseline", 6),
                new SeedVariance.Observation("baseline", "baseline", Double.NaN)));
        assertThat(v.configurations().get("blur 1.5").mean()).isEqualTo(2);
        assertThat(v.configurations().get("blur 1.5").sd()).isCloseTo(Math.sqrt(2), within(1e-12));
        assertThat(v.configurations().get("baseline").n()).isEqualTo(1);
        assertThat(v.betweenFamilies().sd()).isCloseTo(Math.sqrt(8), within(1e-12));
        assertThat(v.ratio()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void descriptiveDropsNaNAndTakesTheMiddleMedian() {
        Descriptive d = Descriptive.of(4, Double.NaN, 1, 3, 2);
        assertThat(d.n()).isEqualTo(4);
        assertThat(d.median()).isEqualTo(2.5);
        assertThat(d.sd()).isCloseTo(Math.sqrt(5.0 / 3), within(1e-12));
        assertThat(Descriptive.of().mean()).isNaN();
    }
}
