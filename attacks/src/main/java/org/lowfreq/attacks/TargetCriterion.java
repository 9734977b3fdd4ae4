package org.lowfreq.attacks;

import org.lowfreq.spi.Classifier;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.Logits;
import org.lowfreq.spi.Loss;
import org.lowfreq.spi.LossGradient;

/**
 * The success criterion of docs/METHODS.md 3 (argmax = target and softmax(target) >= minProb) and a
 * smooth boundary function {@code g} that is negative where it holds, for attacks that need to
 * know how far they are from success:
 * <ul>
 *   <li>minProb >= 0.5: {@code g = CE + log(minProb)}, i.e. {@code log(minProb) - log p_t}; p_t >= 0.5
 *       already makes t the argmax, so this alone is the criterion;</li>
 *   <li>minProb = 0: {@code g = max_{j != t} z_j - z_t} (the logit margin);</li>
 *   <li>in between: the larger of the two (both must hold).</li>
 * </ul>
 */
public final class TargetCriterion {
    private final double minProbability;
    private final double logMin;

    public TargetCriterion(double minProbability) {
        this.minProbability = minProbability;
        this.logMin = minProbability > 0 ? Math.log(minProbability) : Double.NEGATIVE_INFINITY;
    }

    public double minProbability() {
        return minProbability;
    }

    /** Exact success, target probability and g per image. */
    public record Evaluation(boolean[] success, double[] targetProbability, double[] boundary) {
    }

    public Evaluation evaluate(Classifier model, Images x, int[] targets) {
        Logits z = model.logits(x);
        float[] p = z.probabilities();
        int n = x.count();
        int k = z.classes();
        boolean[] ok = new boolean[n];
        double[] pt = new double[n];
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            int t = targets[i];
            pt[i] = p[i * k + t];
            ok[i] = z.argmax(i) == t && pt[i] >= minProbability;
            g[i] = boundary(z, i, t);
        }
        return new Evaluation(ok, pt, g);
    }

    private double boundary(Logits z, int i, int t) {
        double margin = Double.NEGATIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < z.classes(); c++) {
            max = Math.max(max, z.get(i, c));
            if (c != t) {
                margin = Math.max(margin, z.get(i, c));
            }
        }
        margin -= z.get(i, t);
        double sum = 0;
        for (int c = 0; c < z.classes(); c++) {
            sum += Math.exp(z.get(i, c) - max);
        }
        double ce = max + Math.log(sum) - z.get(i, t);
        return combine(margin, ce);
    }

    private double combine(double margin, double ce) {
        if (minProbability >= 0.5) {
            return ce + logMin;
        }
        if (minProbability <= 0) {
            return margin;
        }
        return Math.max(margin, ce + logMin);
    }

    /** g per image and its gradient with respect to the input pixels. */
    public LossGradient boundaryGradient(Classifier model, Images x, int[] targets) {
        if (minProbability >= 0.5) {
            LossGradient ce = model.lossGradient(x, targets, Loss.CROSS_ENTROPY);
            float[] g = ce.loss().clone();
            for (int i = 0; i < g.length; i++) {
                g[i] = (float) (g[i] + logMin);
            }
            return new LossGradient(g, ce.gradient());
        }
        if (minProbability <= 0) {
            return model.lossGradient(x, targets, Loss.LOGIT_MARGIN);
        }
        // both terms: take per image the gradient of the larger one (one call per loss)
        LossGradient margin = model.lossGradient(x, targets, Loss.LOGIT_MARGIN);
        LossGradient ce = model.lossGradient(x, targets, Loss.CROSS_ENTROPY);
        int n = x.count();
        int d = x.shape().size();
        float[] g = new float[n];
        float[] grad = new float[n * d];
        for (int i = 0; i < n; i++) {
            double cePart = ce.loss()[i] + logMin;
            boolean useCe = cePart > margin.loss()[i];
            g[i] = (float) (useCe ? cePart : margin.loss()[i]);
            System.arraycopy(useCe ? ce.gradient() : margin.gradient(), i * d, grad, i * d, d);
        }
        return new LossGradient(g, grad);
    }
}
