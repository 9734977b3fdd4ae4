package org.lowfreq.spi;

/** Row-major logits of a batch: {@code values[i * classes + k]}. */
public record Logits(int count, int classes, float[] values) {
    public Logits {
        if ((long) count * classes != values.length) {
            throw new IllegalArgumentException(values.length + " logits for " + count + " x " + classes);
        }
    }

    public float get(int i, int k) {
        return values[i * classes + k];
    }

    /** Index of the largest logit of image i (the lowest index on ties). */
    public int argmax(int i) {
        int best = 0;
        float bestValue = values[i * classes];
        for (int k = 1; k < classes; k++) {
            float v = values[i * classes + k];
            if (v > bestValue) {
                bestValue = v;
                best = k;
            }
        }
        return best;
    }

    public int[] argmax() {
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = argmax(i);
        }
        return out;
    }

    /** Softmax probabilities, computed stably in double precision. */
    public float[] probabilities() {
        float[] p = new float[values.length];
        for (int i = 0; i < count; i++) {
            int o = i * classes;
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) {
                max = Math.max(max, values[o + k]);
            }
            double sum = 0;
            for (int k = 0; k < classes; k++) {
                sum += Math.exp(values[o + k] - max);
            }
            for (int k = 0; k < classes; k++) {
                p[o + k] = (float) (Math.exp(values[o + k] - max) / sum);
            }
        }
        return p;
    }
}
