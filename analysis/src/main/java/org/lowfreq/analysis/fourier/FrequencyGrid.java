package org.lowfreq.analysis.fourier;

/**
 * The frequency of each DFT bin in cycles per pixel (docs/METHODS.md section 0): bin k of an n-point
 * axis has frequency {@code wrap(k / n)} with {@code wrap(u) = ((u + 0.5) mod 1) - 0.5}, so each
 * axis covers [-0.5, 0.5) and Nyquist is 0.5.
 */
public final class FrequencyGrid {
    private FrequencyGrid() {
    }

    public static double wrap(double u) {
        double v = (u + 0.5) % 1.0;
        if (v < 0) {
            v += 1.0;
        }
        return v - 0.5;
    }

    /** Signed frequency of bin k on an n-point axis, cycles/pixel. */
    public static double axis(int k, int n) {
        return wrap(k / (double) n);
    }

    /** Radial frequency {@code sqrt(fx^2 + fy^2)} of bin (row k, column l) of an h x w grid, cycles/pixel. */
    public static double radial(int k, int l, int h, int w) {
        double fy = axis(k, h);
        double fx = axis(l, w);
        return Math.sqrt(fx * fx + fy * fy);
    }

    /** Radial frequency of every bin, row-major h x w. */
    public static double[] radialGrid(int h, int w) {
        double[] r = new double[h * w];
        for (int k = 0; k < h; k++) {
            for (int l = 0; l < w; l++) {
                r[k * w + l] = radial(k, l, h, w);
            }
        }
        return r;
    }
}
