package org.lowfreq.analysis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PolynomialFitTest {
    @Test
    void quadraticMatchesTheHandSolvedNormalEquations() {
        // Normal equations by hand: c1 = 2/10, [5 10; 10 34][c0 c2] = [8 8] -> c0 = 192/70, c2 = -40/70.
        PolynomialFit fit = PolynomialFit.quadratic(new double[] {-2, -1, 0, 1, 2}, new double[] {0, 2, 3, 2, 1});
        assertThat(fit.coefficients()).containsExactly(new double[] {192.0 / 70, 0.2, -40.0 / 70}, within(1e-12));
        assertThat(fit.residuals()).containsExactly(
                new double[] {-4.0 / 70, 2.0 / 70, 18.0 / 70, -26.0 / 70, 10.0 / 70}, within(1e-12));
        assertThat(fit.rSquared()).isCloseTo(1 - (16.0 / 70 / 5.2), within(1e-12));
        assertThat(fit.peak().status()).isEqualTo(PolynomialFit.PeakStatus.MAXIMUM_IN_RANGE);
        assertThat(fit.peak().x()).isCloseTo(0.175, within(1e-12));
        assertThat(fit.peak().y()).isCloseTo(fit.at(0.175), within(1e-12));
    }

    @Test
    void exactParabolaInShiftedUnitsIsRecovered() {
        double[] x = {0.1, 0.15, 0.2, 0.3, 0.4};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = -50 * x[i] * x[i] + 20 * x[i] + 0.3; // vertex at 0.2
        }
        PolynomialFit fit = PolynomialFit.quadratic(x, y);
        assertThat(fit.coefficients()).containsExactly(new double[] {0.3, 20, -50}, within(1e-9));
        assertThat(fit.rSquared()).isCloseTo(1.0, within(1e-12));
        assertThat(fit.peak().x()).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void aMinimumOrAVertexOutsideTheDataIsNotCalledAPeak() {
        PolynomialFit upward = PolynomialFit.quadratic(new double[] {-1, 0, 1, 2}, new double[] {1, 0, 1, 4});
        assertThat(upward.peak().status()).isEqualTo(PolynomialFit.PeakStatus.NO_MAXIMUM);
        assertThat(upward.peak().explanation()).contains("minimum");
        // y = -x^2 + 10x peaks at 5, outside [0, 2]
        PolynomialFit outside = PolynomialFit.quadratic(new double[] {0, 1, 2}, new double[] {0, 9, 16});
        assertThat(outside.peak().status()).isEqualTo(PolynomialFit.PeakStatus.MAXIMUM_OUTSIDE_RANGE);
        assertThat(outside.peak().x()).isCloseTo(5, within(1e-9));
        assertThat(outside.peak().found()).isFalse();
    }

    @Test
    void linearFitAndDegenerateInput() {
        PolynomialFit line = PolynomialFit.fit(new double[] {1, 2, 3}, new double[] {3, 5, 7}, 1);
        assertThat(line.coefficients()).containsExactly(new double[] {1, 2}, within(1e-12));
        assertThat(line.peak().found()).isFalse();
        assertThatThrownBy(() -> PolynomialFit.quadratic(new double[] {1, 1, 2}, new double[] {1, 2, 3}))
                .hasMessageContaining("3 distinct x");
    }
}
