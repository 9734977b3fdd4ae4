package org.lowfreq.analysis.spectrum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.lowfreq.analysis.fourier.FrequencyGrid;

/**
 * f_0.5 of an analytic spectrum against its closed form (issue 11, point 3).
 *
 * <p>For the isotropic Gaussian power {@code P(f) = exp(-|f|^2 / s^2)} the power inside radius a
 * is, in the continuum, {@code 2 pi int_0^a r exp(-r^2/s^2) dr = pi s^2 (1 - exp(-a^2/s^2))}, so
 * {@code ratio(a) = 1 - exp(-a^2 / s^2)} and the half-power radius is {@code s sqrt(ln 2)}. A
 * 512 x 512 grid samples it finely (bin spacing 1/512 cpp) and, for s <= 0.125, the square
 * [-0.5, 0.5)^2 cuts off less than exp(-16) of the power, so the discrete answer lies within about
 * 2e-4 cpp of the continuum one.
 */
class GaussianHalfPowerTest {
    private static final int N = 512;

    private static PowerSpectrum gaussian(double s) {
        double[] radius = FrequencyGrid.radialGrid(N, N);
        double[] p = new double[N * N];
        for (int k = 1; k < p.length; k++) { // DC excluded, as PowerSpectrum.of does
            p[k] = Math.exp(-radius[k] * radius[k] / (s * s));
        }
        return new PowerSpectrum(N, N, 1, 1, p);
    }

    private static double closedForm(double s) {
        return s * Math.sqrt(Math.log(2));
    }

    @Test
    void halfPowerFrequencyOfAGaussianSpectrumMatchesTheClosedFormWithinOneThousandth() {
        for (double s = 0.025; s <= 0.1251; s += 0.005) {
            PowerSpectrum spectrum = gaussian(s);
            assertThat(spectrum.halfPowerFrequency()).as("s = %.3f", s).isCloseTo(closedForm(s), within(0.001));
            assertThat(spectrum.cumulativeRadial().radiusCpp()).hasSize(200); // docs/METHODS.md 2.4
        }
    }

    @Test
    void aTwentyFivePointCurveIsNotPreciseEnough() {
        // why the default is 200: the linear interpolation of a coarse curve alone misses by > 0.001
        double worst = 0;
        for (double s = 0.025; s <= 0.1251; s += 0.005) {
            worst = Math.max(worst, Math.abs(gaussian(s).cumulativeRadial(25).halfPowerFrequencyCpp() - closedForm(s)));
        }
        assertThat(worst).isGreaterThan(0.001);
    }
}
