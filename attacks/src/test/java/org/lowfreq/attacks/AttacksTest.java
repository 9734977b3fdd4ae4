package org.lowfreq.attacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.lowfreq.spi.AdversarialExample;
import org.lowfreq.spi.AttackOptions;
import org.lowfreq.spi.AttackResult;
import org.lowfreq.spi.Capability;
import org.lowfreq.spi.Classifier;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.Norm;
import org.lowfreq.spi.Options;
import org.lowfreq.spi.UserInputException;

class AttacksTest {
    private static final LinearKnownAnswer CASE = new LinearKnownAnswer(12, 11);

    @ParameterizedTest
    @EnumSource(Norm.class)
    void fmnFindsTheDistanceToTheDecisionHyperplaneWithinOnePercent(Norm norm) {
        AttackResult r = new FmnAttack(norm).run(CASE.model, CASE.images, CASE.targets, FmnAttack.defaults(0.5, 0));
        for (int i = 0; i < CASE.images.count(); i++) {
            double exact = CASE.minimal(norm, i);
            AdversarialExample a = r.examples().get(i);
            assertThat(a.success()).as("image %d", i).isTrue();
            assertThat(a.norm()).as("image %d, exact %f", i, exact).isBetween(exact * (1 - 1e-4), exact * 1.01);
            assertThat(a.targetProbability()).isGreaterThanOrEqualTo(0.5);
            float[] x = CASE.images.image(i);
            float[] delta = new float[x.length];
            for (int k = 0; k < x.length; k++) {
                delta[k] = a.clipped()[k] - x[k];
            }
            assertThat(norm.of(delta, 0, delta.length)).isCloseTo(a.norm(), org.assertj.core.api.Assertions.within(1e-6));
        }
    }

    @ParameterizedTest
    @EnumSource(Norm.class)
    void pgdSucceedsJustAboveTheMinimalEpsilonAndFailsJustBelow(Norm norm) {
        PgdAttack pgd = new PgdAttack(norm);
        for (int i = 0; i < 4; i++) {
            Images one = CASE.images.slice(i, i + 1);
            int[] t = {CASE.targets[i]};
            double exact = CASE.minimal(norm, i);
            // L2 PGD from a random start turns towards the optimal direction only slowly: give it
            // longer steps (Linf keeps the defaults)
            AttackOptions above = norm == Norm.LINF ? PgdAttack.defaults(norm, exact * 1.01, 0.5, 3)
                    : new AttackOptions(exact * 1.01, 100, 0.2, 1, 0.5, 3, Options.EMPTY);
            AttackOptions below = PgdAttack.defaults(norm, exact * 0.99, 0.5, 3);
            AdversarialExample hit = pgd.run(CASE.model, one, t, above).examples().get(0);
            assertThat(hit.success()).as("image %d above", i).isTrue();
            assertThat(hit.norm()).isLessThanOrEqualTo(exact * 1.01 + 1e-6);
            assertThat(pgd.run(CASE.model, one, t, below).examples().get(0).success()).as("image %d below", i).isFalse();
        }
    }

    @Test
    void rawIsTheUnprojectedIterateAndClippedStaysInTheBallAndTheBox() {
        double eps = 0.01;
        AttackOptions o = new AttackOptions(eps, 5, 1.0, 1, 0.5, 1, Options.EMPTY);
        AttackResult r = new PgdAttack(Norm.LINF).run(CASE.model, CASE.images, CASE.targets, o);
        boolean rawLeavesBall = false;
        for (int i = 0; i < CASE.images.count(); i++) {
            float[] x = CASE.images.image(i);
            AdversarialExample a = r.examples().get(i);
            for (int k = 0; k < x.length; k++) {
                assertThat(Math.abs(a.clipped()[k] - x[k])).isLessThanOrEqualTo((float) eps + 1e-7f);
                assertThat(a.clipped()[k]).isBetween(0f, 1f);
                rawLeavesBall |= Math.abs(a.raw()[k] - x[k]) > eps + 1e-6;
            }
        }
        assertThat(rawLeavesBall).isTrue();
    }

    @Test
    void sameSeedSameNumbersAndBatchingDoesNotMatter() {
        PgdAttack pgd = new PgdAttack(Norm.L2);
        AttackOptions o = new AttackOptions(0.3, 10, 0.1, 2, 0.5, 42, Options.EMPTY);
        AttackResult all = pgd.run(CASE.model, CASE.images, CASE.targets, o);
        AttackResult again = pgd.run(CASE.model, CASE.images, CASE.targets, o);
        AttackResult second = pgd.run(CASE.model, CASE.images.slice(6, 12), java.util.Arrays.copyOfRange(CASE.targets, 6, 12),
                new AttackOptions(0.3, 10, 0.1, 2, 0.5, 42, Options.of("first-index", "6")));
        for (int i = 0; i < 12; i++) {
            assertThat(again.examples().get(i).clipped()).isEqualTo(all.examples().get(i).clipped());
        }
        for (int i = 6; i < 12; i++) {
            assertThat(second.examples().get(i - 6).clipped()).isEqualTo(all.examples().get(i).clipped());
        }
    }

    @Test
    void modelsWithoutInputGradientsAreRefused() {
        Classifier noGrad = new Classifier() {
            @Override
            public org.lowfreq.spi.ModelCard card() {
                return CASE.model.card();
            }

            @Override
            public Set<Capability> capabilities() {
                return Set.of();
            }

            @Override
            public org.lowfreq.spi.Logits logits(Images images) {
                return CASE.model.logits(images);
            }

            @Override
            public org.lowfreq.spi.LossGradient lossGradient(Images images, int[] classes, org.lowfreq.spi.Loss loss) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void close() {
            }
        };
        assertThatThrownBy(() -> new FmnAttack(Norm.L2).run(noGrad, CASE.images, CASE.targets, FmnAttack.defaults(0.5, 0)))
                .isInstanceOf(UserInputException.class).hasMessageContaining("INPUT_GRADIENT");
        assertThatThrownBy(() -> new PgdAttack(Norm.LINF).run(noGrad, CASE.images, CASE.targets,
                PgdAttack.defaults(Norm.LINF, 0.1, 0.5, 0))).isInstanceOf(UserInputException.class);
    }

    @Test
    void thePluginOffersFourAttacks() {
        assertThat(new AttacksPlugin().attacks()).extracting(a -> a.name())
                .containsExactly("pgd-linf", "pgd-l2", "fmn-linf", "fmn-l2");
    }
}
