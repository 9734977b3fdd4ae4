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

    /**
     * Records, per gradient call, which images it held (each row is matched to its nearest clean
     * image: the perturbations here are far smaller than the distances between images) and fails
     * when an image comes back after a call in which its iterate already succeeded.
     */
    private static final class SpentAfterSuccess implements org.lowfreq.spi.Classifier {
        final CountingClassifier inner = new CountingClassifier(CASE.model);
        final java.util.Set<Integer> done = new java.util.HashSet<>();
        final java.util.List<Integer> spentAfterSuccess = new java.util.ArrayList<>();
        final int[] gradients = new int[CASE.images.count()];

        @Override
        public org.lowfreq.spi.ModelCard card() {
            return inner.card();
        }

        @Override
        public java.util.Set<org.lowfreq.spi.Capability> capabilities() {
            return inner.capabilities();
        }

        @Override
        public org.lowfreq.spi.Logits logits(org.lowfreq.spi.Images images) {
            return inner.logits(images);
        }

        @Override
        public org.lowfreq.spi.LossGradient lossGradient(org.lowfreq.spi.Images images, int[] classes,
                                                         org.lowfreq.spi.Loss loss) {
            TargetCriterion.Evaluation e = new TargetCriterion(0.5).evaluate(CASE.model, images, classes);
            for (int k = 0; k < images.count(); k++) {
                int i = nearest(images.image(k));
                gradients[i]++;
                if (done.contains(i)) {
                    spentAfterSuccess.add(i);
                }
                if (e.success()[k]) {
                    done.add(i);
                }
            }
            return inner.lossGradient(images, classes, loss);
        }

        @Override
        public void close() {
        }

        private static int nearest(float[] row) {
            int best = -1;
            double bestD = Double.POSITIVE_INFINITY;
            double second = Double.POSITIVE_INFINITY;
            for (int i = 0; i < CASE.images.count(); i++) {
                double dist = Perturbations.l2(difference(row, CASE.images.image(i)), 0, row.length);
                if (dist < bestD) {
                    second = bestD;
                    bestD = dist;
                    best = i;
                } else if (dist < second) {
                    second = dist;
                }
            }
            assertThat(bestD).as("a row is matched to one image without doubt").isLessThan(second / 2);
            return best;
        }

        private static float[] difference(float[] a, float[] b) {
            float[] out = new float[a.length];
            for (int q = 0; q < a.length; q++) {
                out[q] = a[q] - b[q];
            }
            return out;
        }
    }

    @Test
    void noGradientIsSpentOnAnImageOnceOneOfItsIteratesSucceeded() {
        int n = CASE.images.count();
        double highest = 0;
        double lowest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            highest = Math.max(highest, CASE.minimal(Norm.LINF, i));
            lowest = Math.min(lowest, CASE.minimal(Norm.LINF, i));
        }
        // two epsilons below every minimal one, then 4x the largest: one gradient on the clean image
        // (the start estimate), one or two failed PGD runs per image, then a success within a few steps
        SpentAfterSuccess m = new SpentAfterSuccess();
        double[] grid = {lowest / 8, lowest / 2, highest * 4};
        AdversarialExample[] found = new PgdSweep(settings(Norm.LINF, grid), 3).run(m, CASE.images, CASE.targets, ids());
        assertThat(m.spentAfterSuccess).as("images that took gradients after a success").isEmpty();
        for (int i = 0; i < n; i++) {
            assertThat(found[i].success()).isTrue();
            assertThat(m.done).contains(i);
            assertThat(m.gradients[i]).isGreaterThan(1 + PgdAttack.defaultSteps(Norm.LINF))
                    .isLessThan(3 * PgdAttack.defaultSteps(Norm.LINF));
        }
    }

    @Test
    void theSweepStartsAtTheLargestEpsilonBelowTheFirstOrderEstimate() {
        for (Norm norm : Norm.values()) {
            int n = CASE.images.count();
            double lowest = Double.POSITIVE_INFINITY;
            double highest = 0;
            for (int i = 0; i < n; i++) {
                lowest = Math.min(lowest, CASE.minimal(norm, i));
                highest = Math.max(highest, CASE.minimal(norm, i));
            }
            // the cross-entropy of a linear model is convex along a straight path, so its first-order
            // distance (g / ||grad g||_dual) lies below the closed form but here above a quarter of it:
            // the epsilons 1/64 and 1/16 of the lowest minimal one are skipped, 1/4 is where it starts
            double[] grid = {lowest / 64, lowest / 16, lowest / 4, highest * 4};
            CountingClassifier m = new CountingClassifier(CASE.model);
            AdversarialExample[] found = new PgdSweep(settings(norm, grid), 3).run(m, CASE.images, CASE.targets, ids());
            int steps = PgdAttack.defaultSteps(norm);
            for (int i = 0; i < n; i++) {
                assertThat(found[i].success()).isTrue();
                assertThat(found[i].norm()).isGreaterThanOrEqualTo(CASE.minimal(norm, i) * (1 - 1e-4));
            }
            // 1 estimate + one failed epsilon (lowest/4) + a few steps at 4x, per image; climbing from
            // the smallest epsilon would fail three full PGD runs per image first
            assertThat(m.gradientImages.get()).as("%s gradient images", norm).isLessThan((long) n * (2 * steps))
                    .isGreaterThan((long) n * steps);
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
