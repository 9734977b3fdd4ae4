package org.lowfreq.datasets;

import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Images;

/** Luma of RGB images, L = 0.299 R + 0.587 G + 0.114 B (ITU-R BT.601), as one channel. */
public final class Grayscale {
    public static final float WR = 0.299f;
    public static final float WG = 0.587f;
    public static final float WB = 0.114f;

    private Grayscale() {
    }

    /** One-channel copy of RGB images; one-channel images are returned as they are. */
    public static Images of(Images rgb) {
        ImageShape s = rgb.shape();
        if (s.channels() == 1) {
            return rgb;
        }
        int n = rgb.count() * s.height() * s.width();
        float[] in = rgb.pixels();
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            // rounding can push a white pixel a hair above 1; Images must stay in [0, 1]
            out[i] = Math.min(1f, WR * in[3 * i] + WG * in[3 * i + 1] + WB * in[3 * i + 2]);
        }
        return new Images(rgb.count(), new ImageShape(s.height(), s.width(), 1), out, rgb.labels());
    }
}
