package org.lowfreq.datasets.stream;

import java.util.SplittableRandom;

import org.lowfreq.datasets.Grayscale;
import org.lowfreq.spi.ImageShape;

/**
 * The one-channel luma (L = 0.299 R + 0.587 G + 0.114 B, {@link Grayscale}) of an RGB source's
 * examples, e.g. for a model trained on grayscale that is shown a published RGB -C set.
 */
public final class GrayscaleSource implements ExampleSource {
    private final ExampleSource rgb;
    private final ImageShape shape;
    private final ThreadLocal<float[]> scratch;

    public GrayscaleSource(ExampleSource rgb) {
        if (rgb.shape().channels() != 3) {
            throw new IllegalArgumentException("grayscale needs RGB examples, got " + rgb.shape());
        }
        this.rgb = rgb;
        this.shape = new ImageShape(rgb.shape().height(), rgb.shape().width(), 1);
        this.scratch = ThreadLocal.withInitial(() -> new float[rgb.shape().size()]);
    }

    /** {@code source} itself when it already has one channel, else its grayscale. */
    public static ExampleSource of(ExampleSource source) {
        return source.shape().channels() == 1 ? source : new GrayscaleSource(source);
    }

    @Override
    public int size() {
        return rgb.size();
    }

    @Override
    public ImageShape shape() {
        return shape;
    }

    @Override
    public int label(int index) {
        return rgb.label(index);
    }

    @Override
    public void produce(int index, SplittableRandom rng, float[] dst, int offset) {
        float[] in = scratch.get();
        rgb.produce(index, rng, in, 0);
        int n = shape.size();
        for (int i = 0; i < n; i++) {
            // rounding can push a white pixel a hair above 1; images must stay in [0, 1]
            dst[offset + i] = Math.min(1f, Grayscale.WR * in[3 * i] + Grayscale.WG * in[3 * i + 1] + Grayscale.WB * in[3 * i + 2]);
        }
    }

    @Override
    public String describe(int index) {
        return rgb.describe(index) + " (grayscale)";
    }
}
