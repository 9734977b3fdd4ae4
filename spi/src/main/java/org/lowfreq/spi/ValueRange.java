package org.lowfreq.spi;

import java.util.Locale;

/**
 * The kinds of number an option takes, each checked here and only here: the command line's
 * converters, {@link Options}' typed getters and {@link TrainingSpec} all call these, so that
 * {@code --epochs 0}, {@code -o eps=Infinity} and {@code epochs: 0} in an experiment file are refused
 * with the same message, naming the option and the allowed range.
 */
public enum ValueRange {
    /** Counts of things that must exist: epochs, batch size, width, steps, images to attack. */
    AT_LEAST_ONE("a whole number >= 1"),
    /** Counts where 0 has a meaning the option states: limits (0 = all), pca-k (0 = none), threads (0 = default). */
    ZERO_OR_MORE("a whole number >= 0"),
    /** Finite positive numbers: learning rate, epsilon. */
    POSITIVE("a finite number > 0"),
    /** Finite numbers >= 0: blur sigma, noise sigma. */
    NOT_NEGATIVE("a finite number >= 0"),
    /** Probabilities and fractions in [0, 1]. */
    PROBABILITY("a number in [0, 1]"),
    /** Any finite number. */
    FINITE("a finite number");

    private final String what;

    ValueRange(String what) {
        this.what = what;
    }

    /** What the range allows, for messages: e.g. "a whole number >= 1". */
    public String what() {
        return what;
    }

    /** The value when it is in range; else a {@link UserInputException} naming {@code option} and the range. */
    public int check(String option, int value) {
        boolean ok = switch (this) {
            case AT_LEAST_ONE -> value >= 1;
            case ZERO_OR_MORE -> value >= 0;
            default -> contains(value);
        };
        if (!ok) {
            throw refused(option, Integer.toString(value));
        }
        return value;
    }

    /** The value when it is in range; else a {@link UserInputException} naming {@code option} and the range. */
    public double check(String option, double value) {
        if (!contains(value)) {
            throw refused(option, format(value));
        }
        return value;
    }

    /** Parses a whole number and checks it. */
    public int parseInt(String option, String text) {
        if (this != AT_LEAST_ONE && this != ZERO_OR_MORE) {
            throw new IllegalStateException(this + " is not a range of whole numbers");
        }
        try {
            return check(option, Integer.parseInt(text.trim()));
        } catch (NumberFormatException e) {
            throw refused(option, "'" + text + "'");
        }
    }

    /** Parses a number and checks it ("NaN" and "Infinity" are numbers Java parses, so they reach the check). */
    public double parseDouble(String option, String text) {
        try {
            return check(option, Double.parseDouble(text.trim()));
        } catch (NumberFormatException e) {
            throw refused(option, "'" + text + "'");
        }
    }

    private boolean contains(double v) {
        if (!Double.isFinite(v)) {
            return false;
        }
        return switch (this) {
            case AT_LEAST_ONE -> v >= 1 && v == Math.rint(v);
            case ZERO_OR_MORE -> v >= 0 && v == Math.rint(v);
            case POSITIVE -> v > 0;
            case NOT_NEGATIVE -> v >= 0;
            case PROBABILITY -> v >= 0 && v <= 1;
            case FINITE -> true;
        };
    }

    private UserInputException refused(String option, String got) {
        return new UserInputException(option + " must be " + what + ", got " + got);
    }

    private static String format(double v) {
        return v == Math.rint(v) && Double.isFinite(v) && Math.abs(v) < 1e15
                ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
