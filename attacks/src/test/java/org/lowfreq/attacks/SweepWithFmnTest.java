package org.lowfreq.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lowfreq.spi.AdversarialExample;
import org.lowfreq.spi.AttackOptions;
import org.lowfreq.spi.Norm;
import org.lowfreq.spi.Options;
import org.lowfreq.spi.Seeds;

/**
 * The sweep with FMN in its slots (issue 17: the protocol's batches stay full while work remains):
 * the same answers as the sweep followed by a separate FMN refinement, fewer partly filled calls.
 */
class SweepWithFmnTest {
    private static final LinearKnownAnswer CASE = new LinearKnownAnswer(8, 5);

    private static long[] ids() {
        return BatchSearch.ids(0, CASE.images.count());
    }

    /** A fine grid: each image's start estimate lands just below its minimal epsilon, so it needs two levels or more. */
    private static ProtocolSettings settings(Norm norm) {
        double[] grid = new double[24];
        for (int k = 0; k < grid.length; k++) {
            grid[k] = (norm == Norm.LINF ? 0.0005 : 0.003) * Math.pow(1.15, k);
        }
        return ProtocolSettings.defaults(norm, CASE.images.count()).withEpsilonGrid(grid);
    }

    private static FmnTrack.Settings fmn(ProtocolSettings s) {
        return new FmnTrack.Settings(s.norm(), s.fmnSteps(), s.fmnStepSize(), s.fmnRestarts(), s.minProbability(),
                Seeds.derive(s.seed(), "fmn"));
    }

    /** The sweep, then FMN on all images at once, as before the pipeline (and as the BB path still runs). */
    private static AdversarialExample[][] sequential(CountingClassifier m, ProtocolSettings s, int slots) {
        AdversarialExample[] sweep = new PgdSweep(s, slots).run(m, CASE.images, CASE.targets, ids());
        AttackOptions options = new AttackOptions(Double.NaN, s.fmnSteps(), s.fmnStepSize(), s.fmnRestarts(),
                s.minProbability(), Seeds.derive(s.seed(), "fmn"), Options.EMPTY);
        List<AdversarialExample> refined = new FmnAttack(s.norm()).refine(m, CASE.images, CASE.targets, sweep, ids(), options)
                .examples();
        return new AdversarialExample[][] {sweep, refined.toArray(AdversarialExample[]::new)};
    }

    @Test
    void fmnInTheSweepsSlotsGivesTheSameNumbersAsFmnAfterTheSweepForAnySlotCount() {
        for (Norm norm : Norm.values()) {
            ProtocolSettings s = settings(norm);
            AdversarialExample[][] before = sequential(new CountingClassifier(CASE.model), s, 8);
            for (int slots : new int[] {1, 3, 8, 12}) {
                AdversarialExample[] refined = new AdversarialExample[CASE.images.count()];
                AdversarialExample[] sweep = new PgdSweep(s, slots).runWithFmn(CASE.model, CASE.images, CASE.targets, ids(),
                        fmn(s), refined);
                for (int i = 0; i < CASE.images.count(); i++) {
                    String what = norm + " slots " + slots + " image " + i;
                    assertThat(sweep[i].clipped()).as("sweep, " + what).isEqualTo(before[0][i].clipped());
                    assertThat(sweep[i].success()).as("sweep, " + what).isTrue();
                    assertThat(refined[i].clipped()).as("FMN, " + what).isEqualTo(before[1][i].clipped());
                    assertThat(refined[i].success()).as("FMN, " + what).isEqualTo(before[1][i].success());
                    assertThat(refined[i].norm()).as("FMN, " + what).isEqualTo(before[1][i].norm());
                }
            }
        }
    }

    @Test
    void anImageThatFailsAtEveryEpsilonKeepsItsMostProbableFailureAsWithoutFmnInTheSlots() {
        for (Norm norm : Norm.values()) {
            // far below every minimal epsilon: every level fails, several run at once in the free slots
            ProtocolSettings s = ProtocolSettings.defaults(norm, CASE.images.count())
                    .withEpsilonGrid(new double[] {1e-6, 2e-6, 4e-6, 8e-6});
            AdversarialExample[] alone = new PgdSweep(s, 8).run(CASE.model, CASE.images, CASE.targets, ids());
            AdversarialExample[] refined = new AdversarialExample[CASE.images.count()];
            AdversarialExample[] sweep = new PgdSweep(s, 12).runWithFmn(CASE.model, CASE.images, CASE.targets, ids(),
                    fmn(s), refined);
            for (int i = 0; i < CASE.images.count(); i++) {
                assertThat(sweep[i]).as("%s image %d", norm, i).isNotNull();
                assertThat(sweep[i].success()).isFalse();
                assertThat(sweep[i].clipped()).as("%s image %d", norm, i).isEqualTo(alone[i].clipped());
                assertThat(refined[i]).as("%s image %d refined", norm, i).isNotNull();
            }
        }
    }

    @Test
    void theGradientCallsStayFullWhileAnyImageStillSweeps() {
        for (Norm norm : Norm.values()) {
            ProtocolSettings s = settings(norm);
            int n = CASE.images.count();
            CountingClassifier before = new CountingClassifier(CASE.model);
            sequential(before, s, n);
            CountingClassifier now = new CountingClassifier(CASE.model);
            new PgdSweep(s, n + n / 2).runWithFmn(now, CASE.images, CASE.targets, ids(), fmn(s), new AdversarialExample[n]);
            long partialBefore = before.gradientBatches.stream().filter(b -> b < n).count();
            long partialNow = now.gradientBatches.stream().filter(b -> b < n).count();
            System.out.printf("%s: sweep then FMN %d gradient calls (%d below %d images, %d image-gradients);"
                            + " FMN in the sweep's slots %d calls (%d below, %d image-gradients)%n", norm,
                    before.gradientBatches.size(), partialBefore, n, before.gradientImages.get(),
                    now.gradientBatches.size(), partialNow, now.gradientImages.get());
            assertThat(now.gradientBatches.size()).as(norm + " calls").isLessThan(before.gradientBatches.size());
        }
    }
}
