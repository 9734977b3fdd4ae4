package org.lowfreq.spi;

/**
 * Bad input from the user (a missing file, a wrong shape, an unknown name). The command line
 * prints the message and the hint without a stack trace and exits with code 1.
 */
public class UserInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String hint;

    public UserInputException(String message) {
        this(message, null, null);
    }

    public UserInputException(String message, String hint) {
        this(message, hint, null);
    }

    public UserInputException(String message, String hint, Throwable cause) {
        super(message, cause);
        this.hint = hint;
    }

    /** How to fix it, or null. */
    public String hint() {
        return hint;
    }
}
