package org.lowfreq.reference;

import java.util.EnumSet;
import java.util.Set;
import org.lowfreq.spi.Capability;
import org.lowfreq.spi.Classifier;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.Logits;
import org.lowfreq.spi.Loss;
import org.lowfreq.spi.LossGradient;
import org.lowfreq.spi.ModelCard;

/**
 * A pure-Java classifier on flattened [0, 1] pixels: either linear softmax ({@code z = W x + b})
 * or a one-hidden-layer MLP with tanh ({@code z = W2 tanh(W1 x + b1) + b2}). Its input gradients
 * are exact and analytic, so probe and attack tests have a closed-form model to check against.
 * Weights are row-major: {@code w1[h * inputs + d]}.
 */
public final class DenseClassifier implements Classifier {
    private final ModelCard card;
    private final DenseWeights weights;

    public DenseClassifier(ModelCard card, DenseWeights weights) {
        if (card.inputShape().size() != weights.inputs()) {
            throw new IllegalArgumentException("card input " + card.inputShape() + " vs " + weights.inputs() + " weights");
        }
        if (card.classCount() != weights.classes()) {
            throw new IllegalArgumentException("card has " + card.classCount() + " classes, weights " + weights.classes());
        }
        this.card = card;
        this.weights = weights;
    }

    /** A linear softmax classifier with the given weights (classes x pixels, row-major) for tests. */
    public static DenseClassifier linear(String name, ImageShape shape, int classes, float[] w, float[] b) {
        return new DenseClassifier(card(name, "linear", shape, classes), DenseWeights.linear(shape.size(), classes, w, b));
    }

    /** A card for a model built in code. */
    public static ModelCard card(String name, String arch, ImageShape shape, int classes) {
        return new ModelCard(name, "reference", arch, ReferenceModelProvider.NAME, shape,
                java.util.stream.IntStream.range(0, classes).mapToObj(c -> "class" + c).toList(), 0, 0, "synthetic",
                -1, Double.NaN, java.util.Map.of());
    }

    public DenseWeights weights() {
        return weights;
    }

    @Override
    public ModelCard card() {
        return card;
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.INPUT_GRADIENT, Capability.TRAINABLE);
    }

    @Override
    public Logits logits(Images images) {
        checkInput(images);
        int n = images.count();
        int k = weights.classes();
        float[] out = new float[n * k];
        double[] z = new double[k];
        double[] a = new double[Math.max(1, weights.hidden())];
        for (int i = 0; i < n; i++) {
            forward(images.pixels(), images.offset(i), a, z);
            for (int c = 0; c < k; c++) {
                out[i * k + c] = (float) z[c];
            }
        }
        return new Logits(n, k, out);
    }

    @Override
    public LossGradient lossGradient(Images images, int[] classes, Loss loss) {
        checkInput(images);
        if (classes.length != images.count()) {
            throw new IllegalArgumentException(classes.length + " classes for " + images.count() + " images");
        }
        int n = images.count();
        int d = weights.inputs();
        int k = weights.classes();
        int hidden = weights.hidden();
        float[] lossOut = new float[n];
        float[] grad = new float[n * d];
        double[] z = new double[k];
        double[] a = new double[Math.max(1, hidden)];
        double[] dz = new double[k];
        double[] dh = new double[Math.max(1, hidden)];
        for (int i = 0; i < n; i++) {
            int off = images.offset(i);
            forward(images.pixels(), off, a, z);
            lossOut[i] = (float) lossAndGradient(z, classes[i], loss, dz);
            if (hidden == 0) {
                backThrough(weights.w1(), dz, k, d, grad, i * d);
            } else {
                for (int h = 0; h < hidden; h++) {
                    double s = 0;
                    for (int c = 0; c < k; c++) {
                        s += weights.w2()[c * hidden + h] * dz[c];
                    }
                    dh[h] = s * (1 - a[h] * a[h]);
                }
                backThrough(weights.w1(), dh, hidden, d, grad, i * d);
            }
        }
        return new LossGradient(lossOut, grad);
    }

    /** Loss of logits z for class t, writing dLoss/dz into dz. */
    static double lossAndGradient(double[] z, int t, Loss loss, double[] dz) {
        int k = z.length;
        if (loss == Loss.CROSS_ENTROPY) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : z) {
                max = Math.max(max, v);
            }
            double sum = 0;
            for (double v : z) {
                sum += Math.exp(v - max);
            }
            double logSum = max + Math.log(sum);
            for (int c = 0; c < k; c++) {
                dz[c] = Math.exp(z[c] - logSum) - (c == t ? 1 : 0);
            }
            return logSum - z[t];
        }
        int best = -1;
        for (int c = 0; c < k; c++) {
            if (c != t && (best < 0 || z[c] > z[best])) {
                best = c;
            }
        }
        java.util.Arrays.fill(dz, 0);
        dz[best] = 1;
        dz[t] = -1;
        return z[best] - z[t];
    }

    private void forward(float[] x, int off, double[] a, double[] z) {
        int d = weights.inputs();
        int k = weights.classes();
        int hidden = weights.hidden();
        if (hidden == 0) {
            affine(weights.w1(), weights.b1(), x, off, d, k, z);
            return;
        }
        affine(weights.w1(), weights.b1(), x, off, d, hidden, a);
        for (int h = 0; h < hidden; h++) {
            a[h] = Math.tanh(a[h]);
        }
        for (int c = 0; c < k; c++) {
            double s = weights.b2()[c];
            for (int h = 0; h < hidden; h++) {
                s += weights.w2()[c * hidden + h] * a[h];
            }
            z[c] = s;
        }
    }

    private static void affine(float[] w, float[] b, float[] x, int off, int d, int rows, double[] out) {
        for (int r = 0; r < rows; r++) {
            double s = b[r];
            int wo = r * d;
            for (int j = 0; j < d; j++) {
                s += w[wo + j] * x[off + j];
            }
            out[r] = s;
        }
    }

    private static void backThrough(float[] w, double[] upstream, int rows, int d, float[] grad, int gOff) {
        for (int j = 0; j < d; j++) {
            double s = 0;
            for (int r = 0; r < rows; r++) {
                s += w[r * d + j] * upstream[r];
            }
            grad[gOff + j] = (float) s;
        }
    }

    @Override
    public void close() {
        // Nothing native to free.
    }
}
