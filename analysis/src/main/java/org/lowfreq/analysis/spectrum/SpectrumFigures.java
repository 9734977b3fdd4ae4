package org.lowfreq.analysis.spectrum;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * PNG figures of perturbation spectra (docs/METHODS.md sections 2 and 9): the fftshifted log10 mean
 * power as a heat map with a colour bar, each panel scaled to its own min..max; and the cumulative
 * radial power with its f_0.5 crossing. Drawn with JFreeChart (already a project dependency, gives
 * axes, legends and colour bars without a display); files are written atomically.
 */
public final class SpectrumFigures {
    private static final int PANEL_WIDTH = 460;
    private static final int PANEL_HEIGHT = 400;
    /** Okabe-Ito colours: distinguishable with the common colour-vision deficiencies. */
    private static final Color[] LINE_COLOURS = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0xE69F00), new Color(0x56B4E9), new Color(0xF0E442), Color.BLACK};

    private SpectrumFigures() {
    }

    /** A titled spectrum, one panel of a heat-map figure. */
    public record Panel(String title, PowerSpectrum spectrum) {
    }

    /** A titled cumulative radial curve. */
    public record Curve(String title, RadialCumulative curve) {
    }

    /** One heat-map panel as a chart. */
    public static JFreeChart heatMapChart(String title, PowerSpectrum s) {
        int h = s.height();
        int w = s.width();
        double[] logP = s.shiftedLog10();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double[][] xyz = new double[3][h * w];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int k = r * w + c;
                double v = logP[k];
                xyz[0][k] = s.shiftedColumnFrequency(c);
                // image convention: positive fy upwards
                xyz[1][k] = -s.shiftedRowFrequency(r);
                xyz[2][k] = v;
                if (!Double.isNaN(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (min > max) {
            min = 0;
            max = 1;
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("log10 P", xyz);
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setBlockWidth(1.0 / w);
        renderer.setBlockHeight(1.0 / h);
        renderer.setBlockAnchor(org.jfree.chart.ui.RectangleAnchor.CENTER);
        ViridisPaintScale scale = new ViridisPaintScale(min, max);
        renderer.setPaintScale(scale);
        NumberAxis fx = new NumberAxis("f_x (cycles/pixel)");
        NumberAxis fy = new NumberAxis("f_y (cycles/pixel)");
        double half = 0.5;
        fx.setRange(-half - 0.5 / w, half - 0.5 / w);
        fy.setRange(-half + 0.5 / h, half + 0.5 / h);
        XYPlot plot = new XYPlot(data, fx, fy, renderer);
        plot.setBackgroundPaint(ViridisPaintScale.MISSING);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 14), plot, false);
        NumberAxis barAxis = new NumberAxis("log10 power");
        barAxis.setRange(scale.getLowerBound(), scale.getUpperBound());
        PaintScaleLegend legend = new PaintScaleLegend(scale, barAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setStripWidth(14);
        legend.setMargin(new RectangleInsets(8, 4, 8, 4));
        legend.setSubdivisionCount(256);
        chart.addSubtitle(legend);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** Heat maps side by side in one PNG, each panel with its own colour scale and colour bar. */
    public static Path heatMaps(List<Panel> panels, Path png) {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("no panels to draw");
        }
        BufferedImage out = new BufferedImage(PANEL_WIDTH * panels.size(), PANEL_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            for (int i = 0; i < panels.size(); i++) {
                Panel p = panels.get(i);
                BufferedImage img = heatMapChart(p.title(), p.spectrum()).createBufferedImage(PANEL_WIDTH, PANEL_HEIGHT);
                g.drawImage(img, i * PANEL_WIDTH, 0, null);
            }
        } finally {
            g.dispose();
        }
        return writePng(out, png);
    }

    /** One heat map. */
    public static Path heatMap(String title, PowerSpectrum spectrum, Path png) {
        return heatMaps(List.of(new Panel(title, spectrum)), png);
    }

    /** Cumulative radial power of one or more curves, with 0.5 marked and each curve's f_0.5 as a dashed line. */
    public static JFreeChart cumulativeRadialChart(String title, List<Curve> curves) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Curve c : curves) {
            double f = c.curve().halfPowerFrequencyCpp();
            XYSeries s = new XYSeries(c.title() + (Double.isNaN(f) ? "" : String.format(" (f_0.5 = %.3f cpp)", f)), false);
            for (int j = 0; j < c.curve().radiusCpp().length; j++) {
                s.add(c.curve().radiusCpp()[j], c.curve().ratio()[j]);
            }
            data.addSeries(s);
        }
        NumberAxis x = new NumberAxis("radial frequency a (cycles/pixel)");
        x.setRange(0, PowerSpectrum.MAX_RADIUS_CPP);
        NumberAxis y = new NumberAxis("cumulative power ratio(a)");
        y.setRange(0, 1.02);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        BasicStroke dashed = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f);
        ValueMarker halfLine = new ValueMarker(0.5, Color.GRAY, dashed);
        plot.addRangeMarker(halfLine);
        for (int i = 0; i < curves.size(); i++) {
            Color colour = LINE_COLOURS[i % LINE_COLOURS.length];
            renderer.setSeriesPaint(i, colour);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
            double f = curves.get(i).curve().halfPowerFrequencyCpp();
            if (!Double.isNaN(f)) {
                plot.addDomainMarker(new ValueMarker(f, colour, dashed));
            }
        }
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 14), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** The cumulative radial figure as a PNG. */
    public static Path cumulativeRadial(String title, List<Curve> curves, Path png) {
        return writePng(cumulativeRadialChart(title, curves).createBufferedImage(640, 440), png);
    }

    /** Writes a chart as a PNG atomically. */
    public static Path writePng(JFreeChart chart, int width, int height, Path png) {
        return writePng(chart.createBufferedImage(width, height), png);
    }

    /** Writes an image as a PNG atomically (temporary file, then rename). */
    public static Path writePng(BufferedImage image, Path png) {
        return org.lowfreq.analysis.figures.XYFigure.Png.write(image, png);
    }
}
