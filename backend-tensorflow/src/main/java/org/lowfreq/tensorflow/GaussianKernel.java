package org.lowfreq.tensorflow;

import org.lowfreq.spi.UserInputException;

/**
 * The fixed blur kernel of docs/METHODS.md section 5: half-width {@code h = ceil(2.5 sigma)},
 * {@code exp(-(x^2 + y^2) / (2 sigma^2))} on the integer grid [-h, h]^2, normalised to sum 1.
 * Plain Java so that the graph layer and the tests' reference blur share one definition of the
 * weights but not of the convolution.
 */
public record GaussianKernel(double sigma, int halfWidth, float[] weights) {

    /** The kernel for {@code sigma > 0}. */
    public static GaussianKernel of(double sigma) {
        if (!(sigma > 0) || !Double.isFinite(sigma)) {
            throw new UserInputException("blur sigma must be a positive number, got " + sigma,
                    "use --blur-sigma 0 for no blur");
        }
        int h = (int) Math.ceil(2.5 * sigma);
        int size = 2 * h + 1;
        double[] w = new double[size * size];
        double sum = 0;
        for (int y = -h; y <= h; y++) {
            for (int x = -h; x <= h; x++) {
                double v = Math.exp(-(x * x + y * y) / (2 * sigma * sigma));
                w[(y + h) * size + (x + h)] = v;
                sum += v;
            }
        }
        float[] out = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = (float) (w[i] / sum);
        }
        return new GaussianKernel(sigma, h, out);
    }

    public int size() {
        return 2 * halfWidth + 1;
    }

    /** Weight at offset (dy, dx), each in [-h, h]. */
    public float at(int dy, int dx) {
        return weights[(dy + halfWidth) * size() + (dx + halfWidth)];
    }
}
