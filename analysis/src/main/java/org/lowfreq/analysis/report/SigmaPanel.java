package org.lowfreq.analysis.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.lowfreq.analysis.figures.Palette;
import org.lowfreq.analysis.figures.XYFigure;
import org.lowfreq.analysis.stats.Descriptive;

/**
 * A measure against blur sigma: the sweep's models as dots coloured by sigma (with an interval per
 * model when one is given, e.g. f_rev's bootstrap interval over images), the mean over seeds per
 * sigma with the seed sd as error bar, fine-tuned blur models beside their sigma, and every other
 * family as a dashed line at its mean, drawn at the right of the sweep.
 */
final class SigmaPanel {
    private SigmaPanel() {
    }

    /** Null when no model has the measure. */
    static XYFigure draw(ReportContext ctx, String title, String yLabel, ToDoubleFunction<ModelInfo> y,
                         ToDoubleFunction<ModelInfo> low, ToDoubleFunction<ModelInfo> high) {
        XYFigure fig = new XYFigure(title, ReportContext.SIGMA, yLabel);
        Map<String, List<ModelInfo>> byConfig = new LinkedHashMap<>();
        Map<Double, List<Double>> bySigma = new java.util.TreeMap<>();
        double maxSigma = 0;
        for (ModelInfo m : ctx.modelsBySigma()) {
            if (Double.isFinite(y.applyAsDouble(m))) {
                byConfig.computeIfAbsent(m.configurationLabel(), k -> new ArrayList<>()).add(m);
                if (m.isBlurFamily()) {
                    maxSigma = Math.max(maxSigma, m.sigmaOrZero());
                }
                if (m.isBlurSweepMember()) {
                    bySigma.computeIfAbsent(m.sigmaOrZero(), k -> new ArrayList<>()).add(y.applyAsDouble(m));
                }
            }
        }
        if (byConfig.isEmpty()) {
            return null;
        }
        double otherX = maxSigma + 0.5;
        for (var e : byConfig.entrySet()) {
            List<ModelInfo> ms = e.getValue();
            ModelInfo first = ms.get(0);
            boolean beside = !first.isBlurFamily();
            // seeds of one configuration are spread a little along x so their intervals do not overlap
            double[] x = new double[ms.size()];
            double[] v = new double[ms.size()];
            double[] lo = new double[ms.size()];
            double[] hi = new double[ms.size()];
            for (int i = 0; i < ms.size(); i++) {
                ModelInfo m = ms.get(i);
                double jitter = ms.size() == 1 ? 0 : 0.12 * (i / (double) (ms.size() - 1) - 0.5);
                x[i] = (beside ? otherX : m.sigmaOrZero() + (m.isFineTuned() ? 0.1 : 0)) + jitter;
                v[i] = y.applyAsDouble(m);
                lo[i] = low == null ? Double.NaN : low.applyAsDouble(m);
                hi[i] = high == null ? Double.NaN : high.applyAsDouble(m);
            }
            fig.yIntervals(e.getKey() + (ms.size() > 1 ? " (" + ms.size() + " seeds)" : ""), x, v, lo, hi,
                    ctx.colour(first), 8);
            if (beside) {
                fig.horizontalLine(Descriptive.of(v).mean(), e.getKey(), ctx.colour(first));
            }
        }
        if (!bySigma.isEmpty()) {
            double[] sx = new double[bySigma.size()];
            double[] sy = new double[bySigma.size()];
            double[] sd = new double[bySigma.size()];
            int i = 0;
            for (var e : bySigma.entrySet()) {
                Descriptive d = Descriptive.of(e.getValue());
                sx[i] = e.getKey();
                sy[i] = d.mean();
                sd[i++] = d.sd();
            }
            fig.line(null, sx, sy, Palette.translucent(Palette.BLACK, 0.4), 1f);
            fig.errorBars("mean \u00b1 sd over seeds, per \u03c3", sx, new double[sx.length], sy, sd, Palette.BLACK);
        }
        return fig;
    }
}
