package org.lowfreq.analysis.manifold;

import java.util.SplittableRandom;
import org.lowfreq.analysis.fourier.Fft2;
import org.lowfreq.analysis.fourier.FrequencyGrid;
import org.lowfreq.spi.Seeds;

/**
 * Seeded noise images in [0, 1] (n x h x w, grayscale) to drive a simulated population: white
 * (independent Gaussian pixels) or pink (amplitude ~ 1/f, like natural images). Image i depends
 * only on (seed, kind, i). Values are 0.5 + 0.15 z for unit-variance z, clipped to [0, 1].
 */
public final class NoiseStimuli {
    public enum Kind { WHITE, PINK }

    private NoiseStimuli() {
    }

    public static float[] generate(Kind kind, int n, int h, int w, long seed) {
        float[] out = new float[n * h * w];
        Fft2 fft = kind == Kind.PINK ? new Fft2(h, w) : null;
        for (int i = 0; i < n; i++) {
            SplittableRandom rng = Seeds.random(seed, "noise-stimulus", kind.name(), i);
            float[] z = new float[h * w];
            for (int j = 0; j < z.length; j++) {
                z[j] = (float) rng.nextGaussian();
            }
            if (kind == Kind.PINK) {
                z = pink(fft, z, h, w);
            }
            for (int j = 0; j < z.length; j++) {
                out[i * h * w + j] = (float) Math.min(1, Math.max(0, 0.5 + 0.15 * z[j]));
            }
        }
        return out;
    }

    // Shapes white noise to amplitude 1/f (DC removed) and rescales it to unit variance.
    private static float[] pink(Fft2 fft, float[] white, int h, int w) {
        float[] s = fft.forward(white);
        for (int k = 0; k < h; k++) {
            for (int l = 0; l < w; l++) {
                double f = FrequencyGrid.radial(k, l, h, w);
                double g = f == 0 ? 0 : 1 / f;
                int b = 2 * (k * w + l);
                s[b] *= (float) g;
                s[b + 1] *= (float) g;
            }
        }
        float[] x = fft.inverseReal(s);
        double ss = 0;
        for (float v : x) {
            ss += v * v;
        }
        double sd = Math.sqrt(ss / x.length);
        for (int j = 0; j < x.length; j++) {
            x[j] = (float) (x[j] / sd);
        }
        return x;
    }
}
