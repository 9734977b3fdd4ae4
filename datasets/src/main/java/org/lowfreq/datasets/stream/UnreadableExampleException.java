package org.lowfreq.datasets.stream;

/** An example whose file cannot be read or decoded; carries the file so it can be reported by path. */
public final class UnreadableExampleException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String source;

    public UnreadableExampleException(String source, String reason, Throwable cause) {
        super("cannot read " + source + ": " + reason, cause);
        this.source = source;
    }

    /** The file (or other origin) that could not be read. */
    public String source() {
        return source;
    }
}
