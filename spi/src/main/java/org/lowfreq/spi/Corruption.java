package org.lowfreq.spi;

import java.util.random.RandomGenerator;

/**
 * A common corruption (Hendrycks and Dietterich 2019) with severities 1..5. Implementations are
 * stateless and thread-safe; all randomness comes from the generator passed in, which the caller
 * seeds from (seed, corruption, severity, image index).
 */
public interface Corruption {
    /** e.g. {@code gaussian_noise}. */
    String name();

    CorruptionGroup group();

    /** True for the four extras (speckle_noise, gaussian_blur, spatter, saturate). */
    boolean extra();

    /**
     * Corrupts one image.
     *
     * @param image    HWC pixels in [0, 1] (not modified)
     * @param shape    its shape
     * @param severity 1..5
     * @param table    the severity table to use
     * @param rng      the image's own random stream
     * @return a new HWC array of the same shape with values in [0, 1]
     */
    float[] apply(float[] image, ImageShape shape, int severity, Resolution table, RandomGenerator rng);
}
