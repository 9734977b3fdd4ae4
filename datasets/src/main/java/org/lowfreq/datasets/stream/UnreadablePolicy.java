package org.lowfreq.datasets.stream;

import java.util.Locale;

import org.lowfreq.spi.UserInputException;

/**
 * What a loader does with an example that cannot be read: {@code REFUSE} stops with an error naming
 * the file; {@code SKIP} leaves it out of its batch, reports it by path and lists it in
 * {@link Batch#skipped()}. Never silent either way.
 */
public enum UnreadablePolicy {
    REFUSE, SKIP;

    /** Parses the command line's spelling ({@code refuse} or {@code skip}). */
    public static UnreadablePolicy parse(String s) {
        for (UnreadablePolicy p : values()) {
            if (p.name().equalsIgnoreCase(s == null ? "" : s.trim())) {
                return p;
            }
        }
        throw new UserInputException("unknown value '" + s + "' for unreadable images", "use refuse or skip");
    }

    public String spelling() {
        return name().toLowerCase(Locale.ROOT);
    }
}
