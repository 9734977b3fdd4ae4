package org.lowfreq.probes.heatmap;

import java.util.ArrayList;
import java.util.List;
import org.lowfreq.analysis.fourier.Fft2;
import org.lowfreq.analysis.fourier.FrequencyGrid;

/**
 * Real Fourier basis images of an h x w grid (Yin et al. 2019): {@code U_{k,l}} is the real plane
 * whose DFT is non-zero only at bin (k, l) and its mirror (-k, -l), scaled to unit L2 norm, i.e. a
 * unit-norm cosine grating. Bins and their mirrors give the same basis, so one representative per
 * pair (the half-plane) is enough.
 */
public final class FourierBasis {
    /** One basis: its representative bin, that bin's mirror, its frequency and its unit-norm plane. */
    public record Element(int row, int col, int mirrorRow, int mirrorCol, double fx, double fy, float[] plane) {
    }

    private FourierBasis() {
    }

    /**
     * The half-plane: every basis once, the representative chosen with fy &gt; 0, or fy = 0 and fx &gt;= 0,
     * where the mirror allows it (on even grids the Nyquist row and column are their own mirrors).
     */
    public static List<Element> halfPlane(int h, int w) {
        Fft2 fft = new Fft2(h, w);
        List<Element> out = new ArrayList<>();
        boolean[] done = new boolean[h * w];
        for (int k = 0; k < h; k++) {
            for (int l = 0; l < w; l++) {
                if (done[k * w + l]) {
                    continue;
                }
                int mk = (h - k) % h;
                int ml = (w - l) % w;
                done[k * w + l] = true;
                done[mk * w + ml] = true;
                int rk = k;
                int rl = l;
                if (prefersMirror(FrequencyGrid.axis(k, h), FrequencyGrid.axis(l, w), FrequencyGrid.axis(mk, h),
                        FrequencyGrid.axis(ml, w))) {
                    rk = mk;
                    rl = ml;
                }
                out.add(new Element(rk, rl, (h - rk) % h, (w - rl) % w, FrequencyGrid.axis(rl, w),
                        FrequencyGrid.axis(rk, h), plane(fft, k, l, mk, ml)));
            }
        }
        return out;
    }

    private static boolean prefersMirror(double fy, double fx, double mfy, double mfx) {
        if (mfy != fy) {
            return mfy > fy;
        }
        return mfx > fx;
    }

    private static float[] plane(Fft2 fft, int k, int l, int mk, int ml) {
        int h = fft.height();
        int w = fft.width();
        float[] spectrum = new float[2 * h * w];
        spectrum[2 * (k * w + l)] = 1f;
        spectrum[2 * (mk * w + ml)] = 1f;
        float[] p = fft.inverseReal(spectrum);
        double norm = 0;
        for (float v : p) {
            norm += v * (double) v;
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) (p[i] / norm);
        }
        return p;
    }
}
