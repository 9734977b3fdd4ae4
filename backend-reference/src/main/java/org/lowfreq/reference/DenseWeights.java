package org.lowfreq.reference;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.SplittableRandom;
import org.lowfreq.spi.UserInputException;

/**
 * Weights of a {@link DenseClassifier}. {@code hidden == 0} means linear ({@code w1} is then
 * classes x inputs and {@code w2}, {@code b2} are empty).
 */
public record DenseWeights(int inputs, int hidden, int classes, float[] w1, float[] b1, float[] w2, float[] b2) {
    private static final int MAGIC = 0x4C465257; // "LFRW"

    public DenseWeights {
        int rows = hidden == 0 ? classes : hidden;
        if (w1.length != rows * inputs || b1.length != rows) {
            throw new IllegalArgumentException("first layer must be " + rows + " x " + inputs);
        }
        if (hidden > 0 && (w2.length != classes * hidden || b2.length != classes)) {
            throw new IllegalArgumentException("second layer must be " + classes + " x " + hidden);
        }
    }

    public static DenseWeights linear(int inputs, int classes, float[] w, float[] b) {
        return new DenseWeights(inputs, 0, classes, w, b, new float[0], new float[0]);
    }

    /** Small random weights (Glorot-uniform scale) from a seed. */
    public static DenseWeights random(int inputs, int hidden, int classes, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int rows = hidden == 0 ? classes : hidden;
        float[] w1 = uniform(r, rows * inputs, Math.sqrt(6.0 / (inputs + rows)));
        float[] w2 = hidden == 0 ? new float[0] : uniform(r, classes * hidden, Math.sqrt(6.0 / (hidden + classes)));
        return new DenseWeights(inputs, hidden, classes, w1, new float[rows], w2, new float[hidden == 0 ? 0 : classes]);
    }

    private static float[] uniform(SplittableRandom r, int n, double limit) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) ((r.nextDouble() * 2 - 1) * limit);
        }
        return a;
    }

    public void write(OutputStream out) throws IOException {
        DataOutputStream o = new DataOutputStream(out);
        o.writeInt(MAGIC);
        o.writeInt(inputs);
        o.writeInt(hidden);
        o.writeInt(classes);
        for (float[] a : new float[][] {w1, b1, w2, b2}) {
            for (float v : a) {
                o.writeFloat(v);
            }
        }
        o.flush();
    }

    public static DenseWeights read(InputStream in, String name) throws IOException {
        DataInputStream i = new DataInputStream(in);
        try {
            if (i.readInt() != MAGIC) {
                throw new UserInputException(name + " is not a lowfreq reference weights file");
            }
            int inputs = i.readInt();
            int hidden = i.readInt();
            int classes = i.readInt();
            if (inputs <= 0 || hidden < 0 || classes < 2 || (long) inputs * Math.max(hidden, classes) > 100_000_000L) {
                throw new UserInputException(name + " has an implausible header: " + inputs + " inputs, " + hidden
                        + " hidden, " + classes + " classes");
            }
            int rows = hidden == 0 ? classes : hidden;
            float[] w1 = readFloats(i, rows * inputs);
            float[] b1 = readFloats(i, rows);
            float[] w2 = readFloats(i, hidden == 0 ? 0 : classes * hidden);
            float[] b2 = readFloats(i, hidden == 0 ? 0 : classes);
            if (i.read() != -1) {
                throw new UserInputException(name + " has trailing bytes after the weights");
            }
            return new DenseWeights(inputs, hidden, classes, w1, b1, w2, b2);
        } catch (EOFException e) {
            throw new UserInputException(name + " is truncated", "retrain or copy the model again");
        }
    }

    private static float[] readFloats(DataInputStream in, int n) throws IOException {
        float[] a = new float[n];
        for (int k = 0; k < n; k++) {
            a[k] = in.readFloat();
            if (!Float.isFinite(a[k])) {
                throw new UserInputException("weights contain a non-finite value (" + a[k] + ")");
            }
        }
        return a;
    }
}
