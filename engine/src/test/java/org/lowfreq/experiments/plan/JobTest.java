package org.lowfreq.experiments.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobTest {
    @Test
    void theListingFormNamesTheKindOnceThroughTheLabel() {
        Job train = Job.of("train", "train baseline", Map.of("seed", 0L), List.of());
        assertThat(train.toString()).isEqualTo(train.hash() + " train baseline").doesNotContain("train train");
    }
}
