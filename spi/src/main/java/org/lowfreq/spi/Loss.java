package org.lowfreq.spi;

/**
 * A loss of a classifier's output with respect to a chosen class per image, to be
 * <em>minimised</em> when steering an image towards that class (targeted attacks).
 */
public enum Loss {
    /** Cross-entropy to the class: {@code -log softmax(z)_t}. */
    CROSS_ENTROPY,
    /** Logit margin: {@code max_{j != t} z_j - z_t}; negative once t is the argmax. */
    LOGIT_MARGIN
}
