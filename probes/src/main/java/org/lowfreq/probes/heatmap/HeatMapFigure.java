package org.lowfreq.probes.heatmap;

import java.awt.Color;
import java.awt.Font;
import java.nio.file.Path;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;
import org.lowfreq.analysis.spectrum.ViridisPaintScale;
import org.lowfreq.probes.hybrid.Figures;
import org.lowfreq.spi.ImageShape;

/** The Fourier heat map: error rate per (fx, fy), centred at zero frequency, with a colour bar. */
final class HeatMapFigure {
    private HeatMapFigure() {
    }

    static void write(Path file, String model, ImageShape shape, FourierHeatMapProbe.Result r) {
        int h = shape.height();
        int w = shape.width();
        int cells = h * w;
        double[] x = new double[cells];
        double[] y = new double[cells];
        double[] z = new double[cells];
        int at = 0;
        // both a bin and its mirror get the basis's error rate, so the map is the full centred plane
        for (int b = 0; b < r.basis().size(); b++) {
            FourierBasis.Element e = r.basis().get(b);
            x[at] = e.fx();
            y[at] = e.fy();
            z[at++] = r.errorRate()[b];
            if (e.mirrorRow() != e.row() || e.mirrorCol() != e.col()) {
                x[at] = org.lowfreq.analysis.fourier.FrequencyGrid.axis(e.mirrorCol(), w);
                y[at] = org.lowfreq.analysis.fourier.FrequencyGrid.axis(e.mirrorRow(), h);
                z[at++] = r.errorRate()[b];
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("error", new double[][] {java.util.Arrays.copyOf(x, at), java.util.Arrays.copyOf(y, at),
                java.util.Arrays.copyOf(z, at)});
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setBlockWidth(1.0 / w);
        renderer.setBlockHeight(1.0 / h);
        ViridisPaintScale scale = new ViridisPaintScale(0, 1);
        renderer.setPaintScale(scale);
        NumberAxis xAxis = new NumberAxis("fx (cycles/pixel)");
        NumberAxis yAxis = new NumberAxis("fy (cycles/pixel)");
        xAxis.setRange(-0.5 - 0.5 / w, 0.5 - 0.5 / w);
        yAxis.setRange(-0.5 - 0.5 / h, 0.5 - 0.5 / h);
        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        JFreeChart chart = new JFreeChart(String.format(Locale.ROOT,
                "%s: Fourier heat map, L2 = %.3g per channel (clean error %.3f)", model, r.eps(), r.cleanErrorRate()),
                new Font(Font.SANS_SERIF, Font.BOLD, 14), plot, false);
        NumberAxis scaleAxis = new NumberAxis("error rate (fraction of images)");
        scaleAxis.setRange(0, 1);
        PaintScaleLegend legend = new PaintScaleLegend(scale, scaleAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setStripWidth(18);
        legend.setMargin(new RectangleInsets(10, 10, 10, 10));
        legend.setSubdivisionCount(256);
        chart.addSubtitle(legend);
        Figures.writeChart(file, chart, 760, 660);
    }
}
