package org.lowfreq.tensorflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The default training augmentation must keep the image spectrum: the quantity lowfreq measures
 * is a model's preference for low or high frequencies, and an augmentation that averages pixels
 * (a bilinear rotation) low-passes the training set and biases f_rev and f_0.5 downward.
 *
 * <p>Random-phase noise images (flat amplitude, random phases) pass through the
 * augmentation; the mean power in each of five radial bands up to Nyquist must stay within 1%.
 * The same check applied to a bilinear rotation of up to 10 degrees (the augmentation lowfreq
 * used before) must fail, which shows the check can see the defect.
 */
class AugmentationSpectrumTest {
    private static final int SIZE = 32;
    private static final int CHANNELS = 3;
    private static final int IMAGES = 400;
    private static final int BANDS = 5;
    private static final double[] HANN = hann(SIZE);

    private static double[] hann(int n) {
        double[] w = new double[n];
        for (int k = 0; k < n; k++) {
            w[k] = 0.5 - 0.5 * Math.cos(2 * Math.PI * (k + 0.5) / n);
        }
        return w;
    }

    /** A per-image transform from src at offset to dst at offset. */
    private interface Transform {
        void apply(float[] src, float[] dst, int offset, SplittableRandom rng);
    }

    @Test
    void defaultAugmentationKeepsThePowerInEveryBand() {
        double[] ratio = bandPowerRatio((src, dst, off, rng) ->
                Augmenter.CIFAR.apply(src, dst, SIZE, SIZE, CHANNELS, rng, off, off));
        System.out.println("default augmentation, power ratio per band: " + java.util.Arrays.toString(ratio));
        for (int b = 0; b < BANDS; b++) {
            assertThat(ratio[b]).as("power ratio in band %d of 5", b + 1).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.01));
        }
    }

    @Test
    void aBilinearRotationFailsTheSameCheck() {
        double[] ratio = bandPowerRatio((src, dst, off, rng) -> bilinearRotation(src, dst, off,
                Math.toRadians((rng.nextDouble() * 2 - 1) * 10)));
        System.out.println("bilinear rotation +-10 deg, power ratio per band: " + java.util.Arrays.toString(ratio));
        // the top band loses a large part of its power: the check above would catch it
        assertThat(ratio[BANDS - 1]).isLessThan(0.9);
        assertThat(ratio[0]).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.05));
    }

    @Test
    void theOptInRotationCopiesPixelsAndNeverAverages() {
        float[] src = randomPhaseImages(1, new SplittableRandom(3));
        float[] dst = new float[src.length];
        Augmenter rotating = Augmenter.cifar(2, 0);
        java.util.Set<Float> values = new java.util.HashSet<>();
        for (float v : src) {
            values.add(v);
        }
        for (int k = 0; k < 20; k++) {
            rotating.apply(src, dst, SIZE, SIZE, CHANNELS, new SplittableRandom(k), 0, 0);
            for (float v : dst) {
                assertThat(values).contains(v);
            }
        }
    }

    /** Mean band power after the transform divided by mean band power before, per band. */
    private static double[] bandPowerRatio(Transform t) {
        SplittableRandom rng = new SplittableRandom(11);
        float[] images = randomPhaseImages(IMAGES, rng);
        float[] out = new float[images.length];
        int size = SIZE * SIZE * CHANNELS;
        for (int i = 0; i < IMAGES; i++) {
            t.apply(images, out, i * size, new SplittableRandom(1000 + i));
        }
        double[] before = bandPower(images);
        double[] after = bandPower(out);
        double[] ratio = new double[BANDS];
        for (int b = 0; b < BANDS; b++) {
            ratio[b] = after[b] / before[b];
        }
        return ratio;
    }

    /** Summed |DFT|^2 per radial band of width 0.1 cycles/pixel, DC excluded, over images and channels. */
    private static double[] bandPower(float[] images) {
        double[] power = new double[BANDS];
        int n = images.length / (SIZE * SIZE * CHANNELS);
        double[] re = new double[SIZE * SIZE];
        double[] im = new double[SIZE * SIZE];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < CHANNELS; c++) {
                double mean = 0;
                for (int p = 0; p < SIZE * SIZE; p++) {
                    mean += images[(i * SIZE * SIZE + p) * CHANNELS + c];
                }
                mean /= SIZE * SIZE;
                for (int p = 0; p < SIZE * SIZE; p++) {
                    // a Hann window: the images are not periodic, and without it the jump between
                    // opposite edges puts spurious power along the axes that any crop changes
                    re[p] = (images[(i * SIZE * SIZE + p) * CHANNELS + c] - mean) * HANN[p / SIZE] * HANN[p % SIZE];
                    im[p] = 0;
                }
                Dft.forward2d(re, im, SIZE);
                for (int k = 0; k < SIZE; k++) {
                    for (int l = 0; l < SIZE; l++) {
                        double f = Math.hypot(wrap(k / (double) SIZE), wrap(l / (double) SIZE));
                        if (f == 0 || f > 0.5) {
                            continue;
                        }
                        int band = Math.min(BANDS - 1, (int) (f / 0.1));
                        int p = k * SIZE + l;
                        power[band] += re[p] * re[p] + im[p] * im[p];
                    }
                }
            }
        }
        return power;
    }

    private static double wrap(double u) {
        return ((u + 0.5) % 1 + 1) % 1 - 0.5;
    }

    /**
     * Random-phase noise: a flat amplitude spectrum (where averaging pixels shows most) with
     * uniformly random phases, synthesised
     * on a 64 px torus and cut to their central 32 px, so that, like photographs, they are not
     * periodic; scaled to mean 0.5 and sd 0.12 per channel and clipped to [0, 1].
     */
    static float[] randomPhaseImages(int count, SplittableRandom rng) {
        int canvas = 2 * SIZE;
        int from = (canvas - SIZE) / 2;
        float[] out = new float[count * SIZE * SIZE * CHANNELS];
        double[] re = new double[canvas * canvas];
        double[] im = new double[canvas * canvas];
        for (int i = 0; i < count; i++) {
            for (int c = 0; c < CHANNELS; c++) {
                // white noise has uniformly random phases; impose the amplitude, keep the phases
                for (int p = 0; p < canvas * canvas; p++) {
                    re[p] = rng.nextDouble() - 0.5;
                    im[p] = 0;
                }
                Dft.forward2d(re, im, canvas);
                for (int k = 0; k < canvas; k++) {
                    for (int l = 0; l < canvas; l++) {
                        int p = k * canvas + l;
                        double f = Math.hypot(wrap(k / (double) canvas), wrap(l / (double) canvas));
                        double mag = Math.hypot(re[p], im[p]);
                        double amp = f == 0 || mag == 0 ? 0 : 1;
                        re[p] = amp == 0 ? 0 : re[p] / mag * amp;
                        im[p] = amp == 0 ? 0 : im[p] / mag * amp;
                    }
                }
                Dft.inverse2dReal(re, im, canvas);
                double mean = 0;
                double sq = 0;
                for (int y = 0; y < SIZE; y++) {
                    for (int x = 0; x < SIZE; x++) {
                        double v = re[(y + from) * canvas + x + from];
                        mean += v;
                        sq += v * v;
                    }
                }
                mean /= SIZE * SIZE;
                double sd = Math.sqrt(sq / (SIZE * SIZE) - mean * mean);
                for (int y = 0; y < SIZE; y++) {
                    for (int x = 0; x < SIZE; x++) {
                        double v = 0.5 + 0.12 * (re[(y + from) * canvas + x + from] - mean) / sd;
                        out[(i * SIZE * SIZE + y * SIZE + x) * CHANNELS + c] = (float) Math.min(1, Math.max(0, v));
                    }
                }
            }
        }
        return out;
    }

    /** The rotation lowfreq's augmentation used to apply: bilinear, reflected at the borders. */
    private static void bilinearRotation(float[] src, float[] dst, int off, double angle) {
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double centre = (SIZE - 1) / 2.0;
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                double sy = cos * (y - centre) - sin * (x - centre) + centre;
                double sx = sin * (y - centre) + cos * (x - centre) + centre;
                int y0 = (int) Math.floor(sy);
                int x0 = (int) Math.floor(sx);
                double fy = sy - y0;
                double fx = sx - x0;
                int ya = Augmenter.reflect(y0, SIZE);
                int yb = Augmenter.reflect(y0 + 1, SIZE);
                int xa = Augmenter.reflect(x0, SIZE);
                int xb = Augmenter.reflect(x0 + 1, SIZE);
                for (int c = 0; c < CHANNELS; c++) {
                    double v = (1 - fy) * ((1 - fx) * src[off + (ya * SIZE + xa) * CHANNELS + c]
                            + fx * src[off + (ya * SIZE + xb) * CHANNELS + c])
                            + fy * ((1 - fx) * src[off + (yb * SIZE + xa) * CHANNELS + c]
                            + fx * src[off + (yb * SIZE + xb) * CHANNELS + c]);
                    dst[off + (y * SIZE + x) * CHANNELS + c] = (float) v;
                }
            }
        }
    }

    /** A plain separable DFT for n x n images (n = 32 here, so O(n^3) is instant). */
    private static final class Dft {
        static void forward2d(double[] re, double[] im, int n) {
            transform(re, im, n, -1);
        }

        /** Inverse transform; keeps the real part in re (the input is Hermitian, so im ends near 0). */
        static void inverse2dReal(double[] re, double[] im, int n) {
            transform(re, im, n, 1);
            for (int p = 0; p < re.length; p++) {
                re[p] /= n * n;
                im[p] = 0;
            }
        }

        private static void transform(double[] re, double[] im, int n, int sign) {
            double[] r = new double[n];
            double[] i = new double[n];
            for (int row = 0; row < n; row++) {
                line(re, im, row * n, 1, n, sign, r, i);
            }
            for (int col = 0; col < n; col++) {
                line(re, im, col, n, n, sign, r, i);
            }
        }

        private static void line(double[] re, double[] im, int start, int step, int n, int sign, double[] r, double[] i) {
            double[] cos = new double[n];
            double[] sin = new double[n];
            for (int t = 0; t < n; t++) {
                cos[t] = Math.cos(2 * Math.PI * t / n);
                sin[t] = sign * Math.sin(2 * Math.PI * t / n);
            }
            for (int k = 0; k < n; k++) {
                double sr = 0;
                double si = 0;
                for (int t = 0; t < n; t++) {
                    int a = (k * t) % n;
                    double xr = re[start + t * step];
                    double xi = im[start + t * step];
                    sr += xr * cos[a] - xi * sin[a];
                    si += xr * sin[a] + xi * cos[a];
                }
                r[k] = sr;
                i[k] = si;
            }
            for (int k = 0; k < n; k++) {
                re[start + k * step] = r[k];
                im[start + k * step] = i[k];
            }
        }
    }
}
