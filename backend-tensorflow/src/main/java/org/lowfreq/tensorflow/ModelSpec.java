package org.lowfreq.tensorflow;

import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.UserInputException;

/**
 * The architecture of a network and its fixed in-graph preprocessing.
 *
 * @param arch       {@code resnet18} (32 px stem) or {@code resnet50} (224 px stem)
 * @param width      width multiplier: channels of the first stage (64 in the paper)
 * @param input      input image shape (1 or 3 channels)
 * @param classes    number of classes
 * @param mean       per-channel mean of the normalisation
 * @param std        per-channel standard deviation of the normalisation
 * @param blurSigma  sigma of the fixed Gaussian blur, 0 for none
 * @param pca        the fixed PCA projection, or null for none
 */
public record ModelSpec(String arch, int width, ImageShape input, int classes, float[] mean, float[] std,
                        double blurSigma, PcaProjection pca) {
    public ModelSpec {
        if (!arch.equals("resnet18") && !arch.equals("resnet50")) {
            throw new UserInputException("unknown architecture '" + arch + "'", "use resnet18 or resnet50");
        }
        if (width < 1) {
            throw new UserInputException("width must be at least 1, got " + width);
        }
        if (classes < 2) {
            throw new UserInputException("a classifier needs at least 2 classes, got " + classes);
        }
        if (mean.length != input.channels() || std.length != input.channels()) {
            throw new IllegalArgumentException("normalisation needs one mean and std per channel");
        }
        if (blurSigma < 0) {
            throw new UserInputException("blur sigma must be >= 0, got " + blurSigma);
        }
        if (blurSigma > 0) {
            int h = (int) Math.ceil(2.5 * blurSigma);
            if (h > Math.min(input.height(), input.width())) {
                throw new UserInputException("blur sigma " + blurSigma + " needs a kernel half-width of " + h
                        + " pixels, more than the " + input + " image", "use a smaller sigma");
            }
        }
        if (pca != null && pca.dimension() != input.size()) {
            throw new IllegalArgumentException("PCA of dimension " + pca.dimension() + " for images of " + input);
        }
    }

    public int pcaComponents() {
        return pca == null ? 0 : pca.components();
    }
}
