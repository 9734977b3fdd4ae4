package org.lowfreq.analysis.spectrum;

import java.util.Arrays;
import org.lowfreq.analysis.fourier.Fft2;
import org.lowfreq.analysis.fourier.FrequencyGrid;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.UserInputException;

/**
 * The mean power spectrum of a set of perturbations (docs/METHODS.md section 2): each image's
 * per-channel spatial mean removed, {@code P = |FFT2(d)|^2}, the DC bin excluded (set to 0), the
 * mean taken over images and channels. Works for any perturbation set: adversarial
 * {@code x_adv - x} or corruption residuals {@code x_corrupt - x}.
 *
 * <p>Frequencies are in cycles per pixel (cpp, Nyquist 0.5); {@link #normalised(double)} converts
 * to the Nyquist = 1 scale.
 *
 * @param height   image height (rows of the spectrum)
 * @param width    image width
 * @param images   number of perturbations averaged
 * @param channels channels per perturbation (all averaged)
 * @param power    mean power, row-major height x width, unshifted (DC at index 0, always 0); read-only
 */
public record PowerSpectrum(int height, int width, int images, int channels, double[] power) {
    /**
     * Points of the cumulative radial curve (docs/METHODS.md 2.4). Every f_0.5 of the project (attack
     * spectra, corruption residuals, {@code lowfreq spectrum}, the report's demo) reads this curve:
     * with 25 points the linear interpolation alone moves f_0.5 by up to about 0.006 cycles/pixel.
     */
    public static final int DEFAULT_RADIAL_POINTS = 200;
    /** The largest radial frequency on a square grid, the corner (0.5, 0.5), in cpp. */
    public static final double MAX_RADIUS_CPP = Math.sqrt(0.5);

    public PowerSpectrum {
        if (power.length != height * width) {
            throw new IllegalArgumentException(power.length + " power values for " + height + " x " + width);
        }
    }

    /**
     * The mean spectrum of {@code count} perturbations stored NHWC in {@code perturbations}.
     *
     * @throws UserInputException when the array does not hold {@code count} images of {@code shape},
     *                            or when a value is not finite
     */
    public static PowerSpectrum of(float[] perturbations, ImageShape shape, int count) {
        int h = shape.height();
        int w = shape.width();
        int c = shape.channels();
        if (count < 1) {
            throw new UserInputException("a spectrum needs at least one perturbation, got " + count);
        }
        if ((long) count * shape.size() != perturbations.length) {
            throw new UserInputException("perturbation array holds " + perturbations.length + " values but "
                    + count + " images of " + shape + " need " + (long) count * shape.size());
        }
        Fft2 fft = new Fft2(h, w);
        double[] sum = new double[h * w];
        for (int i = 0; i < count; i++) {
            int offset = i * shape.size();
            for (int ch = 0; ch < c; ch++) {
                float[] plane = Fft2.plane(perturbations, offset, h, w, c, ch);
                removeMean(plane, i, ch);
                double[] p = fft.power(plane);
                for (int k = 0; k < p.length; k++) {
                    sum[k] += p[k];
                }
            }
        }
        double n = (double) count * c;
        for (int k = 0; k < sum.length; k++) {
            sum[k] /= n;
        }
        sum[0] = 0; // DC excluded (after mean removal it only holds rounding error)
        return new PowerSpectrum(h, w, count, c, sum);
    }

    private static void removeMean(float[] plane, int image, int channel) {
        double mean = 0;
        for (float v : plane) {
            if (!Float.isFinite(v)) {
                throw new UserInputException("perturbation " + image + " channel " + channel + " holds " + v,
                        "perturbations must be finite");
            }
            mean += v;
        }
        mean /= plane.length;
        for (int k = 0; k < plane.length; k++) {
            plane[k] = (float) (plane[k] - mean);
        }
    }

    /** A copy of the mean power, row-major, unshifted (DC at index 0, set to 0). */
    public double[] mean2d() {
        return power.clone();
    }

    @Override
    public double[] power() {
        return power.clone();
    }

    /** Sum of the mean power over all bins (DC excluded). */
    public double totalPower() {
        double s = 0;
        for (double v : power) {
            s += v;
        }
        return s;
    }

    /**
     * {@code fftshift(log10 P)}: row-major height x width with the zero frequency at
     * (height / 2, width / 2); NaN at DC and wherever the power is 0 (log undefined).
     */
    public double[] shiftedLog10() {
        double[] out = new double[height * width];
        for (int k = 0; k < height; k++) {
            for (int l = 0; l < width; l++) {
                double p = power[k * width + l];
                int ks = (k + height / 2) % height;
                int ls = (l + width / 2) % width;
                out[ks * width + ls] = (k == 0 && l == 0) || !(p > 0) ? Double.NaN : Math.log10(p);
            }
        }
        return out;
    }

    /** Signed frequency (cpp) of row r of {@link #shiftedLog10()}. */
    public double shiftedRowFrequency(int r) {
        return FrequencyGrid.axis(r - height / 2 + height, height);
    }

    /** Signed frequency (cpp) of column c of {@link #shiftedLog10()}. */
    public double shiftedColumnFrequency(int c) {
        return FrequencyGrid.axis(c - width / 2 + width, width);
    }

    /** The cumulative radial power on {@value #DEFAULT_RADIAL_POINTS} points. */
    public RadialCumulative cumulativeRadial() {
        return cumulativeRadial(DEFAULT_RADIAL_POINTS);
    }

    /**
     * {@code ratio(a) = sum(P[|f| <= a]) / sum(P)} for {@code points} radii a evenly spaced over
     * [0, sqrt(0.5)] cpp. All ratios are NaN when the total power is 0.
     */
    public RadialCumulative cumulativeRadial(int points) {
        if (points < 2) {
            throw new UserInputException("the cumulative radial curve needs at least 2 points, got " + points);
        }
        double[] radius = FrequencyGrid.radialGrid(height, width);
        Integer[] order = new Integer[radius.length];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> Double.compare(radius[a], radius[b]));
        double total = totalPower();
        double[] a = new double[points];
        double[] ratio = new double[points];
        int next = 0;
        double acc = 0;
        for (int j = 0; j < points; j++) {
            a[j] = j == points - 1 ? MAX_RADIUS_CPP : j * MAX_RADIUS_CPP / (points - 1);
            // a small tolerance so bins exactly on a grid radius (e.g. 4/32 = 0.125) count as inside
            while (next < order.length && radius[order[next]] <= a[j] + 1e-12) {
                acc += power[order[next]];
                next++;
            }
            ratio[j] = total > 0 ? acc / total : Double.NaN;
        }
        return new RadialCumulative(a, ratio);
    }

    /** f_0.5 in cycles per pixel on the default {@value #DEFAULT_RADIAL_POINTS}-point curve; NaN when there is no power. */
    public double halfPowerFrequency() {
        return cumulativeRadial().halfPowerFrequencyCpp();
    }

    /** Cycles per pixel to the normalised scale (Nyquist = 1): {@code cpp / 0.5}. */
    public static double normalised(double cpp) {
        return cpp / 0.5;
    }
}
