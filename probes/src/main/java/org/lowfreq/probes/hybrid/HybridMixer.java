package org.lowfreq.probes.hybrid;

import java.util.List;
import org.lowfreq.analysis.fourier.Fft2;
import org.lowfreq.spi.ImageShape;

/**
 * Builds hybrid images (docs/METHODS.md 1.3) {@code clip(Re(IFFT2(FFT2(x_low) M + FFT2(x_high) (1 - M))), 0, 1)}
 * per channel. By linearity this equals {@code clip(x_high + Re(IFFT2(FFT2(x_low - x_high) M)), 0, 1)},
 * which needs one forward FFT per pair and channel (shared by every f_mix) and one inverse per mask.
 * Not thread-safe (it owns an {@link Fft2}): one per worker.
 */
public final class HybridMixer {
    private final ImageShape shape;
    private final Fft2 fft;

    public HybridMixer(ImageShape shape) {
        this.shape = shape;
        this.fft = new Fft2(shape.height(), shape.width());
    }

    /**
     * Hybrids of the pairs {@code (low[p], high[p])} of images in {@code pixels} (HWC, one after the
     * other) under each mask.
     *
     * @return per mask, the hybrids of all pairs one after the other (HWC)
     */
    public float[][] mix(float[] pixels, int[] low, int[] high, List<boolean[]> masks) {
        int size = shape.size();
        int h = shape.height();
        int w = shape.width();
        int channels = shape.channels();
        float[][] out = new float[masks.size()][low.length * size];
        float[] masked = new float[2 * h * w];
        float[] diff = new float[h * w];
        for (int p = 0; p < low.length; p++) {
            int lo = low[p] * size;
            int hi = high[p] * size;
            int o = p * size;
            for (int c = 0; c < channels; c++) {
                for (int i = 0; i < h * w; i++) {
                    diff[i] = pixels[lo + i * channels + c] - pixels[hi + i * channels + c];
                }
                float[] spectrum = fft.forward(diff);
                for (int m = 0; m < masks.size(); m++) {
                    boolean[] mask = masks.get(m);
                    for (int b = 0; b < h * w; b++) {
                        boolean keep = mask[b];
                        masked[2 * b] = keep ? spectrum[2 * b] : 0f;
                        masked[2 * b + 1] = keep ? spectrum[2 * b + 1] : 0f;
                    }
                    float[] lowPart = fft.inverseReal(masked);
                    float[] target = out[m];
                    for (int i = 0; i < h * w; i++) {
                        float v = pixels[hi + i * channels + c] + lowPart[i];
                        target[o + i * channels + c] = v < 0f ? 0f : (v > 1f ? 1f : v);
                    }
                }
            }
        }
        return out;
    }
}
