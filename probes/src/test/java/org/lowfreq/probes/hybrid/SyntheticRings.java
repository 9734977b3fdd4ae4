package org.lowfreq.probes.hybrid;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.lowfreq.analysis.fourier.Fft2;
import org.lowfreq.analysis.fourier.FrequencyGrid;
import org.lowfreq.reference.DenseClassifier;
import org.lowfreq.spi.Capability;
import org.lowfreq.spi.Classifier;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.InMemoryDataset;
import org.lowfreq.spi.Logits;
import org.lowfreq.spi.Loss;
import org.lowfreq.spi.LossGradient;
import org.lowfreq.spi.ModelCard;

/**
 * Synthetic 32 x 32 x 3 images whose class is written, independently, into three rings of
 * frequencies: ring A at radius 5/32 cycles/pixel (f_mix 0.3125), ring B at 10/32 (f_mix 0.625)
 * and a corner ring at sqrt(338)/32 ~ 0.575 cycles/pixel, beyond the largest mask radius 0.5.
 * Each class has its own random phases per ring, bin and channel, so a nearest-class-mean model
 * restricted to any one ring classifies clean images perfectly; a classifier that sees only some
 * band then follows whichever source image supplies that band.
 */
public final class SyntheticRings {
    public static final ImageShape SHAPE = new ImageShape(32, 32, 3);
    public static final int CLASSES = 10;
    public static final double RING_A_CPP = 5 / 32.0;
    public static final double RING_B_CPP = 10 / 32.0;
    public static final double CORNER_CPP = Math.sqrt(338) / 32.0;
    private static final int[] RADII_SQ = {25, 100, 338};
    private static final double AMPLITUDE = 0.035;

    private final float[][] templates = new float[CLASSES][];

    public SyntheticRings(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        for (int k = 0; k < CLASSES; k++) {
            templates[k] = template(rng);
        }
    }

    private static float[] template(SplittableRandom rng) {
        int h = SHAPE.height();
        int w = SHAPE.width();
        float[] t = new float[SHAPE.size()];
        for (int r2 : RADII_SQ) {
            for (int[] f : halfPlaneBins(r2)) {
                for (int c = 0; c < 3; c++) {
                    double phase = rng.nextDouble() * 2 * Math.PI;
                    for (int y = 0; y < h; y++) {
                        for (int x = 0; x < w; x++) {
                            double v = AMPLITUDE * Math.cos(2 * Math.PI * (f[0] * y / (double) h + f[1] * x / (double) w) + phase);
                            t[(y * w + x) * 3 + c] += (float) v;
                        }
                    }
                }
            }
        }
        return t;
    }

    /** Integer frequencies (ky, kx) with ky^2 + kx^2 = r2, one of each +/- pair. */
    static List<int[]> halfPlaneBins(int r2) {
        List<int[]> out = new ArrayList<>();
        for (int ky = -16; ky <= 16; ky++) {
            for (int kx = -16; kx <= 16; kx++) {
                if (ky * ky + kx * kx == r2 && (ky > 0 || (ky == 0 && kx > 0))) {
                    out.add(new int[] {ky, kx});
                }
            }
        }
        return out;
    }

    /** n images (n / CLASSES per class, classes interleaved) plus a little white noise. */
    public Images images(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] px = new float[n * SHAPE.size()];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % CLASSES;
            for (int j = 0; j < SHAPE.size(); j++) {
                float v = 0.5f + templates[labels[i]][j] + (float) (0.01 * rng.nextGaussian());
                px[i * SHAPE.size() + j] = Math.max(0f, Math.min(1f, v));
            }
        }
        return new Images(n, SHAPE, px, labels);
    }

    public InMemoryDataset dataset(int n, long seed) {
        return new InMemoryDataset("rings", IntStream.range(0, CLASSES).mapToObj(k -> "c" + k).toList(), SHAPE,
                Map.of("test", images(n, seed)));
    }

    /**
     * A classifier that ideally band-passes its input to {@code lo < |f| <= hi} (cycles/pixel) and then
     * applies a nearest-class-mean linear model (reference backend) built from the band-passed templates.
     */
    public Classifier bandClassifier(double lo, double hi) {
        boolean[] band = new boolean[SHAPE.height() * SHAPE.width()];
        double[] radial = FrequencyGrid.radialGrid(SHAPE.height(), SHAPE.width());
        for (int b = 0; b < band.length; b++) {
            band[b] = radial[b] > lo && radial[b] <= hi;
        }
        int d = SHAPE.size();
        float[] w = new float[CLASSES * d];
        float[] bias = new float[CLASSES];
        for (int k = 0; k < CLASSES; k++) {
            float[] t = filter(templates[k], band);
            double sq = 0;
            for (int j = 0; j < d; j++) {
                w[k * d + j] = t[j];
                sq += t[j] * (double) t[j];
            }
            bias[k] = (float) (-0.5 * sq);
        }
        DenseClassifier linear = DenseClassifier.linear("band-" + lo + "-" + hi, SHAPE, CLASSES, w, bias);
        return new BandPassClassifier(linear, band);
    }

    /**
     * The same function as {@link #bandClassifier} without filtering each input: band-passing is an
     * orthogonal projection P, so {@code <P t, P x> = <P t, x>} and the linear model on band-passed
     * weights alone already sees only the band. Much faster; for tests with many evaluations.
     */
    public Classifier bandClassifierLinear(double lo, double hi) {
        return ((BandPassClassifier) bandClassifier(lo, hi)).inner;
    }

    /** Keeps only the DFT bins in {@code band}, per channel. */
    static float[] filter(float[] image, boolean[] band) {
        Fft2 fft = new Fft2(SHAPE.height(), SHAPE.width());
        float[] out = new float[image.length];
        for (int c = 0; c < 3; c++) {
            float[] s = fft.forward(Fft2.plane(image, 0, SHAPE.height(), SHAPE.width(), 3, c));
            for (int b = 0; b < band.length; b++) {
                if (!band[b]) {
                    s[2 * b] = 0;
                    s[2 * b + 1] = 0;
                }
            }
            Fft2.putPlane(fft.inverseReal(s), out, 0, 3, c);
        }
        return out;
    }

    /** Filters its input, then delegates. Thread-safe (builds its FFT per call). */
    static final class BandPassClassifier implements Classifier {
        private final DenseClassifier inner;
        private final boolean[] band;

        BandPassClassifier(DenseClassifier inner, boolean[] band) {
            this.inner = inner;
            this.band = band;
        }

        @Override
        public ModelCard card() {
            return inner.card();
        }

        @Override
        public java.util.Set<Capability> capabilities() {
            return java.util.EnumSet.noneOf(Capability.class);
        }

        @Override
        public Logits logits(Images images) {
            checkInput(images);
            float[] filtered = new float[images.pixels().length];
            int size = SHAPE.size();
            for (int i = 0; i < images.count(); i++) {
                float[] f = filter(images.image(i), band);
                System.arraycopy(f, 0, filtered, i * size, size);
            }
            return inner.logits(new Images(images.count(), SHAPE, filtered));
        }

        @Override
        public LossGradient lossGradient(Images images, int[] classes, Loss loss) {
            throw new UnsupportedOperationException("not needed");
        }

        @Override
        public void close() {
        }
    }
}
