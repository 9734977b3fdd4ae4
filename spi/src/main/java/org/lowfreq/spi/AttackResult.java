package org.lowfreq.spi;

import java.util.List;

/** One {@link AdversarialExample} per input image, in input order. */
public record AttackResult(List<AdversarialExample> examples) {
    public AttackResult {
        examples = List.copyOf(examples);
    }

    public double successRate() {
        return examples.stream().filter(AdversarialExample::success).count() / (double) Math.max(1, examples.size());
    }
}
