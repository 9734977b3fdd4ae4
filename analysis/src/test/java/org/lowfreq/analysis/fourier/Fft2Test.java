package org.lowfreq.analysis.fourier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Fft2Test {
    @Test
    void aCosineHasPowerOnlyAtItsTwoFrequencies() {
        int h = 8;
        int w = 16;
        float[] plane = new float[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                plane[y * w + x] = (float) Math.cos(2 * Math.PI * (3.0 * x / w + 1.0 * y / h));
            }
        }
        double[] p = new Fft2(h, w).power(plane);
        for (int k = 0; k < h; k++) {
            for (int l = 0; l < w; l++) {
                boolean peak = (k == 1 && l == 3) || (k == h - 1 && l == w - 3);
                // each peak holds (h w / 2)^2
                assertThat(p[k * w + l]).as("bin %d,%d", k, l).isCloseTo(peak ? Math.pow(h * w / 2.0, 2) : 0, within(1e-2));
            }
        }
        assertThat(FrequencyGrid.axis(3, w)).isEqualTo(3.0 / 16);
        assertThat(FrequencyGrid.axis(w - 3, w)).isEqualTo(-3.0 / 16);
        assertThat(FrequencyGrid.axis(w / 2, w)).isEqualTo(-0.5);
    }

    @Test
    void inverseUndoesForward() {
        SplittableRandom r = new SplittableRandom(1);
        float[] plane = new float[32 * 32];
        for (int i = 0; i < plane.length; i++) {
            plane[i] = (float) r.nextDouble();
        }
        Fft2 fft = new Fft2(32, 32);
        float[] back = fft.inverseReal(fft.forward(plane));
        for (int i = 0; i < plane.length; i++) {
            assertThat(back[i]).isCloseTo(plane[i], within(1e-5f));
        }
    }

    @Test
    void planesRoundTripThroughHwc() {
        float[] hwc = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        float[] g = Fft2.plane(hwc, 0, 2, 2, 3, 1);
        assertThat(g).containsExactly(2, 5, 8, 11);
        float[] copy = new float[12];
        for (int c = 0; c < 3; c++) {
            Fft2.putPlane(Fft2.plane(hwc, 0, 2, 2, 3, c), copy, 0, 3, c);
        }
        assertThat(copy).containsExactly(hwc);
    }
}
