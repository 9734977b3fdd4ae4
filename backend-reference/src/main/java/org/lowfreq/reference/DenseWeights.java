package org.lowfreq.reference;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.lowfreq.spi.UserInputException;

/**
 * Weights of a {@link DenseClassifier}. {@code hidden == 0} means linear ({@code w1} is then
 * classes x inputs and {@code w2}, {@code b2} are empty).
 *
 * <p>File format, big-endian: magic {@code "LFR2"}, inputs, hidden, classes, the floats of w1, b1,
 * w2, b2, then the CRC32C of every byte before it (as TensorFlow's checkpoints carry one per
 * tensor), so a flipped byte is refused rather than loaded as other weights. Files written before
 * the checksum (magic {@code "LFRW"}, no trailer) are still read, with a warning.
 */
public record DenseWeights(int inputs, int hidden, int classes, float[] w1, float[] b1, float[] w2, float[] b2) {
    /** Files without a checksum (before it was added). */
    private static final int MAGIC_UNCHECKED = 0x4C465257; // "LFRW"
    private static final int MAGIC = 0x4C465232; // "LFR2"

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
        CRC32C crc = new CRC32C();
        DataOutputStream o = new DataOutputStream(new CheckedOutputStream(out, crc));
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
        new DataOutputStream(out).writeInt((int) crc.getValue());
        out.flush();
    }

    /**
     * Reads a weights file, refusing (naming {@code name}) a damaged, truncated or implausible one.
     *
     * @param warnings receives one line when the file predates the checksum and so cannot be verified
     */
    public static DenseWeights read(InputStream in, String name, Consumer<String> warnings) throws IOException {
        CRC32C crc = new CRC32C();
        DataInputStream i = new DataInputStream(new CheckedInputStream(in, crc));
        try {
            int magic = i.readInt();
            if (magic != MAGIC && magic != MAGIC_UNCHECKED) {
                throw new UserInputException(name + " is not a lowfreq reference weights file");
            }
            int inputs = i.readInt();
            int hidden = i.readInt();
            int classes = i.readInt();
            if (inputs <= 0 || hidden < 0 || classes < 2 || (long) inputs * Math.max(hidden, classes) > 100_000_000L) {
                throw new UserInputException(name + " has an implausible header: " + inputs + " inputs, " + hidden
                        + " hidden, " + classes + " classes", "retrain or copy the model again");
            }
            int rows = hidden == 0 ? classes : hidden;
            float[] w1 = readFloats(i, rows * inputs);
            float[] b1 = readFloats(i, rows);
            float[] w2 = readFloats(i, hidden == 0 ? 0 : classes * hidden);
            float[] b2 = readFloats(i, hidden == 0 ? 0 : classes);
            if (magic == MAGIC) {
                int computed = (int) crc.getValue();
                int stored = new DataInputStream(in).readInt();
                if (stored != computed) {
                    throw new UserInputException(name + " is damaged: its CRC32C checksum does not match its contents",
                            "retrain or copy the model again");
                }
            } else {
                warnings.accept(name + " has no checksum (written before lowfreq added one): its weights are "
                        + "loaded unverified");
            }
            if (in.read() != -1) {
                throw new UserInputException(name + " has trailing bytes after the weights",
                        "retrain or copy the model again");
            }
            for (float[] a : new float[][] {w1, b1, w2, b2}) {
                for (float v : a) {
                    if (!Float.isFinite(v)) {
                        throw new UserInputException(name + ": the weights contain a non-finite value (" + v + ")",
                                "retrain the model");
                    }
                }
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
        }
        return a;
    }
}
