package org.lowfreq.analysis.figures;

import java.awt.Color;
import java.util.List;

/**
 * The Okabe-Ito palette (Okabe and Ito 2008, "Color Universal Design"): eight colours that stay
 * distinguishable under the common colour-vision deficiencies. Yellow comes last because it is
 * faint on white.
 */
public final class Palette {
    public static final Color BLACK = new Color(0x000000);
    public static final Color ORANGE = new Color(0xE69F00);
    public static final Color SKY_BLUE = new Color(0x56B4E9);
    public static final Color BLUISH_GREEN = new Color(0x009E73);
    public static final Color YELLOW = new Color(0xF0E442);
    public static final Color BLUE = new Color(0x0072B2);
    public static final Color VERMILLION = new Color(0xD55E00);
    public static final Color REDDISH_PURPLE = new Color(0xCC79A7);

    /** The order colours are handed out in. */
    public static final List<Color> ORDER = List.of(BLACK, ORANGE, BLUE, BLUISH_GREEN, VERMILLION, SKY_BLUE,
            REDDISH_PURPLE, YELLOW);

    private Palette() {
    }

    public static Color at(int index) {
        return ORDER.get(Math.floorMod(index, ORDER.size()));
    }

    /** The colour with the given opacity (0..1), for the light per-model lines under a family mean. */
    public static Color translucent(Color c, double alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(255 * alpha));
    }
}
