package org.lowfreq.attacks;

/**
 * The minimal-norm attack that refines the PGD sweep's best adversarial in the
 * {@link SearchProtocol#SWEEP} protocol ({@code --refine}). Every epsilon the protocol reports
 * names it, since the two can differ.
 */
public enum Refinement implements LabelledChoice {
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

    @Override
    public String label() {
        return label;
    }

    /** A short human description, used in notes and figure titles. */
    public String description() {
        return description;
    }

    public static Refinement parse(String s) {
        return LabelledChoice.parse(Refinement.class, s, "refinement");
    }
}
