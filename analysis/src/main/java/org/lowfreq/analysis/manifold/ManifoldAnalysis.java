package org.lowfreq.analysis.manifold;

import java.util.ArrayList;
import java.util.List;
import org.lowfreq.analysis.units.SpatialFrequency;
import org.lowfreq.spi.ProgressListener;
import org.lowfreq.spi.UserInputException;

/**
 * docs/METHODS.md section 8: principal components of a population's responses, and for each leading
 * component its linear receptive field (ridge regression of the component's scores on the stimulus
 * pixels, lambda by k-fold cross-validation) and its preferred spatial frequency in cycles/image and
 * cycles/degree.
 *
 * <p>The preferred frequency is read from the component's loading-weighted power spectrum of its
 * neurons' receptive fields, {@code sum_j v_jk^2 |RF_j(f)|^2} (each neuron's field by the same ridge
 * regression), not from the power spectrum of the component's own field {@code |sum_j v_jk RF_j(f)|^2}.
 * The own field is a coherent sum: fields at different positions add in phase more easily at low
 * frequencies (an offset d dephases frequency f by 2 pi f d), and PCA, which maximises the variance
 * and so the energy of that sum, picks combinations on the low side of the neurons' band. The own
 * field of PC1 of a population tuned to 2.7 cycles/image peaks at 2.3-2.6. The incoherent sum keeps
 * each neuron's tuning; {@link RadialSpectrum} then takes the centre of its ring of power.
 */
public final class ManifoldAnalysis {
    /** Grayscale stimuli, n x h x w row-major. */
    public record Stimuli(float[] pixels, int n, int h, int w) {
        /**
         * From an array of shape (n, h, w), (n, h, w, 1) or (n, h, w, 3); colour is reduced to
         * luminance {@code 0.299 R + 0.587 G + 0.114 B} (docs/METHODS.md 0).
         */
        public static Stimuli of(float[] data, int[] shape) {
            if (shape.length == 3) {
                return new Stimuli(data, shape[0], shape[1], shape[2]);
            }
            if (shape.length == 4 && (shape[3] == 1 || shape[3] == 3)) {
                int n = shape[0];
                int p = shape[1] * shape[2];
                if (shape[3] == 1) {
                    return new Stimuli(data, n, shape[1], shape[2]);
                }
                float[] g = new float[n * p];
                for (int i = 0; i < n * p; i++) {
                    g[i] = 0.299f * data[3 * i] + 0.587f * data[3 * i + 1] + 0.114f * data[3 * i + 2];
                }
                return new Stimuli(g, n, shape[1], shape[2]);
            }
            throw new UserInputException("stimuli have shape " + java.util.Arrays.toString(shape),
                    "expected (n, height, width), (n, height, width, 1) or (n, height, width, 3)");
        }
    }

    /**
     * One principal component's receptive field.
     *
     * @param index              0-based component
     * @param varianceExplained  fraction of the response variance
     * @param field              ridge weights, h x w row-major (the component's own receptive field)
     * @param spectrum           radial profile of the loading-weighted power of the neurons' fields
     * @param preferredCpi       preferred frequency, cycles/image
     * @param preferredCpd       preferred frequency, cycles/degree
     * @param lambda             ridge penalty chosen by cross-validation
     * @param cvR2               cross-validated R^2 of the scores from the pixels
     */
    public record ComponentField(int index, double varianceExplained, double[] field, RadialSpectrum spectrum,
                                 double preferredCpi, double preferredCpd, double lambda, double cvR2) {
    }

    /** Everything the analysis found. */
    public record Result(Pca pca, int h, int w, double fovDegrees, List<ComponentField> components) {
    }

    private ManifoldAnalysis() {
    }

    /**
     * @param responses  n x m row-major
     * @param components leading components to map (capped at min(n, m))
     * @param folds      k of the cross-validation
     */
    public static Result analyse(float[] responses, int n, int m, Stimuli stimuli, double fovDegrees, int components,
                                 int folds, long seed, ProgressListener progress) {
        if (stimuli.n() != n) {
            throw new UserInputException("responses have " + n + " rows (stimuli) but there are " + stimuli.n()
                    + " stimulus images", "row i of the responses must be the response to image i");
        }
        if (!(fovDegrees > 0)) {
            throw new UserInputException("field of view " + fovDegrees + " degrees is not positive",
                    "pass --fov-deg, the width of the images in degrees of visual angle (e.g. 67.5)");
        }
        progress.start("manifold", 3);
        Pca pca = Pca.of(responses, n, m);
        progress.advance(1);
        int k = Math.min(components, pca.r());
        // targets: the k component scores, then the m neurons (one SVD per fold serves all of them)
        int t = k + m;
        double[] y = new double[n * t];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                y[i * t + c] = pca.scores()[i * pca.r() + c];
            }
            for (int j = 0; j < m; j++) {
                y[i * t + k + j] = responses[i * m + j];
            }
        }
        int p = stimuli.h() * stimuli.w();
        double[] x = new double[n * p];
        for (int i = 0; i < x.length; i++) {
            x[i] = stimuli.pixels()[i];
        }
        RidgeRegression.Fit[] fits = RidgeRegression.fit(x, n, p, y, t, folds, seed);
        progress.advance(1);
        double[][] neuronPower = new double[m][];
        for (int j = 0; j < m; j++) {
            neuronPower[j] = RadialSpectrum.paddedPower(fits[k + j].weights(), stimuli.h(), stimuli.w());
        }
        List<ComponentField> out = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            double[] power = new double[neuronPower[0].length];
            for (int j = 0; j < m; j++) {
                double v = pca.loadings()[j * pca.r() + c];
                double v2 = v * v;
                double[] pj = neuronPower[j];
                for (int q = 0; q < power.length; q++) {
                    power[q] += v2 * pj[q];
                }
            }
            RadialSpectrum s = RadialSpectrum.ofPower(power, stimuli.h(), stimuli.w());
            out.add(new ComponentField(c, pca.explained()[c], fits[c].weights(), s, s.preferredCpi(),
                    SpatialFrequency.cyclesPerImageToCpd(s.preferredCpi(), fovDegrees), fits[c].lambda(), fits[c].cvR2()));
        }
        progress.advance(1);
        progress.finish();
        return new Result(pca, stimuli.h(), stimuli.w(), fovDegrees, out);
    }
}
