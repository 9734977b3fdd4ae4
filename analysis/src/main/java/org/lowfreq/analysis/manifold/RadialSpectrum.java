package org.lowfreq.analysis.manifold;

import org.lowfreq.analysis.fourier.Fft2;
import org.lowfreq.analysis.fourier.FrequencyGrid;
import org.lowfreq.analysis.units.SpatialFrequency;

/**
 * The radial power spectrum of a 2-D field (a receptive field), or of a sum of fields' power
 * spectra, and its preferred spatial frequency. A field's mean is removed and it is zero-padded
 * {@link #PAD} times in each axis before the DFT, which samples its (smooth) spectrum finely. The
 * profile is the angular mean of the 2-D power in {@link #BIN_CPI} cycles/image rings; the preferred
 * frequency is the centre radius of the power found by {@link RiceProfile} (a fit to that profile),
 * not the profile's peak nor the 2-D maximum: both of those lie inside the circle by about
 * {@code s^2 / (2 R)} for power spread round it (s the spread of one field's power), which for
 * V1-like fields of ~1.5 octaves is ~4% of R, plus up to half a padded bin of grid error.
 * Frequencies are in cycles/image along the width (cycles/pixel x width).
 *
 * @param radiusCpi     centre of each radial bin, cycles/image
 * @param meanPower     mean power in each bin (angular mean)
 * @param preferredCpi  centre radius of the power, cycles/image
 * @param preferredCpp  the same in cycles/pixel
 */
public record RadialSpectrum(double[] radiusCpi, double[] meanPower, double preferredCpi, double preferredCpp) {
    public static final int PAD = 4;
    public static final double BIN_CPI = 0.25;

    /** The spectrum of one field (h x w, row-major). */
    public static RadialSpectrum of(double[] field, int h, int w) {
        return ofPower(paddedPower(field, h, w), h, w);
    }

    /** |DFT|^2 of the field, mean removed, zero-padded to (PAD h) x (PAD w), unshifted, row-major. */
    public static double[] paddedPower(double[] field, int h, int w) {
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
        return new Fft2(ph, pw).power(padded);
    }

    /** The spectrum of a padded power array (e.g. a weighted sum of {@link #paddedPower} of several fields). */
    public static RadialSpectrum ofPower(double[] power, int h, int w) {
        int ph = h * PAD;
        int pw = w * PAD;
        if (power.length != ph * pw) {
            throw new IllegalArgumentException("power has " + power.length + " values, not " + ph + " x " + pw);
        }
        double maxR = SpatialFrequency.cppToCyclesPerImage(Math.sqrt(0.5), w);
        int bins = (int) Math.ceil(maxR / BIN_CPI) + 1;
        double[] sum = new double[bins];
        int[] count = new int[bins];
        for (int k = 0; k < ph; k++) {
            for (int l = 0; l < pw; l++) {
                if (k == 0 && l == 0) {
                    continue;
                }
                double fy = FrequencyGrid.axis(k, ph); // square pixels: cycles/pixel is the same unit on both axes
                double fx = FrequencyGrid.axis(l, pw);
                double cpp = Math.sqrt(fx * fx + fy * fy);
                int b = (int) Math.round(SpatialFrequency.cppToCyclesPerImage(cpp, w) / BIN_CPI);
                if (b < bins) {
                    sum[b] += power[k * pw + l];
                    count[b]++;
                }
            }
        }
        double[] radius = new double[bins];
        double[] meanPower = new double[bins];
        for (int b = 0; b < bins; b++) {
            radius[b] = b * BIN_CPI;
            meanPower[b] = count[b] > 0 && b > 0 ? sum[b] / count[b] : Double.NaN;
        }
        double cpi = RiceProfile.centre(radius, meanPower);
        return new RadialSpectrum(radius, meanPower, cpi, SpatialFrequency.cyclesPerImageToCpp(cpi, w));
    }
}
