package org.lowfreq.app.commands;

import org.lowfreq.spi.UserInputException;
import org.lowfreq.spi.ValueRange;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Picocli converters for the kinds of number options take. They only adapt {@link ValueRange}
 * (the one place each kind is checked) to Picocli; {@code Main} turns their failure into
 * "error: --epochs must be a whole number >= 1, got '0'" and exit code 1.
 */
public final class ValueConverters {
    private ValueConverters() {
    }

    /** Whole numbers >= 1: epochs, batch size, width, steps, images, workers. */
    public static final class AtLeastOne implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return whole(ValueRange.AT_LEAST_ONE, value);
        }
    }

    /** Whole numbers >= 0 where the option says what 0 means (limits: all; pca-k: none; threads: default). */
    public static final class ZeroOrMore implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return whole(ValueRange.ZERO_OR_MORE, value);
        }
    }

    /** Finite numbers > 0: learning rate, epsilon. */
    public static final class Positive implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            return number(ValueRange.POSITIVE, value);
        }
    }

    /** Finite numbers >= 0: blur and noise sigma. */
    public static final class NotNegative implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            return number(ValueRange.NOT_NEGATIVE, value);
        }
    }

    /** Numbers in [0, 1]. */
    public static final class Probability implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            return number(ValueRange.PROBABILITY, value);
        }
    }

    private static int whole(ValueRange range, String value) {
        try {
            return range.parseInt("value", value);
        } catch (UserInputException e) {
            throw new TypeConversionException("must be " + range.what() + ", got '" + value + "'");
        }
    }

    private static double number(ValueRange range, String value) {
        try {
            return range.parseDouble("value", value);
        } catch (UserInputException e) {
            throw new TypeConversionException("must be " + range.what() + ", got '" + value + "'");
        }
    }
}
