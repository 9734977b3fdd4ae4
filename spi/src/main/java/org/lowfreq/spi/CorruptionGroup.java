package org.lowfreq.spi;

/** Which part of the spectrum a corruption's residual mostly lives in (docs/METHODS.md section 2). */
public enum CorruptionGroup {
    LOW, MEDIUM, HIGH;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
