package org.lowfreq.corruptions;

/** Conversions between the [0, 1] float images of the spi and the working arrays of the corruptions. */
final class Pixels {
    private Pixels() {
    }

    static double[] toDouble(float[] image) {
        double[] d = new double[image.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = image[i];
        }
        return d;
    }

    /** The uint8 image the reference receives (its inputs are PIL images), rounded. */
    static int[] toUint8(float[] image) {
        int[] u = new int[image.length];
        for (int i = 0; i < u.length; i++) {
            int v = (int) Math.rint(image[i] * 255.0);
            u[i] = v < 0 ? 0 : (v > 255 ? 255 : v);
        }
        return u;
    }

    /**
     * The image as the reference reads it, {@code np.array(x) / 255.}: the uint8 values divided
     * by 255 in double precision (not the float values widened, which differ in the last bits).
     */
    static double[] referenceInput(float[] image) {
        double[] d = new double[image.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = clampByte((int) Math.rint(image[i] * 255.0)) / 255.0;
        }
        return d;
    }

    /**
     * The reference's last step {@code np.uint8(np.clip(v, 0, 1) * 255)}, truncating, returned as
     * uint8 steps k / 255 (which the runner's uint8 conversion maps back to k).
     */
    static float[] truncated(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = ((int) (clip01(v[i]) * 255)) / 255f;
        }
        return f;
    }

    /** {@link #truncated(double[])} for a float32 pipeline: the product with 255 is rounded to float32. */
    static float[] truncated(float[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < f.length; i++) {
            float x = v[i] < 0 ? 0f : (v[i] > 1 ? 1f : v[i]);
            f[i] = ((int) (x * 255f)) / 255f;
        }
        return f;
    }

    /** {@link CorruptionRunner#toUint8(float)} of every value. */
    static int[] toStoredUint8(float[] v) {
        int[] u = new int[v.length];
        for (int i = 0; i < u.length; i++) {
            u[i] = CorruptionRunner.toUint8(v[i]);
        }
        return u;
    }

    static int clampByte(int v) {
        return v < 0 ? 0 : (v > 255 ? 255 : v);
    }

    static double clip01(double v) {
        return v < 0 ? 0 : (v > 1 ? 1 : v);
    }

    /** Clips to [0, 1] and narrows to float. */
    static float[] toFloatClipped(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < f.length; i++) {
            double v = d[i];
            f[i] = (float) (v < 0 ? 0 : (v > 1 ? 1 : v));
        }
        return f;
    }

    /** k / 255f for k = 0..255 (a look-up is cheaper than a float division per value). */
    private static final float[] STEPS = new float[256];

    static {
        for (int k = 0; k < 256; k++) {
            STEPS[k] = k / 255f;
        }
    }

    static float[] fromUint8(int[] u) {
        float[] f = new float[u.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = STEPS[u[i] & 0xFF];
        }
        return f;
    }

    /** Repeats a one-channel image into three channels. */
    static float[] grayToRgb(float[] g) {
        float[] rgb = new float[g.length * 3];
        for (int i = 0; i < g.length; i++) {
            rgb[3 * i] = g[i];
            rgb[3 * i + 1] = g[i];
            rgb[3 * i + 2] = g[i];
        }
        return rgb;
    }

    /** ITU-R 601 luma of an RGB image (what OpenCV's RGB2GRAY computes). */
    static float[] rgbToGray(float[] rgb) {
        float[] g = new float[rgb.length / 3];
        for (int i = 0; i < g.length; i++) {
            double v = 0.299 * rgb[3 * i] + 0.587 * rgb[3 * i + 1] + 0.114 * rgb[3 * i + 2];
            g[i] = (float) clip01(v);
        }
        return g;
    }
}
