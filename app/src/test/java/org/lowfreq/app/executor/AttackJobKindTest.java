package org.lowfreq.app.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lowfreq.experiments.plan.Job;

/** An attack job's protocol and refinement reach the {@code lowfreq attack} command line, and only when set. */
class AttackJobKindTest {
    private static Job attack(String key, String value) {
        Map<String, Object> config = new LinkedHashMap<>(Map.of("norm", "linf", "n", 100L, "min_prob", 0.5, "seed", 0L));
        if (key != null) {
            config.put(key, value);
        }
        return Job.of("attack", "attack linf", config, List.of());
    }

    @Test
    void refineAndProtocolReachTheCommandOnlyWhenTheJobNamesThem() {
        assertThat(AttackJobKind.arguments(attack("refine", "bb"), Set.of(), "m", "o", 1)).containsSubsequence("--refine", "bb");
        assertThat(AttackJobKind.arguments(attack("protocol", "bisection"), Set.of(), "m", "o", 1))
                .containsSubsequence("--protocol", "bisection").doesNotContain("--refine");
        assertThat(AttackJobKind.arguments(attack(null, null), Set.of(), "m", "o", 1)).doesNotContain("--refine", "--protocol");
    }
}
