package org.lowfreq.attacks;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.nio.file.Path;
import java.util.Arrays;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.lowfreq.analysis.spectrum.SpectrumFigures;

/** Success rate against epsilon: the empirical CDF of the minimal epsilons (failures never count), the median over successes marked. */
final class SuccessCurveFigure {
    private SuccessCurveFigure() {
    }

    static Path write(String title, String unit, double[] minimalEpsilon, Path png) {
        double[] found = Arrays.stream(minimalEpsilon).filter(e -> !Double.isNaN(e)).sorted().toArray();
        int n = minimalEpsilon.length;
        XYSeries s = new XYSeries("success rate", true, true);
        s.add(0, 0);
        for (int k = 0; k < found.length; k++) {
            s.addOrUpdate(found[k], (k + 1) / (double) n);
        }
        double max = found.length == 0 ? 1 : found[found.length - 1] * 1.1;
        s.add(max, found.length / (double) n);
        NumberAxis x = new NumberAxis("epsilon (" + unit + ", pixels in [0, 1])");
        x.setRange(0, max);
        NumberAxis y = new NumberAxis("targeted success rate");
        y.setRange(0, 1.02);
        XYStepRenderer r = new XYStepRenderer();
        r.setSeriesPaint(0, new Color(0x0072B2));
        r.setSeriesStroke(0, new BasicStroke(2f));
        XYPlot plot = new XYPlot(new XYSeriesCollection(s), x, y, r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        double median = EpsilonStatistics.medianOfSuccesses(minimalEpsilon);
        if (!Double.isNaN(median)) {
            ValueMarker m = new ValueMarker(median, new Color(0xD55E00), new BasicStroke(1.2f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f));
            m.setLabel(String.format("median of successes %.4g", median));
            m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            plot.addDomainMarker(m);
        }
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 14), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        return SpectrumFigures.writePng(chart, 640, 440, png);
    }
}
