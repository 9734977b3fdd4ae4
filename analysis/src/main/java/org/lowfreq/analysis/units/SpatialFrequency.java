package org.lowfreq.analysis.units;

/**
 * Conversions between the spatial-frequency units lowfreq uses (docs/METHODS.md sections 0 and 8).
 * <ul>
 *   <li><b>cycles/pixel</b> (cpp): the native unit of the DFT; each axis spans [-0.5, 0.5), Nyquist = 0.5.</li>
 *   <li><b>normalised</b>: cpp / 0.5, so Nyquist = 1 (the unit of f_mix and of the paper's f_rev).</li>
 *   <li><b>cycles/image</b> (cpi): cpp x image size in pixels (along the axis in question).</li>
 *   <li><b>cycles/degree</b> (cpd): cpi / field of view in degrees (the neuroscience unit).</li>
 * </ul>
 * Example: a mouse V1 neuron preferring 0.04 cycles/degree, shown a 67.5 degree image, prefers
 * 0.04 x 67.5 = 2.7 cycles/image; on a 64 px image that is 2.7 / 64 = 0.042 cycles/pixel, i.e.
 * 0.084 normalised.
 */
public final class SpatialFrequency {
    /** Nyquist frequency in cycles/pixel. */
    public static final double NYQUIST_CPP = 0.5;

    private SpatialFrequency() {
    }

    /** cycles/degree x field of view (degrees) = cycles/image. */
    public static double cpdToCyclesPerImage(double cyclesPerDegree, double fovDegrees) {
        requirePositive(fovDegrees, "field of view (degrees)");
        return cyclesPerDegree * fovDegrees;
    }

    /** cycles/image / field of view (degrees) = cycles/degree. */
    public static double cyclesPerImageToCpd(double cyclesPerImage, double fovDegrees) {
        requirePositive(fovDegrees, "field of view (degrees)");
        return cyclesPerImage / fovDegrees;
    }

    /** cycles/image / image size (pixels) = cycles/pixel. */
    public static double cyclesPerImageToCpp(double cyclesPerImage, int imageSizePx) {
        requirePositive(imageSizePx, "image size (pixels)");
        return cyclesPerImage / imageSizePx;
    }

    /** cycles/pixel x image size (pixels) = cycles/image. */
    public static double cppToCyclesPerImage(double cyclesPerPixel, int imageSizePx) {
        requirePositive(imageSizePx, "image size (pixels)");
        return cyclesPerPixel * imageSizePx;
    }

    /** Normalised frequency (Nyquist = 1) = cycles/pixel / 0.5. */
    public static double cppToNormalised(double cyclesPerPixel) {
        return cyclesPerPixel / NYQUIST_CPP;
    }

    /** cycles/pixel = normalised x 0.5. */
    public static double normalisedToCpp(double normalised) {
        return normalised * NYQUIST_CPP;
    }

    /** cycles/pixel x image size (px) / field of view (degrees) = cycles/degree. */
    public static double cppToCpd(double cyclesPerPixel, int imageSizePx, double fovDegrees) {
        return cyclesPerImageToCpd(cppToCyclesPerImage(cyclesPerPixel, imageSizePx), fovDegrees);
    }

    private static void requirePositive(double v, String what) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " must be a positive number, got " + v);
        }
    }
}
