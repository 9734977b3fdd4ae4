package org.lowfreq.analysis.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.lowfreq.analysis.stats.PolynomialFit;

/**
 * The "Goldilocks" blur of METHODS.md section 5: over the blur sweep (family {@code blur} plus the
 * baseline as sigma = 0), fit robustness against frequency preference with a quadratic (one point per
 * model) and name the model nearest the fitted peak, in the frequency axis.
 *
 * @param xLabel  the frequency measure, with unit
 * @param yLabel  the robustness measure, with unit
 * @param points  the blur-sweep models with both values
 * @param fit     the quadratic fit, or null when there are fewer than 3 distinct x values
 * @param nearest the model nearest the fitted peak, or null when there is no peak in range
 * @param note    a sentence for the report: the result, or why there is none
 */
public record Goldilocks(String xLabel, String yLabel, List<Point> points, PolynomialFit fit, ModelInfo nearest,
                         String note) {

    /** One model: its frequency measure x and robustness y. */
    public record Point(ModelInfo model, double x, double y) {
    }

    /** Fits y against x over the blur-sweep models of {@code data}. */
    public static Goldilocks of(ResultSet data, String xLabel, ToDoubleFunction<ModelInfo> x, String yLabel,
                                ToDoubleFunction<ModelInfo> y) {
        List<Point> points = new ArrayList<>();
        for (ModelInfo m : data.models()) {
            if (m.isBlurSweepMember()) {
                double xv = x.applyAsDouble(m);
                double yv = y.applyAsDouble(m);
                if (Double.isFinite(xv) && Double.isFinite(yv)) {
                    points.add(new Point(m, xv, yv));
                }
            }
        }
        return fit(xLabel, yLabel, points);
    }

    public static Goldilocks fit(String xLabel, String yLabel, List<Point> points) {
        long distinct = points.stream().mapToDouble(Point::x).distinct().count();
        if (distinct < 3) {
            return new Goldilocks(xLabel, yLabel, points, null, null, "no fit: the blur sweep has " + distinct
                    + " model(s) with both " + xLabel + " and " + yLabel + "; a quadratic needs 3");
        }
        PolynomialFit fit = PolynomialFit.quadratic(points.stream().mapToDouble(Point::x).toArray(),
                points.stream().mapToDouble(Point::y).toArray());
        String fitText = String.format(Locale.ROOT, "fit %s = %.4g x^2 %+.4g x %+.4g (R^2 = %.3f, %d models)", yLabel,
                fit.coefficients()[2], fit.coefficients()[1], fit.coefficients()[0], fit.rSquared(), points.size());
        if (!fit.peak().found()) {
            return new Goldilocks(xLabel, yLabel, points, fit, null, fitText + "; no Goldilocks sigma: "
                    + fit.peak().explanation());
        }
        double px = fit.peak().x();
        Point best = points.stream().min(Comparator.comparingDouble(p -> Math.abs(p.x() - px))).orElseThrow();
        return new Goldilocks(xLabel, yLabel, points, fit, best.model(), fitText + String.format(Locale.ROOT,
                "; peak at %s = %.4g (fitted %s %.4g); nearest model %s, sigma = %s", xLabel, px, yLabel,
                fit.peak().y(), best.model().name(), org.lowfreq.spi.ResultRow.formatNumber(best.model().sigmaOrZero())));
    }

    /** Sigma of the model nearest the peak, or NaN. */
    public double sigma() {
        return nearest == null ? Double.NaN : nearest.sigmaOrZero();
    }
}
