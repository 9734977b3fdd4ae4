package org.lowfreq.analysis.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.lowfreq.analysis.stats.Descriptive;
import org.lowfreq.analysis.stats.PolynomialFit;
import org.lowfreq.spi.ResultRow;

/**
 * The "Goldilocks" blur of docs/METHODS.md section 5. Over the blur sweep (family {@code blur} plus the
 * baseline as sigma = 0, models trained from scratch only) the seeds of each sigma are averaged
 * first (mean, with the sd over seeds as error bar); robustness is then fitted against frequency
 * preference with a quadratic, one point per sigma, and the sigma nearest the fitted peak (in the
 * frequency axis) is named. With fewer than {@link #MIN_SIGMAS} distinct sigma there is no fit and no
 * claim. Fine-tuned blur models are kept apart in {@code fineTuned}, to be shown beside the sweep.
 *
 * @param xLabel    the frequency measure, with unit
 * @param yLabel    the robustness measure, with unit
 * @param sigmas    per sigma of the sweep: mean and sd over seeds of x and y, sorted by sigma
 * @param points    the sweep's models with both values (one per model)
 * @param fineTuned fine-tuned blur-family models with both values, not part of the fit
 * @param fit       the quadratic over the per-sigma means, or null when there is no fit
 * @param nearest   the sigma nearest the fitted peak, or null when there is no peak in range
 * @param note      a sentence for the report: the result with R^2 and its n, or why there is none
 */
public record Goldilocks(String xLabel, String yLabel, List<SigmaPoint> sigmas, List<Point> points,
                         List<Point> fineTuned, PolynomialFit fit, SigmaPoint nearest, String note) {

    /** Fewest distinct sigma for a quadratic fit and a Goldilocks claim (3 points fit a parabola exactly). */
    public static final int MIN_SIGMAS = 4;

    /** One model: its frequency measure x and robustness y. */
    public record Point(ModelInfo model, double x, double y) {
    }

    /** One sigma of the sweep: its seeds' values of x and y. */
    public record SigmaPoint(double sigma, Descriptive x, Descriptive y, List<ModelInfo> models) {
    }

    /** Fits y against x over the blur sweep of {@code data}. */
    public static Goldilocks of(ResultSet data, String xLabel, ToDoubleFunction<ModelInfo> x, String yLabel,
                                ToDoubleFunction<ModelInfo> y) {
        List<Point> points = new ArrayList<>();
        List<Point> fineTuned = new ArrayList<>();
        for (ModelInfo m : data.models()) {
            if (m.isBlurFamily()) {
                double xv = x.applyAsDouble(m);
                double yv = y.applyAsDouble(m);
                if (Double.isFinite(xv) && Double.isFinite(yv)) {
                    (m.isBlurSweepMember() ? points : fineTuned).add(new Point(m, xv, yv));
                }
            }
        }
        return fit(xLabel, yLabel, points, fineTuned);
    }

    /** Averages the points per sigma and fits the means. */
    public static Goldilocks fit(String xLabel, String yLabel, List<Point> points, List<Point> fineTuned) {
        Map<Double, List<Point>> bySigma = new TreeMap<>();
        points.forEach(p -> bySigma.computeIfAbsent(p.model().sigmaOrZero(), k -> new ArrayList<>()).add(p));
        List<SigmaPoint> sigmas = new ArrayList<>();
        bySigma.forEach((s, ps) -> sigmas.add(new SigmaPoint(s, Descriptive.of(ps.stream().map(Point::x).toList()),
                Descriptive.of(ps.stream().map(Point::y).toList()), ps.stream().map(Point::model).toList())));
        String beside = fineTuned.isEmpty() ? "" : "; " + fineTuned.size() + " fine-tuned model(s) shown beside the "
                + "sweep, not fitted";
        if (sigmas.size() < MIN_SIGMAS) {
            return new Goldilocks(xLabel, yLabel, sigmas, points, fineTuned, null, null, "no fit and no Goldilocks claim: "
                    + "the blur sweep (from scratch) has " + sigmas.size() + " distinct sigma with both " + xLabel + " and "
                    + yLabel + "; a quadratic fit needs at least " + MIN_SIGMAS + beside);
        }
        double[] xs = sigmas.stream().mapToDouble(p -> p.x().mean()).toArray();
        double[] ys = sigmas.stream().mapToDouble(p -> p.y().mean()).toArray();
        PolynomialFit fit;
        try {
            fit = PolynomialFit.quadratic(xs, ys);
        } catch (IllegalArgumentException e) {
            return new Goldilocks(xLabel, yLabel, sigmas, points, fineTuned, null, null, "no fit: " + e.getMessage() + beside);
        }
        String fitText = String.format(Locale.ROOT, "fit %s = %.4g x^2 %+.4g x %+.4g over the means of %d sigma "
                        + "(%d models): R^2 = %.3f (n = %d)", yLabel, fit.coefficients()[2], fit.coefficients()[1],
                fit.coefficients()[0], sigmas.size(), points.size(), fit.rSquared(), sigmas.size());
        if (!fit.peak().found()) {
            return new Goldilocks(xLabel, yLabel, sigmas, points, fineTuned, fit, null, fitText + "; no Goldilocks sigma: "
                    + fit.peak().explanation() + beside);
        }
        double px = fit.peak().x();
        SigmaPoint best = sigmas.stream().min(Comparator.comparingDouble(p -> Math.abs(p.x().mean() - px))).orElseThrow();
        return new Goldilocks(xLabel, yLabel, sigmas, points, fineTuned, fit, best, fitText + String.format(Locale.ROOT,
                "; peak at %s = %.4g (fitted %s %.4g); nearest sigma = %s", xLabel, px, yLabel, fit.peak().y(),
                ResultRow.formatNumber(best.sigma())) + beside);
    }

    /** Sigma nearest the peak, or NaN. */
    public double sigma() {
        return nearest == null ? Double.NaN : nearest.sigma();
    }

    /** "R^2 = 0.93 (n = 5)" or "-". */
    public String rSquaredWithN() {
        return fit == null ? "-" : String.format(Locale.ROOT, "%.3f (n = %d)", fit.rSquared(), sigmas.size());
    }
}
