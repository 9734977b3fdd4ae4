package org.lowfreq.analysis.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * An XY chart (JFreeChart) built layer by layer: each line, point set or error-bar set is its own
 * dataset with its own renderer, so every layer gets its own colour, width and legend entry. Both
 * axes must be labelled with their units; the constructor takes the labels for that reason.
 */
public final class XYFigure {
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private final XYPlot plot;
    private final JFreeChart chart;
    private final LegendItemCollection legend = new LegendItemCollection();
    private int layers;

    public XYFigure(String title, String xLabel, String yLabel) {
        this(title, xLabel, yLabel, false);
    }

    /** {@code logX}: a logarithmic x axis (e.g. epsilon). */
    public XYFigure(String title, String xLabel, String yLabel, boolean logX) {
        ValueAxis x;
        if (logX) {
            LogAxis lx = new LogAxis(xLabel);
            lx.setSmallestValue(1e-12);
            lx.setNumberFormatOverride(new java.text.DecimalFormat("0.####"));
            x = lx;
        } else {
            NumberAxis nx = new NumberAxis(xLabel);
            nx.setAutoRangeIncludesZero(false);
            x = nx;
        }
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(false);
        x.setLabelFont(LABEL);
        y.setLabelFont(LABEL);
        plot = new XYPlot();
        plot.setDomainAxis(x);
        plot.setRangeAxis(y);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        plot.setOutlineVisible(false);
        chart = new JFreeChart(title, TITLE, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        plot.setFixedLegendItems(legend);
    }

    public XYPlot plot() {
        return plot;
    }

    public JFreeChart chart() {
        return chart;
    }

    public int layerCount() {
        return layers;
    }

    /** A polyline. {@code legendLabel} null keeps it out of the legend. */
    public XYFigure line(String legendLabel, double[] x, double[] y, Color colour, float width) {
        return add(legendLabel, x, y, colour, width, false, null);
    }

    public XYFigure dashedLine(String legendLabel, double[] x, double[] y, Color colour, float width) {
        XYFigure f = add(legendLabel, x, y, colour, width, false, null);
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer(layers - 1);
        r.setSeriesStroke(0, new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
        return f;
    }

    /** Markers without lines. */
    public XYFigure points(String legendLabel, double[] x, double[] y, Color colour, double size) {
        Shape s = new Ellipse2D.Double(-size / 2, -size / 2, size, size);
        return add(legendLabel, x, y, colour, 1f, true, s);
    }

    /** Markers with mean +- sd bars in both directions. */
    public XYFigure errorBars(String legendLabel, double[] x, double[] xSd, double[] y, double[] ySd, Color colour) {
        XYIntervalSeries s = new XYIntervalSeries(legendLabel == null ? "layer" + layers : legendLabel);
        for (int i = 0; i < x.length; i++) {
            double dx = Double.isFinite(xSd[i]) ? xSd[i] : 0;
            double dy = Double.isFinite(ySd[i]) ? ySd[i] : 0;
            s.add(x[i], x[i] - dx, x[i] + dx, y[i], y[i] - dy, y[i] + dy);
        }
        XYIntervalSeriesCollection d = new XYIntervalSeriesCollection();
        d.addSeries(s);
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDefaultLinesVisible(false);
        r.setSeriesPaint(0, colour);
        r.setErrorPaint(colour);
        r.setErrorStroke(new BasicStroke(1.8f));
        r.setCapLength(6);
        r.setSeriesShape(0, new Rectangle2D.Double(-5, -5, 10, 10));
        plot.setDataset(layers, d);
        plot.setRenderer(layers, r);
        if (legendLabel != null) {
            legend.add(new org.jfree.chart.LegendItem(legendLabel, null, null, null, new Rectangle2D.Double(-5, -5, 10, 10), colour));
        }
        layers++;
        return this;
    }

    /**
     * Markers with an asymmetric vertical interval each (e.g. a bootstrap interval {@code [lo, hi]}
     * around {@code y}); a NaN end draws no bar on that side.
     */
    public XYFigure yIntervals(String legendLabel, double[] x, double[] y, double[] lo, double[] hi, Color colour,
                               double size) {
        XYIntervalSeries s = new XYIntervalSeries(legendLabel == null ? "layer" + layers : legendLabel);
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                s.add(x[i], x[i], x[i], y[i], Double.isFinite(lo[i]) ? lo[i] : y[i], Double.isFinite(hi[i]) ? hi[i] : y[i]);
            }
        }
        XYIntervalSeriesCollection d = new XYIntervalSeriesCollection();
        d.addSeries(s);
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDrawXError(false);
        r.setDefaultLinesVisible(false);
        r.setSeriesPaint(0, colour);
        r.setErrorPaint(colour);
        r.setErrorStroke(new BasicStroke(1.2f));
        r.setCapLength(4);
        Shape shape = new Ellipse2D.Double(-size / 2, -size / 2, size, size);
        r.setSeriesShape(0, shape);
        plot.setDataset(layers, d);
        plot.setRenderer(layers, r);
        if (legendLabel != null) {
            legend.add(new org.jfree.chart.LegendItem(legendLabel, null, null, null, shape, colour));
        }
        layers++;
        return this;
    }

    /** A horizontal reference line in a colour, with a label at the right end (e.g. a family that has no sigma). */
    public XYFigure horizontalLine(double y, String label, Color colour) {
        ValueMarker m = new ValueMarker(y, colour, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
                new float[] {6, 3}, 0));
        if (label != null) {
            m.setLabel(label);
            m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
            m.setLabelPaint(colour);
            m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        }
        plot.addRangeMarker(m);
        return this;
    }

    private XYFigure add(String legendLabel, double[] x, double[] y, Color colour, float width, boolean shapes, Shape shape) {
        XYSeries s = new XYSeries(legendLabel == null ? "layer" + layers : legendLabel, false, true);
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                s.add(x[i], y[i]);
            }
        }
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(!shapes, shapes);
        r.setSeriesPaint(0, colour);
        r.setSeriesStroke(0, new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        if (shape != null) {
            r.setSeriesShape(0, shape);
        }
        plot.setDataset(layers, new XYSeriesCollection(s));
        plot.setRenderer(layers, r);
        if (legendLabel != null) {
            legend.add(shapes
                    ? new org.jfree.chart.LegendItem(legendLabel, null, null, null, shape, colour)
                    : new org.jfree.chart.LegendItem(legendLabel, null, null, null, new java.awt.geom.Line2D.Double(-7, 0, 7, 0),
                    new BasicStroke(Math.max(width, 2f)), colour));
        }
        layers++;
        return this;
    }

    /** A vertical reference line with a label. */
    public XYFigure verticalMarker(double x, String label, Color colour) {
        ValueMarker m = new ValueMarker(x, colour, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
                new float[] {4, 4}, 0));
        if (label != null) {
            m.setLabel(label);
            m.setLabelFont(LABEL);
            m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            m.setLabelBackgroundColor(new Color(255, 255, 255, 170)); // do not hide the points under the label
            m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        }
        plot.addDomainMarker(m);
        return this;
    }

    /** A horizontal reference line. */
    public XYFigure horizontalMarker(double y, String label, Color colour) {
        ValueMarker m = new ValueMarker(y, colour, new BasicStroke(1f));
        if (label != null) {
            m.setLabel(label);
            m.setLabelFont(LABEL);
            m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        }
        plot.addRangeMarker(m);
        return this;
    }

    /** A shaded x band (e.g. a confidence interval). */
    public XYFigure band(double from, double to, Color colour) {
        plot.addDomainMarker(new IntervalMarker(from, to, Palette.translucent(colour, 0.15)));
        return this;
    }

    public XYFigure text(double x, double y, String text) {
        XYTextAnnotation a = new XYTextAnnotation(text, x, y);
        a.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        a.setTextAnchor(TextAnchor.BOTTOM_LEFT);
        plot.addAnnotation(a);
        return this;
    }

    public XYFigure subtitle(String text) {
        chart.addSubtitle(new TextTitle(text, LABEL));
        return this;
    }

    public XYFigure yRange(double lo, double hi) {
        plot.getRangeAxis().setRange(lo, hi);
        return this;
    }

    public XYFigure hideLegend() {
        chart.removeLegend();
        return this;
    }

    public BufferedImage image(int width, int height) {
        return chart.createBufferedImage(width, height);
    }

    public byte[] png(int width, int height) {
        return Png.encode(image(width, height));
    }

    /** PNG encoding and tiling of images. */
    public static final class Png {
        private Png() {
        }

        public static byte[] encode(BufferedImage img) {
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ImageIO.write(img, "png", out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Writes an image as a PNG file, atomically. */
        public static Path write(BufferedImage img, Path file) {
            org.lowfreq.spi.AtomicFiles.write(file, out -> {
                if (!ImageIO.write(img, "png", out)) {
                    throw new IOException("no PNG writer available");
                }
            });
            return file;
        }

        /** Tiles equally sized panels into a grid of {@code columns}. */
        public static BufferedImage tile(java.util.List<BufferedImage> panels, int columns) {
            int w = panels.get(0).getWidth();
            int h = panels.get(0).getHeight();
            int rows = (panels.size() + columns - 1) / columns;
            BufferedImage out = new BufferedImage(w * Math.min(columns, panels.size()), h * rows, BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = out.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            for (int i = 0; i < panels.size(); i++) {
                g.drawImage(panels.get(i), (i % columns) * w, (i / columns) * h, null);
            }
            g.dispose();
            return out;
        }
    }
}
