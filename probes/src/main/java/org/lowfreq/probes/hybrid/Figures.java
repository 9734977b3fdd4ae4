package org.lowfreq.probes.hybrid;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.lowfreq.analysis.figures.XYFigure;
import org.lowfreq.spi.AtomicFiles;
import org.lowfreq.spi.ImageShape;

/** Shared figure helpers: a colour-blind-safe palette, atomic PNG writing, image tiles. */
public final class Figures {
    /** Okabe and Ito's palette (distinguishable with the common colour-vision deficiencies). */
    public static final Color[] OKABE_ITO = {
            new Color(0xE69F00), new Color(0x56B4E9), new Color(0x009E73), new Color(0xF0E442),
            new Color(0x0072B2), new Color(0xD55E00), new Color(0xCC79A7), new Color(0x000000)};
    public static final Color MEAN = Color.BLACK;
    public static final Color MARKER = new Color(0xD55E00);

    private Figures() {
    }

    public static Color seedColour(int k) {
        Color c = OKABE_ITO[k % (OKABE_ITO.length - 1)];
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), 170);
    }

    public static BasicStroke thin() {
        return new BasicStroke(1.2f);
    }

    public static BasicStroke thick() {
        return new BasicStroke(3.2f);
    }

    public static BasicStroke dashed() {
        return new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
    }

    /** Writes a chart as PNG atomically. */
    public static void writeChart(Path file, JFreeChart chart, int width, int height) {
        chart.setBackgroundPaint(Color.WHITE);
        AtomicFiles.write(file, out -> ChartUtils.writeChartAsPNG(out, chart, width, height));
    }

    /** Writes an image as PNG atomically. */
    public static void writeImage(Path file, BufferedImage image) {
        XYFigure.Png.write(image, file);
    }

    /** Draws one [0, 1] HWC image scaled by an integer factor (nearest neighbour) at (x, y). */
    public static void drawImage(Graphics2D g, float[] pixels, int offset, ImageShape shape, int x, int y, int scale) {
        BufferedImage img = new BufferedImage(shape.width(), shape.height(), BufferedImage.TYPE_INT_RGB);
        int ch = shape.channels();
        for (int r = 0; r < shape.height(); r++) {
            for (int c = 0; c < shape.width(); c++) {
                int o = offset + (r * shape.width() + c) * ch;
                int red = byteOf(pixels[o]);
                int green = ch == 3 ? byteOf(pixels[o + 1]) : red;
                int blue = ch == 3 ? byteOf(pixels[o + 2]) : red;
                img.setRGB(c, r, (red << 16) | (green << 8) | blue);
            }
        }
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(img, x, y, shape.width() * scale, shape.height() * scale, null);
    }

    private static int byteOf(float v) {
        return Math.max(0, Math.min(255, Math.round(v * 255f)));
    }

    public static Graphics2D canvas(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        return g;
    }
}
