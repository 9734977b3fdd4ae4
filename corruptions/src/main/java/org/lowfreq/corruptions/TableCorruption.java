package org.lowfreq.corruptions;

import java.util.Objects;
import java.util.random.RandomGenerator;
import org.lowfreq.spi.Corruption;
import org.lowfreq.spi.CorruptionGroup;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Resolution;
import org.lowfreq.spi.UserInputException;

/**
 * A corruption driven by a per-resolution severity table ({@code table[resolution][severity - 1]}).
 * Checks its arguments once, and runs colour-only corruptions on one-channel images by repeating
 * the channel and taking the luma of the result.
 */
abstract class TableCorruption implements Corruption {
    private final String name;
    private final CorruptionGroup group;
    private final boolean extra;

    TableCorruption(String name, CorruptionGroup group, boolean extra) {
        this.name = name;
        this.group = group;
        this.extra = extra;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final CorruptionGroup group() {
        return group;
    }

    @Override
    public final boolean extra() {
        return extra;
    }

    @Override
    public final float[] apply(float[] image, ImageShape shape, int severity, Resolution table, RandomGenerator rng) {
        check(image, shape, severity, table, rng);
        if (shape.channels() == 1 && needsColour()) {
            float[] rgb = corrupt(Pixels.grayToRgb(image), shape.height(), shape.width(), 3, severity, table, rng);
            return Pixels.rgbToGray(rgb);
        }
        return corrupt(image, shape.height(), shape.width(), shape.channels(), severity, table, rng);
    }

    /**
     * The corrupted image as the uint8 values a -C file stores: the same numbers as
     * {@code CorruptionRunner.toUint8} of {@link #apply}, without the float round trip for the
     * corruptions that work on uint8 anyway (pixelate, JPEG).
     */
    final int[] applyUint8(float[] image, ImageShape shape, int severity, Resolution table, RandomGenerator rng) {
        check(image, shape, severity, table, rng);
        if (shape.channels() == 1 && needsColour()) {
            return Pixels.toStoredUint8(apply(image, shape, severity, table, rng));
        }
        return corruptUint8(image, shape.height(), shape.width(), shape.channels(), severity, table, rng);
    }

    /** By default the stored form of {@link #corrupt}; overridden where the corruption ends in uint8. */
    int[] corruptUint8(float[] image, int h, int w, int c, int severity, Resolution table, RandomGenerator rng) {
        return Pixels.toStoredUint8(corrupt(image, h, w, c, severity, table, rng));
    }

    private void check(float[] image, ImageShape shape, int severity, Resolution table, RandomGenerator rng) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(rng, "rng");
        if (severity < 1 || severity > 5) {
            throw new UserInputException("severity " + severity + " of " + name + " is not in 1..5",
                    "use severities 1, 2, 3, 4 or 5");
        }
        if (image.length != shape.size()) {
            throw new UserInputException(name + ": image holds " + image.length + " values but its shape "
                    + shape + " needs " + shape.size());
        }
    }

    /** True when the definition needs three colour channels (HSV, tinted layers). */
    boolean needsColour() {
        return false;
    }

    abstract float[] corrupt(float[] image, int h, int w, int c, int severity, Resolution table, RandomGenerator rng);

    static double[] row(double[][][] tables, Resolution table, int severity) {
        return tables[table.ordinal()][severity - 1];
    }

    static double value(double[][] tables, Resolution table, int severity) {
        return tables[table.ordinal()][severity - 1];
    }

    @Override
    public String toString() {
        return name;
    }
}
