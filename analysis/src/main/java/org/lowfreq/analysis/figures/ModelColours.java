package org.lowfreq.analysis.figures;

import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One colour per model configuration: the baseline black, the blur models on a sequential palette
 * ordered by sigma (light to dark blue-green, so "more blur" reads as "darker"), every other family
 * its own Okabe-Ito colour (never one of the sequential ones). Fine-tuned configurations get a family
 * colour of their own, so they never look like the from-scratch sweep.
 */
public final class ModelColours {
    /** A configuration to colour: its legend label, family kind and blur sigma. */
    public record Entry(String label, Kind kind, double sigma) {
    }

    public enum Kind { BASELINE, BLUR, OTHER }

    /** Okabe-Ito colours for the other families, none close to the sequential palette. */
    private static final List<Color> FAMILY = List.of(Palette.ORANGE, Palette.VERMILLION, Palette.REDDISH_PURPLE,
            Palette.SKY_BLUE, new Color(0x999999), Palette.YELLOW);

    private final Map<String, Color> colours = new LinkedHashMap<>();

    public ModelColours(List<Entry> entries) {
        TreeSet<Double> sigmas = new TreeSet<>();
        entries.stream().filter(e -> e.kind() == Kind.BLUR).forEach(e -> sigmas.add(e.sigma()));
        List<Double> ordered = List.copyOf(sigmas);
        int other = 0;
        for (Entry e : entries) {
            if (colours.containsKey(e.label())) {
                continue;
            }
            Color c = switch (e.kind()) {
                case BASELINE -> Palette.BLACK;
                case BLUR -> sequential(ordered.size() == 1 ? 1 : ordered.indexOf(e.sigma()) / (double) (ordered.size() - 1));
                case OTHER -> FAMILY.get(other++ % FAMILY.size());
            };
            colours.put(e.label(), c);
        }
    }

    public Color of(String label) {
        return colours.getOrDefault(label, Palette.BLACK);
    }

    /** Labels in the order given, for a legend. */
    public List<String> labels() {
        return List.copyOf(colours.keySet());
    }

    /**
     * A sequential blue-green ramp for t in [0, 1] (light to dark), interpolated between five
     * stops of the ColorBrewer "YlGnBu" scheme with its faint yellow end left out, so the lightest
     * sigma still shows on white.
     */
    public static Color sequential(double t) {
        int[][] stops = {{0x7f, 0xcd, 0xbb}, {0x41, 0xb6, 0xc4}, {0x1d, 0x91, 0xc0}, {0x22, 0x5e, 0xa8}, {0x0c, 0x2c, 0x84}};
        double u = Math.max(0, Math.min(1, t)) * (stops.length - 1);
        int i = Math.min((int) Math.floor(u), stops.length - 2);
        double f = u - i;
        int[] a = stops[i];
        int[] b = stops[i + 1];
        return new Color((int) Math.round(a[0] + f * (b[0] - a[0])), (int) Math.round(a[1] + f * (b[1] - a[1])),
                (int) Math.round(a[2] + f * (b[2] - a[2])));
    }
}
