package org.lowfreq.analysis.fourier;

import org.jtransforms.fft.FloatFFT_2D;

/**
 * 2-D discrete Fourier transforms of one image plane (h x w, row-major), backed by JTransforms
 * (pure Java, mixed-radix, well tested; chosen over hand-written FFTs and over TensorFlow's FFT ops
 * so that spectra do not need a TensorFlow session). Complex arrays are interleaved
 * {@code [re, im]} per bin, row-major, length {@code 2 h w}. An instance is not thread-safe: give
 * each worker its own (they are cheap).
 */
public final class Fft2 {
    private final int h;
    private final int w;
    private final FloatFFT_2D fft;

    public Fft2(int h, int w) {
        this.h = h;
        this.w = w;
        this.fft = new FloatFFT_2D(h, w);
    }

    public int height() {
        return h;
    }

    public int width() {
        return w;
    }

    /** Forward DFT (no scaling) of a real plane; returns the full complex spectrum. */
    public float[] forward(float[] plane) {
        if (plane.length != h * w) {
            throw new IllegalArgumentException("plane has " + plane.length + " values, expected " + h * w);
        }
        float[] a = new float[2 * h * w];
        System.arraycopy(plane, 0, a, 0, plane.length);
        fft.realForwardFull(a);
        return a;
    }

    /** Inverse DFT (scaled by 1/(h w)) of a full complex spectrum; returns the real part. */
    public float[] inverseReal(float[] spectrum) {
        if (spectrum.length != 2 * h * w) {
            throw new IllegalArgumentException("spectrum has " + spectrum.length + " values, expected " + 2 * h * w);
        }
        float[] a = spectrum.clone();
        fft.complexInverse(a, true);
        float[] out = new float[h * w];
        for (int i = 0; i < out.length; i++) {
            out[i] = a[2 * i];
        }
        return out;
    }

    /** |DFT|^2 of a real plane, row-major h x w, in double precision. */
    public double[] power(float[] plane) {
        float[] s = forward(plane);
        double[] p = new double[h * w];
        for (int i = 0; i < p.length; i++) {
            double re = s[2 * i];
            double im = s[2 * i + 1];
            p[i] = re * re + im * im;
        }
        return p;
    }

    /** Channel c of an HWC image stored at {@code offset} of {@code pixels}, as an h x w plane. */
    public static float[] plane(float[] pixels, int offset, int h, int w, int channels, int c) {
        float[] p = new float[h * w];
        for (int i = 0; i < h * w; i++) {
            p[i] = pixels[offset + i * channels + c];
        }
        return p;
    }

    /** Writes an h x w plane into channel c of an HWC image at {@code offset}. */
    public static void putPlane(float[] plane, float[] pixels, int offset, int channels, int c) {
        for (int i = 0; i < plane.length; i++) {
            pixels[offset + i * channels + c] = plane[i];
        }
    }
}
