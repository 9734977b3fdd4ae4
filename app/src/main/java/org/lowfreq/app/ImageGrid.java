package org.lowfreq.app;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.UserInputException;

/**
 * A labelled contact sheet: images upscaled by nearest neighbour (so single pixels stay visible)
 * in a grid, each with its class name under it. Drawn headless with java.awt.
 */
public final class ImageGrid {
    static final int GAP = 4;
    static final int LABEL_HEIGHT = 16;

    private ImageGrid() {
    }

    public static BufferedImage render(Images images, List<String> classNames, int scale, int columns) {
        if (images.count() == 0) {
            throw new UserInputException("no images to show");
        }
        if (scale < 1 || columns < 1) {
            throw new UserInputException("--scale and --columns must be at least 1");
        }
        ImageShape s = images.shape();
        int cols = Math.min(columns, images.count());
        int rows = (images.count() + cols - 1) / cols;
        int cw = s.width() * scale;
        int ch = s.height() * scale;
        int width = GAP + cols * (cw + GAP);
        int height = GAP + rows * (ch + LABEL_HEIGHT + GAP);
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            FontMetrics fm = g.getFontMetrics();
            float[] px = images.pixels();
            for (int i = 0; i < images.count(); i++) {
                int x0 = GAP + (i % cols) * (cw + GAP);
                int y0 = GAP + (i / cols) * (ch + LABEL_HEIGHT + GAP);
                int off = images.offset(i);
                for (int y = 0; y < s.height(); y++) {
                    for (int x = 0; x < s.width(); x++) {
                        int rgb = rgb(px, off + (y * s.width() + x) * s.channels(), s.channels());
                        for (int dy = 0; dy < scale; dy++) {
                            for (int dx = 0; dx < scale; dx++) {
                                out.setRGB(x0 + x * scale + dx, y0 + y * scale + dy, rgb);
                            }
                        }
                    }
                }
                if (images.hasLabels()) {
                    int label = images.labels()[i];
                    String text = label >= 0 && label < classNames.size() ? classNames.get(label) : "#" + label;
                    text = fit(text, fm, cw);
                    g.setColor(Color.BLACK);
                    g.drawString(text, x0 + (cw - fm.stringWidth(text)) / 2, y0 + ch + fm.getAscent() + 1);
                }
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    private static int rgb(float[] px, int at, int channels) {
        int r = byteOf(px[at]);
        if (channels == 1) {
            return (r << 16) | (r << 8) | r;
        }
        return (r << 16) | (byteOf(px[at + 1]) << 8) | byteOf(px[at + 2]);
    }

    private static int byteOf(float v) {
        return Math.max(0, Math.min(255, Math.round(v * 255f)));
    }

    private static String fit(String text, FontMetrics fm, int width) {
        if (fm.stringWidth(text) <= width) {
            return text;
        }
        String t = text;
        while (t.length() > 1 && fm.stringWidth(t + "…") > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }

    /** Writes a PNG atomically (temp file in the same folder, then rename). */
    public static void writePng(BufferedImage img, Path file) {
        org.lowfreq.analysis.figures.XYFigure.Png.write(img, file);
    }
}
