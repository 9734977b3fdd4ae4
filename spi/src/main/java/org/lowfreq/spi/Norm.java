package org.lowfreq.spi;

/** Perturbation norms. */
public enum Norm {
    LINF, L2;

    /** The norm of {@code d[offset .. offset + length)}. */
    public double of(float[] d, int offset, int length) {
        double acc = 0;
        for (int k = offset; k < offset + length; k++) {
            double v = d[k];
            acc = this == LINF ? Math.max(acc, Math.abs(v)) : acc + v * v;
        }
        return this == LINF ? acc : Math.sqrt(acc);
    }

    public static Norm parse(String s) {
        return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "linf", "inf", "l_inf" -> LINF;
            case "l2" -> L2;
            default -> throw new UserInputException("unknown norm '" + s + "'", "use linf or l2");
        };
    }

    public String label() {
        return this == LINF ? "linf" : "l2";
    }
}
