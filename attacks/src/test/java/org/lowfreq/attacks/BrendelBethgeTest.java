package org.lowfreq.attacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lowfreq.spi.AdversarialExample;
import org.lowfreq.spi.Norm;
import org.lowfreq.spi.ProgressListener;
import org.lowfreq.spi.ResultRow;

/** Brendel-Bethge refinement: known answers on the linear model (issue 17, points 1 and 2). */
class BrendelBethgeTest {
    private static final LinearKnownAnswer CASE = new LinearKnownAnswer(8, 5);

    /** PGD successes at 4x the largest closed-form epsilon: far from minimal, so the refinement must do the work. */
    private static AdversarialExample[] farStarts(Norm norm) {
        double largest = 0;
        for (int i = 0; i < CASE.images.count(); i++) {
            largest = Math.max(largest, CASE.minimal(norm, i));
        }
        ProtocolSettings s = ProtocolSettings.defaults(norm, CASE.images.count()).withEpsilonGrid(new double[] {4 * largest});
        return new PgdSweep(s, 4).run(CASE.model, CASE.images, CASE.targets, BatchSearch.ids(0, CASE.images.count()));
    }

    @ParameterizedTest
    @EnumSource(Norm.class)
    void findsTheClosedFormMinimalPerturbationWithinOnePercent(Norm norm) {
        AdversarialExample[] starts = farStarts(norm);
        BrendelBethgeRefinement.Result r = new BrendelBethgeRefinement(norm, 200, 0.5)
                .refine(CASE.model, CASE.images, CASE.targets, starts);
        TargetCriterion.Evaluation check = new TargetCriterion(0.5).evaluate(CASE.model,
                CASE.images.withPixels(concat(r.examples())), CASE.targets);
        int far = 0;
        for (int i = 0; i < CASE.images.count(); i++) {
            double exact = CASE.minimal(norm, i);
            far += starts[i].norm() > 1.1 * exact ? 1 : 0;
            AdversarialExample a = r.examples()[i];
            System.out.printf("BB %s image %d: start %.6f -> %.6f, closed form %.6f %s%n", norm.label(), i,
                    starts[i].norm(), a.norm(), exact, r.notes()[i]);
            assertThat(a.success()).isTrue();
            assertThat(check.success()[i]).as("image %d really succeeds", i).isTrue();
            assertThat(a.norm()).as("image %d, closed form %f", i, exact).isBetween(exact * (1 - 1e-4), exact * 1.01);
            assertThat(r.notes()[i]).isEmpty();
        }
        assertThat(far).as("starts more than 10% above the closed form").isGreaterThanOrEqualTo(CASE.images.count() / 2);
    }

    @ParameterizedTest
    @EnumSource(Norm.class)
    void anImageWithoutAStartIsReportedAndTheOthersAreStillRefined(Norm norm) {
        AdversarialExample[] starts = farStarts(norm);
        starts[2] = null;
        BrendelBethgeRefinement.Result r = new BrendelBethgeRefinement(norm, 200, 0.5)
                .refine(CASE.model, CASE.images, CASE.targets, starts);
        assertThat(r.examples()[2].success()).isFalse();
        assertThat(r.notes()[2]).contains("Brendel-Bethge did not run");
        for (int i = 0; i < CASE.images.count(); i++) {
            if (i != 2) {
                assertThat(r.examples()[i].norm()).isBetween(CASE.minimal(norm, i) * (1 - 1e-4), CASE.minimal(norm, i) * 1.01);
                assertThat(r.notes()[i]).isEmpty();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Norm.class)
    void theSweepProtocolWithBrendelBethgeFindsTheClosedFormAndNamesItself(Norm norm, @TempDir Path out) {
        ProtocolSettings s = ProtocolSettings.defaults(norm, CASE.images.count()).withBatchSize(3).withRefinement(Refinement.BB);
        MinimalEpsilonProtocol p = new MinimalEpsilonProtocol(s);
        MinimalEpsilonProtocol.Outcome o = p.run(CASE.model, CASE.images, out, ProgressListener.NONE);
        for (int i = 0; i < CASE.images.count(); i++) {
            double exact = CASE.minimal(norm, i);
            assertThat(o.minimalEpsilon()[i]).as("image %d %s", i, o.notes()[i]).isBetween(exact * (1 - 1e-4), exact * 1.01);
        }
        List<ResultRow> rows = p.rows(o);
        assertThat(rows).allMatch(r -> r.note().contains("protocol: sweep + Brendel-Bethge"));
        assertThat(s.probeName()).isEqualTo("attack-" + norm.label() + "-bb");
        assertThat(s.fingerprint("m")).isNotEqualTo(s.withRefinement(Refinement.FMN).fingerprint("m"));
        assertThat(s.withRefinement(Refinement.FMN).probeName()).isEqualTo("attack-" + norm.label());
    }

    @Test
    void theL2StepWithoutBindingConstraintsIsTheProjectionOntoTheBoundaryHyperplane() {
        // x0 = 0.5, x = 0.5 + y; min ||y + delta|| s.t. b . delta = c: delta = -y + ((c + b.y) / ||b||^2) b
        double[] x0 = {0.5, 0.5, 0.5, 0.5};
        double[] y = {0.02, -0.01, 0.03, 0.0};
        double[] x = new double[4];
        for (int k = 0; k < 4; k++) {
            x[k] = x0[k] + y[k];
        }
        double[] b = {1, 2, -1, 0.5};
        double c = -0.04;
        double[] delta = new L2TrustRegion().solve(new BoxStep(x0, x, b), c, 10);
        double by = BoxStep.dot(b, y);
        double bb = BoxStep.dot(b, b);
        for (int k = 0; k < 4; k++) {
            assertThat(delta[k]).isCloseTo(-y[k] + (c + by) / bb * b[k], within(1e-6));
        }
    }

    @Test
    void theLinfStepReachesTheBoundaryAtTheSmallestLinfDistance() {
        // from x = x0 (y = 0) the smallest eps with b . delta = c is |c| / ||b||_1
        double[] x0 = {0.5, 0.5, 0.5, 0.5};
        double[] b = {1, 2, -1, 0.5};
        double c = -0.09;
        double[] delta = new LinfTrustRegion().solve(new BoxStep(x0, x0.clone(), b), c, 10);
        double linf = 0;
        for (double v : delta) {
            linf = Math.max(linf, Math.abs(v));
        }
        assertThat(BoxStep.dot(b, delta)).isCloseTo(c, within(1e-8));
        assertThat(linf).isCloseTo(0.09 / 4.5, within(1e-8));
    }

    @Test
    void aTrustRegionTooSmallToReachTheBoundaryGivesTheLongestStepTowardsIt() {
        double[] x0 = {0.5, 0.5};
        double[] b = {3, 4};
        double[] delta = new L2TrustRegion().solve(new BoxStep(x0, x0.clone(), b), -1, 0.1);
        // the step of length 0.1 along -b
        assertThat(delta[0]).isCloseTo(-0.06, within(1e-8));
        assertThat(delta[1]).isCloseTo(-0.08, within(1e-8));
    }

    private static float[] concat(AdversarialExample[] a) {
        int d = a[0].clipped().length;
        float[] out = new float[a.length * d];
        for (int i = 0; i < a.length; i++) {
            System.arraycopy(a[i].clipped(), 0, out, i * d, d);
        }
        return out;
    }
}
