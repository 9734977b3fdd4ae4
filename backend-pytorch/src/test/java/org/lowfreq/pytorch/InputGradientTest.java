package org.lowfreq.pytorch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lowfreq.spi.Classifier;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.Loss;
import org.lowfreq.spi.LossGradient;

/**
 * Input gradients through libtorch's autograd (with the layout change and normalisation in front)
 * against central finite differences of the backend's own loss, and against the reference backend's
 * analytic gradient of the same weights.
 */
class InputGradientTest {
    private static final int[] TARGETS = {3, 0, 9, 5};

    @ParameterizedTest
    @EnumSource(Loss.class)
    void gradientMatchesCentralFiniteDifferencesAlongRandomDirections(Loss loss, @TempDir Path dir) throws IOException {
        Images x = Fixtures.randomImages(TARGETS.length, 11);
        try (Classifier c = new PyTorchModelProvider(TorchOptions.threads(1)).load(Fixtures.tinyMlp(dir))) {
            LossGradient g = c.lossGradient(x, TARGETS, loss);
            SplittableRandom r = new SplittableRandom(5);
            int size = x.shape().size();
            for (int trial = 0; trial < 3; trial++) {
                float[] d = new float[x.pixels().length];
                for (int k = 0; k < d.length; k++) {
                    d[k] = (float) r.nextGaussian();
                }
                double h = 1e-3;
                float[] plus = x.pixels().clone();
                float[] minus = x.pixels().clone();
                for (int k = 0; k < d.length; k++) {
                    plus[k] += (float) (h * d[k]);
                    minus[k] -= (float) (h * d[k]);
                }
                float[] lp = c.lossGradient(x.withPixels(plus), TARGETS, loss).loss();
                float[] lm = c.lossGradient(x.withPixels(minus), TARGETS, loss).loss();
                for (int i = 0; i < x.count(); i++) {
                    double analytic = 0;
                    for (int k = i * size; k < (i + 1) * size; k++) {
                        analytic += g.gradient()[k] * d[k];
                    }
                    double numeric = (lp[i] - lm[i]) / (2 * h);
                    assertThat(Math.abs(analytic)).as("directional derivative is not trivially zero").isGreaterThan(0.05);
                    assertThat(numeric).as("image %d, direction %d", i, trial)
                            .isCloseTo(analytic, within(0.01 * Math.abs(analytic) + 2e-3));
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Loss.class)
    void gradientAndLossEqualTheReferenceBackendsAnalyticOnes(Loss loss, @TempDir Path dir) throws IOException {
        Images x = Fixtures.randomImages(TARGETS.length, 12);
        try (Classifier torch = new PyTorchModelProvider(new TorchOptions(1, 3)).load(Fixtures.tinyMlp(dir));
             Classifier reference = Fixtures.reference()) {
            LossGradient a = torch.lossGradient(x, TARGETS, loss); // batches of 3: one full, one partial
            LossGradient b = reference.lossGradient(x, TARGETS, loss);
            for (int i = 0; i < TARGETS.length; i++) {
                assertThat(a.loss()[i]).as("loss of image %d", i).isCloseTo(b.loss()[i], within(1e-4f));
            }
            double maxAbs = 0;
            for (int k = 0; k < a.gradient().length; k++) {
                assertThat(a.gradient()[k]).as("gradient element %d", k).isCloseTo(b.gradient()[k], within(1e-5f));
                maxAbs = Math.max(maxAbs, Math.abs(b.gradient()[k]));
            }
            assertThat(maxAbs).isGreaterThan(1e-3);
        }
    }
}
