package org.lowfreq.spi;

/** What a {@link Classifier} can do beyond logits. Probes and attacks refuse clearly when one is missing. */
public enum Capability {
    /** {@link Classifier#lossGradient} works. */
    INPUT_GRADIENT,
    /** The model can be trained further by its backend. */
    TRAINABLE
}
