package org.lowfreq.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lowfreq.spi.Norm;
import org.lowfreq.spi.ProgressListener;
import org.lowfreq.spi.ResultRow;

/**
 * The paper code's protocol on the linear model of {@link LinearKnownAnswer}: PGD at eps_max, then
 * 8 bisection steps. Where the closed-form minimal epsilon e* lies below eps_max, the reported
 * epsilon is the upper end of the final interval: a budget at which PGD succeeded (so >= e*) and
 * at most one interval width (eps_max / 256) above e*, on the dyadic grid eps_max k / 256. Where e*
 * lies above eps_max the image is a failure.
 *
 * <p>Linf PGD is exact on a linear model (its 40 sign steps reach the ball's vertex from any
 * start), so there the bound is one interval width, as the issue asks. L2 PGD with the default 50
 * steps of 0.05 eps keeps a little of its random start orthogonal to the gradient and fails a few
 * percent above e* (2.4% seen on this model); a mid-point that fails there moves the interval up
 * by that much, so the L2 bound is one interval width above 1.03 e*: the protocol's own limit, not
 * the bisection's.
 */
class BisectionProtocolTest {
    private static final LinearKnownAnswer CASE = new LinearKnownAnswer(8, 5);

    @ParameterizedTest
    @EnumSource(Norm.class)
    void findsTheClosedFormMinimalEpsilonWithinTheBisectionResolution(Norm norm, @TempDir Path out) {
        int n = CASE.images.count();
        double[] exact = new double[n];
        for (int i = 0; i < n; i++) {
            exact[i] = CASE.minimal(norm, i);
        }
        double[] sorted = exact.clone();
        Arrays.sort(sorted);
        // eps_max between the two middle values: half the images can succeed, half cannot
        double epsMax = (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        assertThat(sorted[n / 2] / sorted[n / 2 - 1]).as("a clear gap around eps_max").isGreaterThan(1.05);
        ProtocolSettings s = ProtocolSettings.defaults(norm, n).withBatchSize(3)
                .withEpsilonGrid(new double[] {epsMax / 4, epsMax}).withProtocol(SearchProtocol.BISECTION);
        double resolution = s.bisectionResolution();
        assertThat(resolution).isEqualTo(epsMax / 256);
        MinimalEpsilonProtocol p = new MinimalEpsilonProtocol(s);
        MinimalEpsilonProtocol.Outcome o = p.run(CASE.model, CASE.images, out, ProgressListener.NONE);
        int d = CASE.images.shape().size();
        for (int i = 0; i < n; i++) {
            if (exact[i] > epsMax) {
                assertThat(o.success()[i]).as("image %d, e* %f above eps_max %f", i, exact[i], epsMax).isFalse();
                assertThat(o.minimalEpsilon()[i]).isNaN();
                continue;
            }
            assertThat(o.success()[i]).as("image %d", i).isTrue();
            double eps = o.minimalEpsilon()[i];
            double pgdSlack = norm == Norm.LINF ? 1 : 1.03;
            assertThat(eps).as("image %d: e* %f", i, exact[i]).isBetween(exact[i] * (1 - 1e-4), exact[i] * pgdSlack + resolution);
            double k = eps / resolution;
            assertThat(Math.abs(k - Math.rint(k))).as("upper end of a bisection interval").isLessThan(1e-6);
            // the stored perturbation is the successful final iterate of PGD at that budget
            assertThat(norm.of(o.perturbations(), i * d, d)).isLessThanOrEqualTo(eps + 1e-6); // float32 pixels
        }
        List<ResultRow> rows = p.rows(o);
        assertThat(rows).allMatch(r -> r.note().contains("protocol: PGD bisection"));
        assertThat(rows.stream().filter(r -> r.metric().equals("success_fraction")).findFirst().orElseThrow().value())
                .isEqualTo(0.5);
    }

    /**
     * Issue 17: the default search (sweep + FMN) spends no more gradient images than the bisection on
     * the same images and targets, default settings, and still lands within 1% of the closed form.
     * Here (Linf) 2,134 against 2,880: a third FMN restart (800 more) would break it; on this model,
     * whose minimal epsilons are all small, the sweep's start estimate saves little (2,446 without).
     */
    @ParameterizedTest
    @EnumSource(Norm.class)
    void theDefaultSearchSpendsNoMoreGradientsThanTheBisection(Norm norm, @TempDir Path out) {
        int n = CASE.images.count();
        ProtocolSettings defaults = ProtocolSettings.defaults(norm, n);
        MinimalEpsilonProtocol.Outcome sweep = new MinimalEpsilonProtocol(defaults)
                .run(CASE.model, CASE.images, out.resolve("sweep"), ProgressListener.NONE);
        MinimalEpsilonProtocol.Outcome bisection = new MinimalEpsilonProtocol(defaults.withProtocol(SearchProtocol.BISECTION))
                .run(CASE.model, CASE.images, out.resolve("bisection"), ProgressListener.NONE);
        System.out.printf("%s gradient images: sweep + FMN %d, bisection %d%n", norm, sweep.gradientImages(),
                bisection.gradientImages());
        assertThat(sweep.gradientImages()).isLessThanOrEqualTo(bisection.gradientImages());
        for (int i = 0; i < n; i++) {
            double exact = CASE.minimal(norm, i);
            assertThat(sweep.minimalEpsilon()[i]).as("%s image %d", norm, i).isBetween(exact * (1 - 1e-4), exact * 1.01);
        }
    }
}
