package org.lowfreq.analysis.manifold;

import org.lowfreq.analysis.fourier.Fft2;
import org.lowfreq.analysis.fourier.FrequencyGrid;
import org.lowfreq.analysis.units.SpatialFrequency;

/**
 * The radial power spectrum of a 2-D field (a receptive field) and its preferred spatial frequency.
 * The field's mean is removed and it is zero-padded {@link #PAD} times in each axis before the DFT,
 * which samples its (smooth) spectrum finely enough to place a peak between the integer
 * cycles/image bins. The preferred frequency is the radius of the largest bin of the 2-D power
 * spectrum (DC excluded), not the peak of the angular mean: for an oriented field the angular mean
 * divides the power by the ring's circumference and so is biased toward low frequencies.
 * Frequencies are in cycles/image along the width (cycles/pixel x width).
 *
 * @param radiusCpi     centre of each radial bin, cycles/image (bins 0.5 cycles/image wide)
 * @param meanPower     mean power in each bin (angular mean)
 * @param preferredCpi  radius of the 2-D power maximum, cycles/image
 * @param preferredCpp  the same in cycles/pixel
 */
public record RadialSpectrum(double[] radiusCpi, double[] meanPower, double preferredCpi, double preferredCpp) {
    public static final int PAD = 4;
    public static final double BIN_CPI = 0.5;

    public static RadialSpectrum of(double[] field, int h, int w) {
        if (field.length != h * w) {
            throw new IllegalArgumentException("field has " + field.length + " values, not " + h + " x " + w);
        }
        int ph = h * PAD;
        int pw = w * PAD;
        double mean = 0;
        for (double v : field) {
            mean += v;
        }
        mean /= field.length;
        float[] padded = new float[ph * pw];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                padded[y * pw + x] = (float) (field[y * w + x] - mean);
            }
        }
        double[] power = new Fft2(ph, pw).power(padded);
        double maxR = SpatialFrequency.cppToCyclesPerImage(Math.sqrt(0.5), w);
        int bins = (int) Math.ceil(maxR / BIN_CPI) + 1;
        double[] sum = new double[bins];
        int[] count = new int[bins];
        double best = -1;
        double bestCpp = Double.NaN;
        for (int k = 0; k < ph; k++) {
            for (int l = 0; l < pw; l++) {
                double fy = FrequencyGrid.axis(k, ph); // square pixels: cycles/pixel is the same unit on both axes
                double fx = FrequencyGrid.axis(l, pw);
                double cpp = Math.sqrt(fx * fx + fy * fy);
                if (k == 0 && l == 0) {
                    continue;
                }
                double p = power[k * pw + l];
                int b = (int) Math.round(SpatialFrequency.cppToCyclesPerImage(cpp, w) / BIN_CPI);
                if (b < bins) {
                    sum[b] += p;
                    count[b]++;
                }
                if (p > best) {
                    best = p;
                    bestCpp = cpp;
                }
            }
        }
        double[] radius = new double[bins];
        double[] meanPower = new double[bins];
        for (int b = 0; b < bins; b++) {
            radius[b] = b * BIN_CPI;
            meanPower[b] = count[b] > 0 ? sum[b] / count[b] : Double.NaN;
        }
        return new RadialSpectrum(radius, meanPower, SpatialFrequency.cppToCyclesPerImage(bestCpp, w), bestCpp);
    }
}
