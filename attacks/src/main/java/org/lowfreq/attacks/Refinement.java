package org.lowfreq.attacks;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.lowfreq.spi.UserInputException;

/**
 * The minimal-norm attack that refines the PGD sweep's best adversarial in the
 * {@link SearchProtocol#SWEEP} protocol ({@code --refine}). Every epsilon the protocol reports
 * names it, since the two can differ.
 */
public enum Refinement {
    /** Fast Minimum-Norm (Pintor et al. 2021), with restarts: the default. */
    FMN("fmn", "FMN"),
    /** Brendel-Bethge (Brendel et al. 2019), the paper's attack. */
    BB("bb", "Brendel-Bethge");

    private final String label;
    private final String description;

    Refinement(String label, String description) {
        this.label = label;
        this.description = description;
    }

    /** The name on the command line and in experiment files. */
    public String label() {
        return label;
    }

    /** A short human description, used in notes and figure titles. */
    public String description() {
        return description;
    }

    public static Refinement parse(String s) {
        for (Refinement r : values()) {
            if (r.label.equals(s == null ? "" : s.trim().toLowerCase(Locale.ROOT))) {
                return r;
            }
        }
        throw new UserInputException("unknown refinement '" + s + "'", "use one of: "
                + Arrays.stream(values()).map(Refinement::label).collect(Collectors.joining(", ")));
    }
}
