package org.lowfreq.analysis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CorrelationTest {
    private static final double[] X = {1, 2, 3, 4, 5};
    private static final double[] Y = {2, 4, 5, 4, 5};

    @Test
    void pearsonAndSpearmanMatchHandComputedValues() {
        assertThat(Correlation.pearson(X, Y)).isCloseTo(6 / Math.sqrt(60), within(1e-12));
        // ranks of Y with ties: 1, 2.5, 4.5, 2.5, 4.5
        assertThat(Correlation.ranks(Y)).containsExactly(1, 2.5, 4.5, 2.5, 4.5);
        assertThat(Correlation.spearman(X, Y)).isCloseTo(7 / Math.sqrt(90), within(1e-12));
        assertThat(Correlation.spearman(X, new double[] {1, 8, 27, 64, 125})).isEqualTo(1.0);
    }

    @Test
    void bootstrapIsSeededAndBracketsTheEstimate() {
        double[] x = new double[30];
        double[] y = new double[30];
        java.util.SplittableRandom rng = new java.util.SplittableRandom(7);
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
            y[i] = i + 8 * rng.nextGaussian();
        }
        Correlation.Estimate a = Correlation.bootstrap(Correlation.Kind.PEARSON, x, y, 500, 0.95, 1);
        Correlation.Estimate b = Correlation.bootstrap(Correlation.Kind.PEARSON, x, y, 500, 0.95, 1);
        Correlation.Estimate c = Correlation.bootstrap(Correlation.Kind.PEARSON, x, y, 500, 0.95, 2);
        assertThat(a).isEqualTo(b);
        assertThat(c.low()).isNotEqualTo(a.low());
        assertThat(a.low()).isLessThan(a.r());
        assertThat(a.high()).isGreaterThan(a.r()).isLessThanOrEqualTo(1.0);
        Correlation.Estimate s = Correlation.bootstrap(Correlation.Kind.SPEARMAN, x, x, 200, 0.9, 3);
        assertThat(s.low()).isEqualTo(1.0);
        assertThat(s.high()).isEqualTo(1.0);
    }

    @Test
    void quantileInterpolates() {
        assertThat(Correlation.quantile(new double[] {0, 10}, 0.25)).isEqualTo(2.5);
        assertThat(Correlation.quantile(new double[] {1, 2, 3}, 0.5)).isEqualTo(2);
    }

    @Test
    void noBootstrapIntervalBelowFiveModels() {
        double[] x = {1, 2, 3, 4};
        double[] y = {1, 3, 2, 4};
        Correlation.Estimate four = Correlation.bootstrap(Correlation.Kind.PEARSON, x, y, 500, 0.95, 1);
        assertThat(four.r()).isCloseTo(0.8, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(four.low()).isNaN();
        assertThat(four.high()).isNaN();
        Correlation.Estimate five = Correlation.bootstrap(Correlation.Kind.PEARSON, new double[] {1, 2, 3, 4, 5},
                new double[] {1, 3, 2, 4, 6}, 500, 0.95, 1);
        assertThat(five.low()).isFinite();
        assertThat(five.high()).isGreaterThanOrEqualTo(five.low());
    }
}
