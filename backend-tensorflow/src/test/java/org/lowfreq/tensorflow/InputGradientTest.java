package org.lowfreq.tensorflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.SplittableRandom;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lowfreq.spi.Classifier;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.Logits;
import org.lowfreq.spi.Loss;
import org.lowfreq.spi.LossGradient;

class InputGradientTest {

    @ParameterizedTest
    @EnumSource(Loss.class)
    void gradientMatchesFiniteDifferences(Loss loss, @TempDir Path dir) {
        ModelSpec spec = TinyModels.spec(0.8, null);
        Images images = TinyModels.randomImages(3, spec.input(), 5);
        TinyModels.exportUntrained(dir, spec, 21, images);
        int[] targets = {0, 1, 2};
        try (Classifier c = new TensorFlowModelProvider(SessionOptions.DEFAULT).load(dir)) {
            LossGradient lg = c.lossGradient(images, targets, loss);
            float[] expectedLoss = lossOf(c.logits(images), targets, loss);
            assertThat(lg.loss()).containsExactly(expectedLoss, within(1e-5f));
            int size = spec.input().size();
            SplittableRandom rng = new SplittableRandom(9);
            // small: an untrained ReLU net has kinks everywhere; large enough for float32 rounding (loss ~1)
            double eps = 2e-4;
            for (int i = 0; i < images.count(); i++) {
                // directional derivative along a random direction, image by image
                float[] d = new float[images.pixels().length];
                double predicted = 0;
                for (int k = 0; k < size; k++) {
                    d[i * size + k] = (float) (rng.nextDouble() * 2 - 1);
                    predicted += d[i * size + k] * lg.gradient()[i * size + k];
                }
                double numeric = (lossAt(c, images, d, eps, targets, loss)[i] - lossAt(c, images, d, -eps, targets, loss)[i])
                        / (2 * eps);
                assertThat(predicted).as("image %d", i).isCloseTo(numeric, within(0.02 * Math.abs(numeric) + 5e-4));
            }
            // gradients of the other images of the batch do not leak into image 0 (inference-mode batch norm)
            float[] g0 = c.lossGradient(images.slice(0, 1), new int[] {0}, loss).gradient();
            for (int k = 0; k < size; k++) {
                assertThat(g0[k]).isCloseTo(lg.gradient()[k], within(1e-5f + 1e-4f * Math.abs(g0[k])));
            }
        }
    }

    private static float[] lossAt(Classifier c, Images images, float[] d, double eps, int[] targets, Loss loss) {
        float[] px = images.pixels().clone();
        for (int k = 0; k < px.length; k++) {
            px[k] += (float) (eps * d[k]);
        }
        return lossOf(c.logits(images.withPixels(px)), targets, loss);
    }

    private static float[] lossOf(Logits z, int[] targets, Loss loss) {
        float[] out = new float[z.count()];
        float[] p = z.probabilities();
        for (int i = 0; i < z.count(); i++) {
            if (loss == Loss.CROSS_ENTROPY) {
                out[i] = (float) -Math.log(p[i * z.classes() + targets[i]]);
            } else {
                float best = Float.NEGATIVE_INFINITY;
                for (int k = 0; k < z.classes(); k++) {
                    if (k != targets[i]) {
                        best = Math.max(best, z.get(i, k));
                    }
                }
                out[i] = best - z.get(i, targets[i]);
            }
        }
        return out;
    }
}
