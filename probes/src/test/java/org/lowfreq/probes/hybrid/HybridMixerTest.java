package org.lowfreq.probes.hybrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lowfreq.analysis.fourier.Fft2;
import org.lowfreq.analysis.fourier.FrequencyGrid;
import org.lowfreq.spi.ImageShape;

class HybridMixerTest {
    private static final ImageShape SHAPE = new ImageShape(16, 16, 3);

    /** Two noise images in [0.3, 0.7] so that mixing never needs clipping. */
    private static float[] twoImages(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] px = new float[2 * SHAPE.size()];
        for (int i = 0; i < px.length; i++) {
            px[i] = (float) (0.3 + 0.4 * r.nextDouble()) * (i < SHAPE.size() ? 1f : 0.9f);
        }
        return px;
    }

    private static List<boolean[]> masks(double... fMix) {
        MixGrid g = new MixGrid(fMix, 16, 16);
        return java.util.stream.IntStream.range(0, fMix.length).mapToObj(k -> g.mask(g.maskOf(k))).toList();
    }

    @Test
    void fMixZeroGivesTheHighImageWithTheLowImagesMean() {
        float[] px = twoImages(1);
        float[] hybrid = new HybridMixer(SHAPE).mix(px, new int[] {0}, new int[] {1}, masks(0, 1))[0];
        int size = SHAPE.size();
        for (int c = 0; c < 3; c++) {
            double meanLow = 0;
            double meanHigh = 0;
            for (int p = 0; p < 256; p++) {
                meanLow += px[p * 3 + c] / 256.0;
                meanHigh += px[size + p * 3 + c] / 256.0;
            }
            for (int p = 0; p < 256; p++) {
                double expected = px[size + p * 3 + c] - meanHigh + meanLow;
                assertThat((double) hybrid[p * 3 + c]).isCloseTo(expected, within(1e-5));
            }
        }
    }

    @Test
    void fMixZeroOnImagesOfEqualMeanIsExactlyTheHighImage() {
        float[] px = twoImages(2);
        int size = SHAPE.size();
        // give the low image the high image's channel means
        for (int c = 0; c < 3; c++) {
            double shift = 0;
            for (int p = 0; p < 256; p++) {
                shift += (px[size + p * 3 + c] - px[p * 3 + c]) / 256.0;
            }
            for (int p = 0; p < 256; p++) {
                px[p * 3 + c] += (float) shift;
            }
        }
        float[] hybrid = new HybridMixer(SHAPE).mix(px, new int[] {0}, new int[] {1}, masks(0, 1))[0];
        for (int j = 0; j < size; j++) {
            assertThat(hybrid[j]).isCloseTo(px[size + j], within(1e-5f));
        }
    }

    @Test
    void fMixOneDiffersFromTheLowImageOnlyBeyondTheInscribedCircle() {
        float[] px = twoImages(3);
        float[] hybrid = new HybridMixer(SHAPE).mix(px, new int[] {0}, new int[] {1}, masks(0, 1))[1];
        Fft2 fft = new Fft2(16, 16);
        double[] radial = FrequencyGrid.radialGrid(16, 16);
        double inside = 0;
        double outside = 0;
        double lowPower = 0;
        for (int c = 0; c < 3; c++) {
            float[] d = new float[256];
            for (int p = 0; p < 256; p++) {
                d[p] = hybrid[p * 3 + c] - px[p * 3 + c];
            }
            double[] pw = fft.power(d);
            double[] lp = fft.power(Fft2.plane(px, 0, 16, 16, 3, c));
            for (int b = 0; b < 256; b++) {
                if (radial[b] <= 0.5) {
                    inside += pw[b];
                } else {
                    outside += pw[b];
                }
                lowPower += b == 0 ? 0 : lp[b];
            }
        }
        assertThat(inside).isLessThan(1e-8 * lowPower);
        assertThat(outside).as("the corners come from the high image").isGreaterThan(0);
        double diff = 0;
        for (int j = 0; j < SHAPE.size(); j++) {
            diff += Math.abs(hybrid[j] - px[j]) / SHAPE.size();
        }
        assertThat(diff).as("nearly the low image").isLessThan(0.1);
    }

    @Test
    void matchesTheDefinitionWithTwoSpectraAndClipping() {
        // wide-range images, so clipping happens
        SplittableRandom r = new SplittableRandom(4);
        float[] px = new float[2 * SHAPE.size()];
        for (int i = 0; i < px.length; i++) {
            px[i] = (float) r.nextDouble();
        }
        double fMix = 0.4;
        float[] hybrid = new HybridMixer(SHAPE).mix(px, new int[] {1}, new int[] {0}, masks(fMix, 1))[0];
        Fft2 fft = new Fft2(16, 16);
        double[] radial = FrequencyGrid.radialGrid(16, 16);
        boolean clipped = false;
        for (int c = 0; c < 3; c++) {
            float[] sl = fft.forward(Fft2.plane(px, SHAPE.size(), 16, 16, 3, c));
            float[] sh = fft.forward(Fft2.plane(px, 0, 16, 16, 3, c));
            float[] mixed = new float[sl.length];
            for (int b = 0; b < 256; b++) {
                float[] src = radial[b] <= 0.5 * fMix ? sl : sh;
                mixed[2 * b] = src[2 * b];
                mixed[2 * b + 1] = src[2 * b + 1];
            }
            float[] x = fft.inverseReal(mixed);
            for (int p = 0; p < 256; p++) {
                double expected = Math.max(0, Math.min(1, x[p]));
                clipped |= x[p] < 0 || x[p] > 1;
                assertThat((double) hybrid[p * 3 + c]).isCloseTo(expected, within(1e-5));
            }
        }
        assertThat(clipped).as("the case exercises clipping").isTrue();
    }
}
