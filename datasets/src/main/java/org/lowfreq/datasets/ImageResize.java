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
     * {@code crop} x {@code crop} square.
     */
    public static BufferedImage resizeAndCrop(BufferedImage src, int shorter, int crop) {
        if (crop > shorter) {
            throw new IllegalArgumentException("crop " + crop + " larger than the resized side " + shorter);
        }
        int w = src.getWidth();
        int h = src.getHeight();
        double scale = (double) shorter / Math.min(w, h);
        int tw = Math.max(shorter, (int) Math.round(w * scale));
        int th = Math.max(shorter, (int) Math.round(h * scale));
        BufferedImage img = resize(src, tw, th);
        int x = (tw - crop) / 2;
        int y = (th - crop) / 2;
        return img.getSubimage(x, y, crop, crop);
    }

    /**
     * Any image (or sub-image) scaled to exactly {@code w} x {@code h}, as RGB. A large reduction
     * halves repeatedly first (each halving averages 2 x 2 pixels), because one bilinear step from
     * far away skips pixels and aliases; the last step is bilinear by a factor between 1/2 and any
     * enlargement. The evaluation resize and the random-resized-crop both come through here.
     */
    public static BufferedImage resize(BufferedImage src, int w, int h) {
        BufferedImage img = toRgb(src);
        while (img.getWidth() >= 2 * w && img.getHeight() >= 2 * h) {
            img = scale(img, img.getWidth() / 2, img.getHeight() / 2);
        }
        if (img.getWidth() != w || img.getHeight() != h) {
            img = scale(img, w, h);
        }
        return img;
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
        toFloats(rgb, out, offset, false);
    }

    /** As {@link #toFloats(BufferedImage, float[], int)}, mirrored left to right when {@code mirror}. */
    public static void toFloats(BufferedImage rgb, float[] out, int offset, boolean mirror) {
        int w = rgb.getWidth();
        int h = rgb.getHeight();
        int[] argb = rgb.getRGB(0, 0, w, h, null, 0, w);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = argb[y * w + (mirror ? w - 1 - x : x)];
                int o = offset + 3 * (y * w + x);
                out[o] = ((p >> 16) & 0xff) / 255f;
                out[o + 1] = ((p >> 8) & 0xff) / 255f;
                out[o + 2] = (p & 0xff) / 255f;
            }
        }
    }
}
