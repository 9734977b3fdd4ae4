package org.lowfreq.probes.hybrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.lowfreq.spi.UserInputException;

class MixGridTest {
    private static int index(double f) {
        for (int g = 0; g < MixGrid.DEFAULT_GRID.length; g++) {
            if (MixGrid.DEFAULT_GRID[g] == f) {
                return g;
            }
        }
        throw new AssertionError(f);
    }

    @Test
    void defaultGridOn32PixelsSharesTheMasksMethodsSaysItShares() {
        MixGrid grid = new MixGrid(MixGrid.DEFAULT_GRID, 32, 32);
        for (double f : new double[] {0.03, 0.04, 0.05, 0.06}) {
            assertThat(grid.maskOf(index(f))).isEqualTo(grid.maskOf(index(0)));
        }
        assertThat(grid.maskOf(index(0.09))).isEqualTo(grid.maskOf(index(0.11)));
        assertThat(grid.maskOf(index(0.15))).isEqualTo(grid.maskOf(index(0.17)));
        assertThat(grid.maskOf(index(0.08))).isNotEqualTo(grid.maskOf(index(0.06)));
        boolean[] dcOnly = grid.mask(grid.maskOf(index(0)));
        int kept = 0;
        for (boolean b : dcOnly) {
            kept += b ? 1 : 0;
        }
        assertThat(kept).as("f_mix = 0 keeps only the mean").isEqualTo(1);
        assertThat(dcOnly[0]).isTrue();
        boolean[] all = grid.mask(grid.maskOf(index(1.0)));
        // |f| <= 0.5 keeps everything but the corners beyond the inscribed circle
        assertThat(all[16 * 32 + 16]).isFalse();
        assertThat(all[16]).isTrue();
    }

    @Test
    void refusesBadGrids() {
        assertThatThrownBy(() -> new MixGrid(new double[] {0.2, 0.1}, 8, 8)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("strictly increasing");
        assertThatThrownBy(() -> new MixGrid(new double[] {0, 1.5}, 8, 8)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("outside [0, 1]");
        assertThatThrownBy(() -> new MixGrid(new double[] {0.5}, 8, 8)).isInstanceOf(UserInputException.class);
    }
}
