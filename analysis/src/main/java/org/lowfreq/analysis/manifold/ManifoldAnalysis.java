package org.lowfreq.analysis.manifold;

import java.util.ArrayList;
import java.util.List;
import org.lowfreq.analysis.units.SpatialFrequency;
import org.lowfreq.spi.ProgressListener;
import org.lowfreq.spi.UserInputException;

/**
 * METHODS.md section 8: principal components of a population's responses, and for each leading
 * component its linear receptive field (ridge regression of the component's scores on the stimulus
 * pixels, lambda by k-fold cross-validation), the field's radial power spectrum and its preferred
 * spatial frequency in cycles/image and cycles/degree.
 */
public final class ManifoldAnalysis {
    /** Grayscale stimuli, n x h x w row-major. */
    public record Stimuli(float[] pixels, int n, int h, int w) {
        /**
         * From an array of shape (n, h, w), (n, h, w, 1) or (n, h, w, 3); colour is reduced to
         * luminance {@code 0.299 R + 0.587 G + 0.114 B} (METHODS.md 0).
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
     * @param field              ridge weights, h x w row-major
     * @param spectrum           radial power spectrum of the field
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
        double[] y = new double[n * k];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                y[i * k + c] = pca.scores()[i * pca.r() + c];
            }
        }
        int p = stimuli.h() * stimuli.w();
        double[] x = new double[n * p];
        for (int i = 0; i < x.length; i++) {
            x[i] = stimuli.pixels()[i];
        }
        RidgeRegression.Fit[] fits = RidgeRegression.fit(x, n, p, y, k, folds, seed);
        progress.advance(1);
        List<ComponentField> out = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            RadialSpectrum s = RadialSpectrum.of(fits[c].weights(), stimuli.h(), stimuli.w());
            out.add(new ComponentField(c, pca.explained()[c], fits[c].weights(), s, s.preferredCpi(),
                    SpatialFrequency.cyclesPerImageToCpd(s.preferredCpi(), fovDegrees), fits[c].lambda(), fits[c].cvR2()));
        }
        progress.advance(1);
        progress.finish();
        return new Result(pca, stimuli.h(), stimuli.w(), fovDegrees, out);
    }
}
