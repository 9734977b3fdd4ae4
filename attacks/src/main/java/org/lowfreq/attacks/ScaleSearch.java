package org.lowfreq.attacks;

import java.util.Arrays;
import org.lowfreq.spi.AdversarialExample;
import org.lowfreq.spi.Classifier;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.Norm;

/**
 * Shrinks successful perturbations along their own direction: binary search for the smallest
 * scale s in (0, 1] with {@code x + s delta} still successful (forward passes only). x + s delta
 * stays in [0, 1] because the box is convex. A cheap last polish after the gradient attacks; exact
 * on a linear model for a fixed direction.
 */
public final class ScaleSearch {
    private ScaleSearch() {
    }

    public static AdversarialExample[] shrink(Classifier model, Images inputs, int[] targets, AdversarialExample[] found,
                                              Norm norm, double minProbability, int iterations) {
        int n = inputs.count();
        int d = inputs.shape().size();
        float[] x0 = inputs.pixels();
        TargetCriterion criterion = new TargetCriterion(minProbability);
        double[] lo = new double[n];
        double[] hi = new double[n];
        Arrays.fill(hi, 1.0);
        AdversarialExample[] out = found.clone();
        for (int it = 0; it < iterations; it++) {
            float[] trial = x0.clone();
            double[] mid = new double[n];
            for (int i = 0; i < n; i++) {
                mid[i] = (lo[i] + hi[i]) / 2;
                if (found[i] != null && found[i].success()) {
                    for (int k = 0; k < d; k++) {
                        float delta = found[i].clipped()[k] - x0[i * d + k];
                        trial[i * d + k] = clamp(x0[i * d + k] + (float) (mid[i] * delta));
                    }
                }
            }
            TargetCriterion.Evaluation e = criterion.evaluate(model, inputs.withPixels(trial), targets);
            for (int i = 0; i < n; i++) {
                if (found[i] == null || !found[i].success()) {
                    continue;
                }
                if (e.success()[i]) {
                    hi[i] = mid[i];
                    float[] a = Arrays.copyOfRange(trial, i * d, i * d + d);
                    float[] delta = new float[d];
                    for (int k = 0; k < d; k++) {
                        delta[k] = a[k] - x0[i * d + k];
                    }
                    out[i] = new AdversarialExample(a, a.clone(), true, norm.of(delta, 0, d), e.targetProbability()[i]);
                } else {
                    lo[i] = mid[i];
                }
            }
        }
        return out;
    }

    private static float clamp(float v) {
        return Math.max(0f, Math.min(1f, v));
    }
}
