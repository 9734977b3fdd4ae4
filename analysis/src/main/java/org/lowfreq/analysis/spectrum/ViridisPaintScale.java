package org.lowfreq.analysis.spectrum;

import java.awt.Color;
import java.awt.Paint;
import java.io.Serializable;
import org.jfree.chart.renderer.PaintScale;

/**
 * Matplotlib's viridis colour map (perceptually uniform, colour-blind safe, readable in grey)
 * from eleven reference colours with linear interpolation, over [lower, upper]. NaN is drawn
 * light grey; values outside the range are clamped.
 */
public final class ViridisPaintScale implements PaintScale, Serializable {
    private static final long serialVersionUID = 1L;
    private static final int[] STOPS = {
        0x440154, 0x482475, 0x414487, 0x355f8d, 0x2a788e, 0x21918c,
        0x22a884, 0x44bf70, 0x7ad151, 0xbddf26, 0xfde725};
    /** Colour of missing values (e.g. the excluded DC bin). */
    public static final Color MISSING = new Color(0xd9d9d9);

    private final double lower;
    private final double upper;

    public ViridisPaintScale(double lower, double upper) {
        if (!(upper > lower)) {
            // a flat panel still needs a non-empty range for the colour bar
            upper = lower + 1;
        }
        this.lower = lower;
        this.upper = upper;
    }

    @Override
    public double getLowerBound() {
        return lower;
    }

    @Override
    public double getUpperBound() {
        return upper;
    }

    @Override
    public Paint getPaint(double value) {
        return colour(value);
    }

    /** The colour of {@code value}. */
    public Color colour(double value) {
        if (Double.isNaN(value)) {
            return MISSING;
        }
        double t = Math.max(0, Math.min(1, (value - lower) / (upper - lower)));
        double x = t * (STOPS.length - 1);
        int i = Math.min((int) Math.floor(x), STOPS.length - 2);
        double f = x - i;
        int a = STOPS[i];
        int b = STOPS[i + 1];
        return new Color(mix(a >> 16, b >> 16, f), mix(a >> 8, b >> 8, f), mix(a, b, f));
    }

    private static int mix(int a, int b, double f) {
        int ca = a & 0xFF;
        int cb = b & 0xFF;
        return (int) Math.round(ca + f * (cb - ca));
    }
}
