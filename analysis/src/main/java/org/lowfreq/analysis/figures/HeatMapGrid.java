package org.lowfreq.analysis.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.data.xy.DefaultXYZDataset;
import org.lowfreq.analysis.spectrum.PowerSpectrum;
import org.lowfreq.analysis.spectrum.ViridisPaintScale;

/**
 * Power-spectrum heat maps ({@code fftshift(log10 P)}, f_x right, f_y up, cycles/pixel) side by
 * side on ONE colour scale (the min..max of all panels) with one colour bar, so panels compare
 * directly: a darker panel has less power there, not just another scale.
 */
public final class HeatMapGrid {
    /** One titled spectrum. */
    public record Panel(String title, PowerSpectrum spectrum) {
    }

    private static final int PANEL = 260;
    private static final int BAR = 110;

    private HeatMapGrid() {
    }

    /** The shared range [min, max] of log10 power over all panels (DC and zero bins excluded). */
    public static double[] range(List<Panel> panels) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Panel p : panels) {
            for (double v : p.spectrum().shiftedLog10()) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        return min > max ? new double[] {0, 1} : new double[] {min, max == min ? min + 1 : max};
    }

    /** The panels in a grid of {@code columns}, under {@code title} (which names the units), with one colour bar. */
    public static BufferedImage draw(String title, List<Panel> panels, int columns, String barLabel) {
        double[] range = range(panels);
        ViridisPaintScale scale = new ViridisPaintScale(range[0], range[1]);
        int cols = Math.min(columns, panels.size());
        int rows = (panels.size() + cols - 1) / cols;
        int top = 26;
        BufferedImage out = new BufferedImage(cols * PANEL + BAR, rows * PANEL + top, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            g.drawString(title, 10, 18);
            for (int i = 0; i < panels.size(); i++) {
                BufferedImage img = chart(panels.get(i), scale).createBufferedImage(PANEL, PANEL);
                g.drawImage(img, (i % cols) * PANEL, top + (i / cols) * PANEL, null);
            }
            bar(g, scale, cols * PANEL + 20, top + 30, 18, Math.min(rows * PANEL, 2 * PANEL) - 60, barLabel);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static JFreeChart chart(Panel p, ViridisPaintScale scale) {
        PowerSpectrum s = p.spectrum();
        int h = s.height();
        int w = s.width();
        double[] logP = s.shiftedLog10();
        double[][] xyz = new double[3][h * w];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int k = r * w + c;
                xyz[0][k] = s.shiftedColumnFrequency(c);
                xyz[1][k] = -s.shiftedRowFrequency(r); // image convention: positive f_y upwards
                xyz[2][k] = logP[k];
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("log10 P", xyz);
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setBlockWidth(1.0 / w);
        renderer.setBlockHeight(1.0 / h);
        renderer.setBlockAnchor(org.jfree.chart.ui.RectangleAnchor.CENTER);
        renderer.setPaintScale(scale);
        Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
        NumberAxis fx = new NumberAxis("f_x (cycles/pixel)");
        NumberAxis fy = new NumberAxis("f_y (cycles/pixel)");
        fx.setLabelFont(small);
        fy.setLabelFont(small);
        fx.setTickLabelFont(small);
        fy.setTickLabelFont(small);
        fx.setRange(-0.5 - 0.5 / w, 0.5 - 0.5 / w);
        fy.setRange(-0.5 + 0.5 / h, 0.5 + 0.5 / h);
        XYPlot plot = new XYPlot(data, fx, fy, renderer);
        plot.setBackgroundPaint(ViridisPaintScale.MISSING);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        JFreeChart chart = new JFreeChart(p.title(), new Font(Font.SANS_SERIF, Font.BOLD, 11), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static void bar(Graphics2D g, ViridisPaintScale scale, int x, int y, int width, int height, String label) {
        double lo = scale.getLowerBound();
        double hi = scale.getUpperBound();
        for (int i = 0; i < height; i++) {
            g.setColor(scale.colour(hi - (hi - lo) * i / (height - 1.0)));
            g.fillRect(x, y + i, width, 1);
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(x, y, width, height);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        for (int t = 0; t <= 4; t++) {
            double v = hi - (hi - lo) * t / 4.0;
            int ty = y + (int) Math.round((height - 1) * t / 4.0);
            g.drawLine(x + width, ty, x + width + 4, ty);
            g.drawString(String.format(Locale.ROOT, "%.2f", v), x + width + 6, ty + 4);
        }
        g.rotate(-Math.PI / 2);
        g.drawString(label, -(y + height), x - 6);
        g.rotate(Math.PI / 2);
    }
}
