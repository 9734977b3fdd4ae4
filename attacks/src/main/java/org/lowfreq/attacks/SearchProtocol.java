package org.lowfreq.attacks;

/**
 * How the minimal epsilon of an image is searched (docs/METHODS.md 3). Every epsilon the protocol
 * reports names the search that produced it, since the two differ systematically.
 */
public enum SearchProtocol implements LabelledChoice {
    /** PGD over the epsilon grid, then FMN refinement and a scale search: the smallest success found. */
    SWEEP("sweep", "sweep + FMN"),
    /**
     * The paper code's protocol: PGD at the largest epsilon of the grid (a failure there is a
     * failure), then bisection on [0, eps_max], success judged on PGD's final iterate, eps_min =
     * the upper end of the final interval.
     */
    BISECTION("bisection", "PGD bisection");

    private final String label;
    private final String description;

    SearchProtocol(String label, String description) {
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

    public static SearchProtocol parse(String s) {
        return LabelledChoice.parse(SearchProtocol.class, s, "attack protocol");
    }
}
