package org.lowfreq.probes.hybrid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lowfreq.analysis.fourier.FrequencyGrid;
import org.lowfreq.spi.UserInputException;

/**
 * The f_mix grid and its ideal circular low-pass masks {@code M(f) = 1 if |f| <= 0.5 f_mix}
 * (docs/METHODS.md 1.2) on an h x w DFT grid. Grid values that select the same set of bins share one
 * mask (on 32 px images 0 to .06 keep only the mean, .09 = .11, ...): the hybrids, and therefore
 * the model's answers, are then identical, so the model runs once per distinct mask.
 */
public final class MixGrid {
    /** docs/METHODS.md 1.4. */
    public static final double[] DEFAULT_GRID = {0, .03, .04, .05, .06, .08, .09, .11, .13, .15, .17, .19, .22,
            .27, .33, .42, .57, 1.0};

    // Bins whose radius equals the cut-off up to rounding count as inside (|f| <= r).
    private static final double TOLERANCE = 1e-12;

    private final double[] grid;
    private final int h;
    private final int w;
    private final List<boolean[]> masks = new ArrayList<>();
    private final int[] maskOf;

    public MixGrid(double[] grid, int h, int w) {
        this.grid = checked(grid);
        this.h = h;
        this.w = w;
        double[] radial = FrequencyGrid.radialGrid(h, w);
        this.maskOf = new int[grid.length];
        for (int g = 0; g < grid.length; g++) {
            double r = 0.5 * grid[g];
            boolean[] m = new boolean[h * w];
            for (int b = 0; b < m.length; b++) {
                m[b] = radial[b] <= r + TOLERANCE;
            }
            int found = -1;
            for (int j = 0; j < masks.size() && found < 0; j++) {
                if (Arrays.equals(masks.get(j), m)) {
                    found = j;
                }
            }
            if (found < 0) {
                masks.add(m);
                found = masks.size() - 1;
            }
            maskOf[g] = found;
        }
    }

    /** Checks a user grid: at least 2 values, all in [0, 1], strictly increasing. */
    public static double[] checked(double[] grid) {
        if (grid.length < 2) {
            throw new UserInputException("the f_mix grid needs at least 2 values, got " + grid.length,
                    "e.g. --grid 0,0.1,0.2,0.4,1");
        }
        for (int g = 0; g < grid.length; g++) {
            if (!(grid[g] >= 0 && grid[g] <= 1)) {
                throw new UserInputException("f_mix value " + grid[g] + " is outside [0, 1]",
                        "f_mix is normalised so that Nyquist = 1");
            }
            if (g > 0 && grid[g] <= grid[g - 1]) {
                throw new UserInputException("the f_mix grid must be strictly increasing, but " + grid[g]
                        + " follows " + grid[g - 1], "list the values in ascending order without repeats");
            }
        }
        return grid.clone();
    }

    public double[] grid() {
        return grid.clone();
    }

    public int size() {
        return grid.length;
    }

    public double fMix(int g) {
        return grid[g];
    }

    public int distinctMasks() {
        return masks.size();
    }

    /** Index of the distinct mask of grid point g. */
    public int maskOf(int g) {
        return maskOf[g];
    }

    /** Distinct mask m, row-major h x w, true = taken from the low-frequency image. */
    public boolean[] mask(int m) {
        return masks.get(m).clone();
    }

    boolean[] maskView(int m) {
        return masks.get(m);
    }

    public int height() {
        return h;
    }

    public int width() {
        return w;
    }
}
