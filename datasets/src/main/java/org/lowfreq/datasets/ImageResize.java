package org.lowfreq.datasets;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Resizing for image folders: shorter side to a size, then a centre crop; RGB floats out. */
public final class ImageResize {
    private ImageResize() {
    }

    /** An RGB copy of any decoded image (grayscale, palette and alpha images included). */
    public static BufferedImage toRgb(BufferedImage src) {
        if (src.getType() == BufferedImage.TYPE_INT_RGB) {
            return src;
        }
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(src, 0, 0, java.awt.Color.WHITE, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /**
     * Scales so the shorter side is {@code shorter} (keeping the aspect ratio) and cuts the central
     * {@code crop} x {@code crop} square. Large reductions halve repeatedly first, because one
     * bilinear step from far away aliases.
     */
    public static BufferedImage resizeAndCrop(BufferedImage src, int shorter, int crop) {
        if (crop > shorter) {
            throw new IllegalArgumentException("crop " + crop + " larger than the resized side " + shorter);
        }
        BufferedImage img = toRgb(src);
        int w = img.getWidth();
        int h = img.getHeight();
        double scale = (double) shorter / Math.min(w, h);
        int tw = Math.max(shorter, (int) Math.round(w * scale));
        int th = Math.max(shorter, (int) Math.round(h * scale));
        while (img.getWidth() >= 2 * tw && img.getHeight() >= 2 * th) {
            img = scale(img, img.getWidth() / 2, img.getHeight() / 2);
        }
        if (img.getWidth() != tw || img.getHeight() != th) {
            img = scale(img, tw, th);
        }
        int x = (tw - crop) / 2;
        int y = (th - crop) / 2;
        return img.getSubimage(x, y, crop, crop);
    }

    private static BufferedImage scale(BufferedImage img, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(img, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Writes an RGB image into {@code out} at {@code offset} as HWC floats in [0, 1]. */
    public static void toFloats(BufferedImage rgb, float[] out, int offset) {
        int w = rgb.getWidth();
        int h = rgb.getHeight();
        int[] argb = rgb.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            out[offset + 3 * i] = ((p >> 16) & 0xff) / 255f;
            out[offset + 3 * i + 1] = ((p >> 8) & 0xff) / 255f;
            out[offset + 3 * i + 2] = (p & 0xff) / 255f;
        }
    }
}
