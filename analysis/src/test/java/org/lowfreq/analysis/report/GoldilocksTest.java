package org.lowfreq.analysis.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoldilocksTest {
    private static ModelInfo model(double sigma, long seed, boolean fineTuned) {
        String name = "m" + sigma + "-" + seed + (fineTuned ? "-ft" : "");
        ModelIdentity id = new ModelIdentity(name, "cfg" + sigma + fineTuned, seed, fineTuned, fineTuned ? "base" : "", "test");
        return new ModelInfo(name, sigma == 0 ? "baseline" : "blur", "resnet18", sigma, seed, id);
    }

    /** y = -(x - 0.2)^2 + 1 at the per-sigma means; seeds at mean +- d, so their mean lies on the parabola. */
    private static List<Goldilocks.Point> sweep(double[] sigmas) {
        List<Goldilocks.Point> pts = new ArrayList<>();
        for (double s : sigmas) {
            double x = 0.4 - 0.1 * s;
            double y = 1 - (x - 0.2) * (x - 0.2);
            pts.add(new Goldilocks.Point(model(s, 0, false), x + 0.01, y + 0.05));
            pts.add(new Goldilocks.Point(model(s, 1, false), x - 0.01, y - 0.05));
        }
        return pts;
    }

    @Test
    void seedsAreAveragedPerSigmaBeforeTheFit() {
        Goldilocks g = Goldilocks.fit("x", "y", sweep(new double[] {0, 1, 2, 3}), List.of());
        assertThat(g.sigmas()).hasSize(4);
        assertThat(g.sigmas().get(1).y().sd()).isCloseTo(Math.sqrt(2 * 0.05 * 0.05), within(1e-12));
        // the per-sigma means lie exactly on the parabola: its coefficients come back and R^2 = 1 on n = 4
        assertThat(g.fit().coefficients()[2]).isCloseTo(-1, within(1e-9));
        assertThat(g.fit().coefficients()[1]).isCloseTo(0.4, within(1e-9));
        assertThat(g.fit().coefficients()[0]).isCloseTo(0.96, within(1e-9));
        assertThat(g.fit().rSquared()).isCloseTo(1, within(1e-12));
        assertThat(g.rSquaredWithN()).isEqualTo("1.000 (n = 4)");
        assertThat(g.fit().peak().x()).isCloseTo(0.2, within(1e-9));
        assertThat(g.sigma()).isEqualTo(2.0);
    }

    @Test
    void fewerThanFourSigmaGiveNoFitAndNoClaim() {
        Goldilocks g = Goldilocks.fit("x", "y", sweep(new double[] {0, 1, 2}), List.of());
        assertThat(g.fit()).isNull();
        assertThat(g.nearest()).isNull();
        assertThat(g.sigma()).isNaN();
        assertThat(g.note()).contains("3 distinct sigma").contains("at least 4");
        assertThat(g.rSquaredWithN()).isEqualTo("-");
    }

    @Test
    void fineTunedModelsStayOutOfTheSweep() {
        List<Goldilocks.Point> pts = sweep(new double[] {0, 1, 2, 3});
        Goldilocks.Point ft = new Goldilocks.Point(model(1, 0, true), 0.9, -5);
        assertThat(ft.model().isBlurSweepMember()).isFalse();
        assertThat(ft.model().isBlurFamily()).isTrue();
        Goldilocks g = Goldilocks.fit("x", "y", pts, List.of(ft));
        assertThat(g.fit().rSquared()).isCloseTo(1, within(1e-12)); // the outlier did not enter the fit
        assertThat(g.fineTuned()).containsExactly(ft);
        assertThat(g.note()).contains("1 fine-tuned model(s) shown beside the sweep, not fitted");
    }
}
