package org.lowfreq.analysis.manifold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ManifoldPartsTest {
    @Test
    void pcaOfTwoPerfectlyCorrelatedNeuronsHasOneDimension() {
        // neuron 2 = 2 x neuron 1; centred column 1 = (-1, 0, 1) -> variance of the component = (1+0+1)*(1+4)/2 = 5
        float[] r = {0, 0, 1, 2, 2, 4};
        Pca pca = Pca.of(r, 3, 2);
        assertThat(pca.variances()[0]).isCloseTo(5, within(1e-9));
        assertThat(pca.variances()[1]).isCloseTo(0, within(1e-9));
        assertThat(pca.explained()[0]).isCloseTo(1, within(1e-12));
        assertThat(pca.participationRatio()).isCloseTo(1, within(1e-9));
        assertThat(pca.loadings()[0]).isCloseTo(1 / Math.sqrt(5), within(1e-9)); // sign fixed: loadings sum >= 0
        assertThat(pca.score(0)).containsExactly(new double[] {-Math.sqrt(5), 0, Math.sqrt(5)}, within(1e-9));
    }

    @Test
    void participationRatioOfEqualVariancesIsTheirCount() {
        float[] r = {1, 0, 0, -1, 0, 0, 0, 1, 0, 0, -1, 0, 0, 0, 1, 0, 0, -1}; // 6 stimuli x 3 neurons, isotropic
        assertThat(Pca.of(r, 6, 3).participationRatio()).isCloseTo(3, within(1e-9));
    }

    @Test
    void ridgeRecoversKnownWeightsAndPicksALargerPenaltyForNoise() {
        int n = 300;
        int p = 10;
        SplittableRandom rng = new SplittableRandom(3);
        double[] x = new double[n * p];
        double[] truth = {1, -2, 0.5, 0, 0, 3, 0, 0, -1, 0};
        double[] y = new double[n * 2];
        for (int i = 0; i < n; i++) {
            double dot = 0;
            for (int j = 0; j < p; j++) {
                x[i * p + j] = rng.nextGaussian();
                dot += truth[j] * x[i * p + j];
            }
            y[i * 2] = dot + 0.01 * rng.nextGaussian() + 7; // intercept is not penalised
            y[i * 2 + 1] = 5 * rng.nextGaussian(); // pure noise
        }
        RidgeRegression.Fit[] fits = RidgeRegression.fit(x, n, p, y, 2, 5, 0);
        assertThat(fits[0].weights()).containsExactly(truth, within(0.01));
        assertThat(fits[0].cvR2()).isGreaterThan(0.999);
        assertThat(fits[1].cvR2()).isLessThan(0.05);
        assertThat(fits[1].lambda()).isGreaterThan(fits[0].lambda());
    }

    @Test
    void foldsAreBalancedAndSeeded() {
        int[] a = RidgeRegression.foldAssignment(103, 5, 1);
        int[] counts = new int[5];
        for (int f : a) {
            counts[f]++;
        }
        assertThat(counts).containsOnly(20, 21);
        assertThat(RidgeRegression.foldAssignment(103, 5, 1)).isEqualTo(a);
        assertThat(RidgeRegression.foldAssignment(103, 5, 2)).isNotEqualTo(a);
    }

    @Test
    void radialSpectrumFindsAGratingsFrequencyBetweenBins() {
        int h = 32;
        int w = 32;
        double cpi = 5.5; // between the integer DFT bins; the zero padding resolves it
        double[] field = new double[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double env = Math.exp(-((x - 15.5) * (x - 15.5) + (y - 15.5) * (y - 15.5)) / (2 * 6.0 * 6.0));
                double along = (x * Math.cos(0.5) + y * Math.sin(0.5)) / w;
                field[y * w + x] = env * Math.cos(2 * Math.PI * cpi * along);
            }
        }
        RadialSpectrum s = RadialSpectrum.of(field, h, w);
        assertThat(s.preferredCpi()).isCloseTo(5.5, within(0.3));
        assertThat(s.preferredCpp()).isCloseTo(5.5 / 32, within(0.01));
        assertThat(s.radiusCpi()[1]).isEqualTo(RadialSpectrum.BIN_CPI);
    }

    @Test
    void noiseStimuliAreSeededInRangeAndPinkNoiseIsSmoother() {
        float[] a = NoiseStimuli.generate(NoiseStimuli.Kind.WHITE, 3, 16, 16, 5);
        assertThat(NoiseStimuli.generate(NoiseStimuli.Kind.WHITE, 3, 16, 16, 5)).isEqualTo(a);
        float[] pink = NoiseStimuli.generate(NoiseStimuli.Kind.PINK, 3, 16, 16, 5);
        for (float v : pink) {
            assertThat(v).isBetween(0f, 1f);
        }
        assertThat(neighbourCorrelation(pink, 16)).isGreaterThan(0.35);
        assertThat(Math.abs(neighbourCorrelation(a, 16))).isLessThan(0.2);
    }

    private static double neighbourCorrelation(float[] img, int w) {
        double sxy = 0;
        double sxx = 0;
        double mean = 0;
        for (float v : img) {
            mean += v;
        }
        mean /= img.length;
        for (int i = 0; i + 1 < img.length; i++) {
            if ((i + 1) % w != 0) {
                sxy += (img[i] - mean) * (img[i + 1] - mean);
            }
            sxx += (img[i] - mean) * (img[i] - mean);
        }
        return sxy / sxx;
    }
}
