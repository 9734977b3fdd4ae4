package org.lowfreq.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LabelDerangementTest {

    private static int[] randomLabels(SplittableRandom r, int n, int classes) {
        int[] l = new int[n];
        for (int i = 0; i < n; i++) {
            l[i] = r.nextInt(classes);
        }
        return l;
    }

    @Test
    void derangesEveryPositionAndKeepsTheMultisetForManySeedsAndLabelSets() {
        SplittableRandom meta = new SplittableRandom(42);
        for (int trial = 0; trial < 2000; trial++) {
            int classes = 2 + meta.nextInt(9);
            int n = 2 + meta.nextInt(60);
            int[] labels = randomLabels(meta, n, classes);
            int max = Arrays.stream(countsOf(labels, classes)).max().orElse(0);
            if (2 * max > n) {
                continue;
            }
            int[] d = LabelDerangement.labels(labels, new SplittableRandom(trial));
            for (int i = 0; i < n; i++) {
                assertThat(d[i]).as("position %d of trial %d", i, trial).isNotEqualTo(labels[i]);
            }
            assertThat(countsOf(d, classes)).isEqualTo(countsOf(labels, classes));
        }
    }

    @Test
    void terminatesOnTheHardestCaseOfTwoHalves() {
        int[] labels = new int[100];
        Arrays.fill(labels, 50, 100, 1);
        for (int seed = 0; seed < 200; seed++) {
            int[] d = LabelDerangement.labels(labels, new SplittableRandom(seed));
            for (int i = 0; i < 100; i++) {
                assertThat(d[i]).isEqualTo(1 - labels[i]);
            }
        }
    }

    @Test
    void pairingUsesEveryImageOnceAsPartnerWithADifferentClass() {
        SplittableRandom meta = new SplittableRandom(7);
        for (int trial = 0; trial < 300; trial++) {
            int[] labels = randomLabels(meta, 200, 10);
            int[] partner = LabelDerangement.pairing(labels, new SplittableRandom(trial));
            boolean[] used = new boolean[labels.length];
            for (int i = 0; i < labels.length; i++) {
                assertThat(labels[partner[i]]).isNotEqualTo(labels[i]);
                assertThat(used[partner[i]]).as("image %d used twice", partner[i]).isFalse();
                used[partner[i]] = true;
            }
        }
    }

    @Test
    void sameSeedSameResultAndOtherSeedOtherResult() {
        int[] labels = randomLabels(new SplittableRandom(1), 500, 10);
        assertThat(LabelDerangement.pairing(labels, new SplittableRandom(3)))
                .isEqualTo(LabelDerangement.pairing(labels, new SplittableRandom(3)))
                .isNotEqualTo(LabelDerangement.pairing(labels, new SplittableRandom(4)));
    }

    @Test
    void refusesLabelSetsWithoutADerangement() {
        assertThatThrownBy(() -> LabelDerangement.labels(new int[] {0, 0, 0, 1}, new SplittableRandom(0)))
                .isInstanceOf(UserInputException.class).hasMessageContaining("more than half");
        assertThatThrownBy(() -> LabelDerangement.labels(new int[] {3}, new SplittableRandom(0)))
                .isInstanceOf(UserInputException.class);
    }

    private static int[] countsOf(int[] labels, int classes) {
        int[] c = new int[classes];
        for (int l : labels) {
            c[l]++;
        }
        return c;
    }
}
