package org.lowfreq.attacks;

import java.util.SplittableRandom;
import org.lowfreq.reference.DenseClassifier;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.Logits;
import org.lowfreq.spi.Norm;

/**
 * A linear classifier and mid-grey images for which the minimal targeted perturbations are known
 * in closed form: to make the target's logit reach the label's, L2 needs
 * {@code margin / ||w_t - w_y||_2} and Linf {@code margin / ||w_t - w_y||_1} (no clipping binds).
 * A third class with a very low bias never competes.
 */
final class LinearKnownAnswer {
    static final ImageShape SHAPE = new ImageShape(8, 8, 3);
    final DenseClassifier model;
    final Images images;
    final int[] targets;
    final float[] w;
    final float[] b;

    LinearKnownAnswer(int count, long seed) {
        int d = SHAPE.size();
        int classes = 3;
        SplittableRandom r = new SplittableRandom(seed);
        w = new float[classes * d];
        for (int k = 0; k < w.length; k++) {
            w[k] = (float) r.nextGaussian();
        }
        // zero-sum weight rows: mirroring an image about mid-grey (0.5 + u -> 0.5 - u) then swaps the
        // two classes, so pairs of mirrored images give balanced labels (a derangement exists)
        for (int c = 0; c < 2; c++) {
            double mean = 0;
            for (int k = 0; k < d; k++) {
                mean += w[c * d + k];
            }
            mean /= d;
            for (int k = 0; k < d; k++) {
                w[c * d + k] -= (float) mean;
            }
        }
        b = new float[] {0f, 0f, -1000f};
        model = DenseClassifier.linear("linear-known-answer", SHAPE, classes, w, b);
        float[] px = new float[count * d];
        for (int i = 0; i < count; i += 2) {
            for (int k = 0; k < d; k++) {
                double u = 0.05 * (2 * r.nextDouble() - 1);
                px[i * d + k] = (float) (0.5 + u);
                if (i + 1 < count) {
                    px[(i + 1) * d + k] = (float) (0.5 - u);
                }
            }
        }
        Images unlabelled = new Images(count, SHAPE, px);
        Logits z = model.logits(unlabelled);
        int[] labels = new int[count];
        targets = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = z.get(i, 0) >= z.get(i, 1) ? 0 : 1;
            targets[i] = 1 - labels[i];
        }
        images = unlabelled.withLabels(labels);
    }

    /** The exact minimal norm for image i. */
    double minimal(Norm norm, int i) {
        int d = SHAPE.size();
        int y = images.labels()[i];
        int t = targets[i];
        double margin = b[y] - b[t];
        double l1 = 0;
        double l2 = 0;
        for (int k = 0; k < d; k++) {
            double dw = w[t * d + k] - w[y * d + k];
            margin -= dw * images.pixels()[i * d + k];
            l1 += Math.abs(dw);
            l2 += dw * dw;
        }
        return margin / (norm == Norm.LINF ? l1 : Math.sqrt(l2));
    }
}
