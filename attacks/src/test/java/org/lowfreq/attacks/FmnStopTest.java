package org.lowfreq.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lowfreq.spi.AttackOptions;
import org.lowfreq.spi.AttackResult;
import org.lowfreq.spi.Norm;
import org.lowfreq.spi.Options;

/** FMN stops per image once it has converged, without changing what each image gets (issue 17, point 3). */
class FmnStopTest {
    private static final LinearKnownAnswer CASE = new LinearKnownAnswer(12, 11);

    private static AttackOptions options(int patience, long first) {
        return new AttackOptions(Double.NaN, FmnAttack.DEFAULT_STEPS, FmnAttack.DEFAULT_STEP_SIZE, 1, 0.5, 0,
                Options.of("patience", Integer.toString(patience), "first-index", Long.toString(first)));
    }

    @ParameterizedTest
    @EnumSource(Norm.class)
    void aConvergedImageLeavesTheBatchAndStillEndsWithinOnePercent(Norm norm) {
        int n = CASE.images.count();
        CountingClassifier all = new CountingClassifier(CASE.model);
        new FmnAttack(norm).run(all, CASE.images, CASE.targets, FmnAttack.defaults(0.5, 0));
        // the default (patience 0): every image takes every step
        assertThat(all.gradientImages.get()).isEqualTo((long) n * FmnAttack.DEFAULT_STEPS);
        CountingClassifier stopping = new CountingClassifier(CASE.model);
        AttackResult r = new FmnAttack(norm).run(stopping, CASE.images, CASE.targets, options(FmnAttack.TEST_PATIENCE, 0));
        assertThat(stopping.gradientImages.get()).as("gradient images with per-image stop")
                .isLessThan((long) n * FmnAttack.DEFAULT_STEPS / 2); // 288 (Linf) and 345 (L2) of 1200 when written
        for (int i = 0; i < n; i++) {
            double exact = CASE.minimal(norm, i);
            assertThat(r.examples().get(i).success()).isTrue();
            assertThat(r.examples().get(i).norm()).as("image %d", i).isBetween(exact * (1 - 1e-4), exact * 1.01);
        }
    }

    @ParameterizedTest
    @EnumSource(Norm.class)
    void anImagesResultDoesNotDependOnWhichImagesShareItsBatch(Norm norm) {
        AttackResult whole = new FmnAttack(norm).run(CASE.model, CASE.images, CASE.targets, options(FmnAttack.TEST_PATIENCE, 0));
        AttackResult half = new FmnAttack(norm).run(CASE.model, CASE.images.slice(6, 12),
                Arrays.copyOfRange(CASE.targets, 6, 12), options(FmnAttack.TEST_PATIENCE, 6));
        for (int i = 6; i < 12; i++) {
            assertThat(half.examples().get(i - 6).clipped()).isEqualTo(whole.examples().get(i).clipped());
        }
    }
}
