package org.lowfreq.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lowfreq.spi.AdversarialExample;
import org.lowfreq.spi.Norm;

/** The sweep spends gradients only on images not yet done, and keeps the model's batch full (issue 17, point 3). */
class PgdSweepTest {
    private static final LinearKnownAnswer CASE = new LinearKnownAnswer(8, 5);

    private static long[] ids() {
        return BatchSearch.ids(0, CASE.images.count());
    }

    private static ProtocolSettings settings(Norm norm, double... grid) {
        return ProtocolSettings.defaults(norm, CASE.images.count()).withEpsilonGrid(grid);
    }

    @Test
    void anImageLeavesAtItsFirstSuccessfulIterate() {
        int n = CASE.images.count();
        CountingClassifier m = new CountingClassifier(CASE.model);
        // 0.25 is far above every minimal epsilon: a step or two suffices, where fixed-length PGD spends 40
        AdversarialExample[] found = new PgdSweep(settings(Norm.LINF, 0.25), 3).run(m, CASE.images, CASE.targets, ids());
        TargetCriterion.Evaluation check = new TargetCriterion(0.5).evaluate(CASE.model,
                CASE.images.withPixels(concat(found)), CASE.targets);
        for (int i = 0; i < n; i++) {
            assertThat(found[i].success()).isTrue();
            assertThat(check.success()[i]).as("image %d really succeeds", i).isTrue();
            assertThat(found[i].norm()).isLessThanOrEqualTo(0.25 + 1e-6);
        }
        assertThat(m.gradientImages.get()).as("gradient images").isLessThanOrEqualTo(3L * n)
                .isLessThan((long) PgdAttack.defaultSteps(Norm.LINF) * n);
    }

    @Test
    void aFreedSlotTakesTheNextImageSoTheBatchStaysFullWhileImagesWait() {
        CountingClassifier m = new CountingClassifier(CASE.model);
        double lowest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < CASE.images.count(); i++) {
            lowest = Math.min(lowest, CASE.minimal(Norm.LINF, i));
        }
        // the first grid point fails for every image (40 steps + 1 check), the second succeeds
        new PgdSweep(settings(Norm.LINF, lowest / 2, 0.25), 3).run(m, CASE.images, CASE.targets, ids());
        List<Integer> sizes = m.gradientBatches;
        assertThat(sizes.get(0)).isEqualTo(3);
        for (int k = 1; k < sizes.size(); k++) {
            // a refilled batch only shrinks once no image is left waiting; fixed groups of 3 would grow back
            assertThat(sizes.get(k)).as("call %d of %s", k, sizes).isLessThanOrEqualTo(sizes.get(k - 1));
        }
        assertThat(sizes.stream().filter(s -> s == 3).count()).isGreaterThan(2L * (PgdAttack.defaultSteps(Norm.LINF) + 1));
    }

    @Test
    void theResultDoesNotDependOnTheSlotCountAndEachSuccessLiesInItsBall() {
        for (Norm norm : Norm.values()) {
            int n = CASE.images.count();
            double[] exact = new double[n];
            for (int i = 0; i < n; i++) {
                exact[i] = CASE.minimal(norm, i);
            }
            double[] grid = norm == Norm.LINF ? new double[] {0.001, 0.002, 0.004, 0.008, 0.016}
                    : new double[] {0.005, 0.01, 0.02, 0.04, 0.08};
            AdversarialExample[] one = new PgdSweep(settings(norm, grid), 1).run(CASE.model, CASE.images, CASE.targets, ids());
            AdversarialExample[] many = new PgdSweep(settings(norm, grid), 8).run(CASE.model, CASE.images, CASE.targets, ids());
            for (int i = 0; i < n; i++) {
                assertThat(many[i].clipped()).isEqualTo(one[i].clipped());
                assertThat(many[i].success()).isEqualTo(one[i].success());
                if (one[i].success()) {
                    assertThat(one[i].norm()).as("%s image %d", norm, i).isGreaterThanOrEqualTo(exact[i] * (1 - 1e-4));
                }
            }
        }
    }

    private static float[] concat(AdversarialExample[] a) {
        int d = CASE.images.shape().size();
        float[] out = new float[a.length * d];
        for (int i = 0; i < a.length; i++) {
            System.arraycopy(a[i].clipped(), 0, out, i * d, d);
        }
        return out;
    }
}
