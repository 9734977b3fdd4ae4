package org.lowfreq.tensorflow;

/**
 * A frozen projection of flattened HWC images onto their top-k principal components:
 * {@code x' = mean + (x - mean) V V^T} with {@code V} the D x k matrix of orthonormal components
 * (row-major, {@code basis[d * k + j]}).
 */
public record PcaProjection(int dimension, int components, float[] mean, float[] basis) {
    public PcaProjection {
        if (mean.length != dimension || basis.length != (long) dimension * components) {
            throw new IllegalArgumentException("PCA arrays do not match " + dimension + " x " + components);
        }
    }

    /** The projection of one flattened image, in plain Java (for tests and checks). */
    public float[] project(float[] x) {
        double[] coeff = new double[components];
        for (int d = 0; d < dimension; d++) {
            double c = x[d] - mean[d];
            int o = d * components;
            for (int j = 0; j < components; j++) {
                coeff[j] += c * basis[o + j];
            }
        }
        float[] out = new float[dimension];
        for (int d = 0; d < dimension; d++) {
            double s = mean[d];
            int o = d * components;
            for (int j = 0; j < components; j++) {
                s += coeff[j] * basis[o + j];
            }
            out[d] = (float) s;
        }
        return out;
    }
}
