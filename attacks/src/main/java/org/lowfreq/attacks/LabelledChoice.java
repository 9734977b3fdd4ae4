package org.lowfreq.attacks;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.lowfreq.spi.UserInputException;

/** An attack setting chosen by name on the command line and in experiment files (protocol, refinement). */
interface LabelledChoice {
    /** The name on the command line and in experiment files. */
    String label();

    /** The constant of {@code type} whose label is {@code s} (case-insensitive), else a refusal listing the labels. */
    static <E extends Enum<E> & LabelledChoice> E parse(Class<E> type, String s, String what) {
        String wanted = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (e.label().equals(wanted)) {
                return e;
            }
        }
        throw new UserInputException("unknown " + what + " '" + s + "'", "use one of: "
                + Arrays.stream(type.getEnumConstants()).map(LabelledChoice::label).collect(Collectors.joining(", ")));
    }
}
