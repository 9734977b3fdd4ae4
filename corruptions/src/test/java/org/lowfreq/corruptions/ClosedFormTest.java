package org.lowfreq.corruptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lowfreq.spi.Corruption;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Resolution;

/** Known answers that follow from the definitions. */
class ClosedFormTest {
    private static final Corruptions CORRUPTIONS = new Corruptions(TestData.frost());
    private static final ImageShape S = TestData.CIFAR;

    private static float[] apply(String name, float[] x, ImageShape shape, int severity, Resolution table) {
        return CORRUPTIONS.byName(name).apply(x, shape, severity, table, new SplittableRandom(3));
    }

    private static double max3(float[] a, int p) {
        return Math.max(a[p], Math.max(a[p + 1], a[p + 2]));
    }

    private static double min3(float[] a, int p) {
        return Math.min(a[p], Math.min(a[p + 1], a[p + 2]));
    }

    @Test
    void brightnessRaisesValueKeepingSaturation() {
        float[] x = TestData.synthetic(S, 11);
        float[] y = apply("brightness", x, S, 5, Resolution.CIFAR_32); // V + 0.3
        for (int p = 0; p < x.length; p += 3) {
            double v = max3(x, p);
            // the reference truncates to uint8: one level below the exact value at most
            assertBelowByUnderOneLevel(max3(y, p), Math.min(1, v + 0.3));
            if (v > 0 && v + 0.3 <= 1) {
                double s0 = (v - min3(x, p)) / v;
                double s1 = (max3(y, p) - min3(y, p)) / max3(y, p);
                assertThat(s1).isCloseTo(s0, within(1.0 / 255 / max3(y, p) + 1e-6));
            }
        }
    }

    @Test
    void saturateScalesSaturationKeepingValue() {
        float[] x = TestData.synthetic(S, 12);
        float[] y = apply("saturate", x, S, 4, Resolution.CIFAR_32); // S * 2 + 0.1
        for (int p = 0; p < x.length; p += 3) {
            double v = max3(x, p);
            if (v == 0) {
                continue;
            }
            double s0 = (v - min3(x, p)) / v;
            assertBelowByUnderOneLevel(max3(y, p), v);
            double s1 = (max3(y, p) - min3(y, p)) / max3(y, p);
            assertThat(s1).isCloseTo(Math.min(1, s0 * 2 + 0.1), within(1.0 / 255 / max3(y, p) + 1e-6));
        }
    }

    @Test
    void contrastScalesDeviationsFromTheChannelMean() {
        float[] x = new float[S.size()];
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextInt(64, 192) / 255f;
        }
        double[] mean = new double[3];
        for (int i = 0; i < x.length; i++) {
            mean[i % 3] += x[i] / 1024.0;
        }
        float[] y = apply("contrast", x, S, 3, Resolution.CIFAR_32); // c = 0.4
        for (int i = 0; i < x.length; i++) {
            assertBelowByUnderOneLevel(y[i], mean[i % 3] + 0.4 * (x[i] - mean[i % 3]));
        }
    }

    /** y is a uint8 step, at or below the exact value by less than one step (the reference truncates). */
    private static void assertBelowByUnderOneLevel(double y, double exact) {
        double k = y * 255;
        assertThat(k).isCloseTo(Math.rint(k), within(1e-4));
        assertThat(Math.rint(k)).isLessThanOrEqualTo(exact * 255 + 1e-6).isGreaterThan(exact * 255 - 1 - 1e-6);
    }

    @Test
    void pixelateByHalfIsTheRoundedBlockMeanRepeated() {
        ImageShape big = new ImageShape(224, 224, 3);
        float[] x = TestData.synthetic(big, 5);
        float[] y = apply("pixelate", x, big, 2, Resolution.IMAGENET_224); // 224 -> 112 -> 224
        for (int by = 0; by < 112; by++) {
            for (int bx = 0; bx < 112; bx++) {
                for (int c = 0; c < 3; c++) {
                    // Pillow averages each row pair first (rounded to uint8), then the two rows
                    long[] rows = new long[2];
                    for (int dy = 0; dy < 2; dy++) {
                        long a = Math.round(x[((2 * by + dy) * 224 + 2 * bx) * 3 + c] * 255);
                        long b = Math.round(x[((2 * by + dy) * 224 + 2 * bx + 1) * 3 + c] * 255);
                        rows[dy] = Math.floorDiv(a + b + 1, 2);
                    }
                    long expected = Math.floorDiv(rows[0] + rows[1] + 1, 2);
                    for (int dy = 0; dy < 2; dy++) {
                        for (int dx = 0; dx < 2; dx++) {
                            assertThat(Math.round(y[((2 * by + dy) * 224 + 2 * bx + dx) * 3 + c] * 255))
                                    .isEqualTo(expected);
                        }
                    }
                }
            }
        }
    }

    private static float[] constant(ImageShape s, float v) {
        float[] x = new float[s.size()];
        Arrays.fill(x, v);
        return x;
    }

    @Test
    void noiseStatisticsOverManyPixels() {
        ImageShape s = new ImageShape(128, 128, 3); // 49152 values
        float[] x = constant(s, 0.5f);
        // gaussian: N(0, 0.1^2) (CIFAR severity 5)
        double[] m = moments(x, apply("gaussian_noise", x, s, 5, Resolution.CIFAR_32));
        assertThat(m[0]).isCloseTo(0, within(0.002));
        assertThat(Math.sqrt(m[1])).isCloseTo(0.10, within(0.002));
        // shot: Poisson(25) / 50 has mean 0.5 and std 0.1 (CIFAR severity 5, c = 50)
        m = moments(x, apply("shot_noise", x, s, 5, Resolution.CIFAR_32));
        assertThat(m[0]).isCloseTo(0, within(0.002));
        assertThat(Math.sqrt(m[1])).isCloseTo(0.10, within(0.002));
        // shot at a small mean (Tiny-ImageNet severity 5, c = 15): Poisson(7.5) / 15, std sqrt(7.5) / 15
        m = moments(x, apply("shot_noise", x, s, 5, Resolution.TINY_IMAGENET_64));
        assertThat(m[0]).isCloseTo(0, within(0.004));
        assertThat(Math.sqrt(m[1])).isCloseTo(Math.sqrt(7.5) / 15, within(0.004));
        // impulse: 7 % of the values become 0 or 1, half each
        float[] y = apply("impulse_noise", x, s, 5, Resolution.CIFAR_32);
        long salt = 0;
        long pepper = 0;
        for (float v : y) {
            salt += v == 1f ? 1 : 0;
            pepper += v == 0f ? 1 : 0;
        }
        assertThat((double) (salt + pepper) / y.length).isCloseTo(0.07, within(0.004));
        assertThat((double) salt / (salt + pepper)).isCloseTo(0.5, within(0.04));
    }

    /** Mean and variance of y - x. */
    private static double[] moments(float[] x, float[] y) {
        double s = 0;
        double s2 = 0;
        for (int i = 0; i < x.length; i++) {
            double d = y[i] - x[i];
            s += d;
            s2 += d * d;
        }
        double mean = s / x.length;
        return new double[] {mean, s2 / x.length - mean * mean};
    }

    @Test
    void poissonSamplerMatchesMeanAndVarianceOnBothBranches() {
        SplittableRandom r = new SplittableRandom(9);
        for (double lam : new double[] {0.7, 4, 12, 300}) {
            int n = 40000;
            double s = 0;
            double s2 = 0;
            for (int i = 0; i < n; i++) {
                long k = Sampling.poisson(r, lam);
                s += k;
                s2 += (double) k * k;
            }
            double mean = s / n;
            assertThat(mean).as("mean at " + lam).isCloseTo(lam, within(4 * Math.sqrt(lam / n)));
            assertThat(s2 / n - mean * mean).as("variance at " + lam).isCloseTo(lam, within(0.05 * lam));
        }
        assertThat(Sampling.logGamma(10)).isCloseTo(Math.log(362880), within(1e-10));
    }

    @Test
    void arangeCountsLikeNumpy() {
        // numpy.arange(1, 1.06, 0.01) has 7 values because 1.06 - 1 rounds above 0.06
        assertThat(ClippedZoom.arange(1, 1.06, 0.01)).hasSize(7);
        assertThat(ClippedZoom.arange(1, 1.21, 0.02)).hasSize(11);
        assertThat(ClippedZoom.arange(1, 1.31, 0.03)).hasSize(11);
    }

    @Test
    void motionKernelSumsToOneAndZoomByOneIsIdentity() {
        int[] flat = new int[32 * 32];
        Arrays.fill(flat, 100);
        int[] blurred = MagickMotionBlur.apply(flat, 32, 32, 1, 6, 2, 30);
        assertThat(blurred).containsOnly(100);
        double[] img = new double[32 * 32];
        for (int i = 0; i < img.length; i++) {
            img[i] = i;
        }
        assertThat(new ClippedZoom(32, 32, 1.0).apply(img, 1)).containsExactly(img);
    }

    @Test
    void defocusDiskIsNormalised() {
        int[] size = new int[1];
        double[] k = DefocusBlur.disk(1.5, 0.1, size);
        assertThat(size[0]).isEqualTo(17);
        assertThat(Arrays.stream(k).sum()).isCloseTo(1.0, within(1e-7));
        Corruption c = CORRUPTIONS.byName("defocus_blur");
        float[] y = c.apply(constant(S, 0.4f), S, 5, Resolution.CIFAR_32, new SplittableRandom(1));
        for (float v : y) {
            assertThat(v).isCloseTo(0.4f, within(1e-6f));
        }
    }
}
