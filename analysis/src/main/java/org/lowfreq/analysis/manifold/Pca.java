package org.lowfreq.analysis.manifold;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Principal components of a response matrix (stimuli x neurons), by a thin SVD of the centred
 * matrix (EJML): {@code R_c = U S V^T}, component variances {@code s_i^2 / (n - 1)}, scores
 * {@code U S}. Signs are fixed so each loading vector sums to a non-negative value, which makes
 * results reproducible across runs and libraries.
 *
 * @param variances           variance of each component, descending
 * @param explained           fraction of total variance per component
 * @param participationRatio  {@code (sum v)^2 / sum v^2}: the effective number of dimensions
 * @param scores              n x r row-major: component scores per stimulus
 * @param loadings            m x r row-major: neuron weights per component
 * @param n                   stimuli
 * @param m                   neurons
 * @param r                   components kept (min(n, m))
 */
public record Pca(double[] variances, double[] explained, double participationRatio, double[] scores, double[] loadings,
                  int n, int m, int r) {

    /** PCA of a row-major n x m matrix. */
    public static Pca of(float[] responses, int n, int m) {
        if ((long) n * m != responses.length) {
            throw new IllegalArgumentException("responses hold " + responses.length + " values, not " + n + " x " + m);
        }
        if (n < 2 || m < 1) {
            throw new IllegalArgumentException("PCA needs at least 2 stimuli and 1 neuron, got " + n + " x " + m);
        }
        DMatrixRMaj a = new DMatrixRMaj(n, m);
        for (int j = 0; j < m; j++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += responses[i * m + j];
            }
            mean /= n;
            for (int i = 0; i < n; i++) {
                a.set(i, j, responses[i * m + j] - mean);
            }
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(n, m, true, true, true);
        if (!svd.decompose(a)) {
            throw new IllegalStateException("the SVD of the response matrix did not converge");
        }
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj w = svd.getW(null);
        DMatrixRMaj v = svd.getV(null, false);
        SingularOps_DDRM.descendingOrder(u, false, w, v, false);
        int r = Math.min(n, m);
        double[] var = new double[r];
        double total = 0;
        double sumSq = 0;
        for (int k = 0; k < r; k++) {
            double s = w.get(k, k);
            var[k] = s * s / (n - 1);
            total += var[k];
            sumSq += var[k] * var[k];
        }
        double[] explained = new double[r];
        for (int k = 0; k < r; k++) {
            explained[k] = total > 0 ? var[k] / total : 0;
        }
        double[] scores = new double[n * r];
        double[] loadings = new double[m * r];
        for (int k = 0; k < r; k++) {
            double sum = 0;
            for (int j = 0; j < m; j++) {
                sum += v.get(j, k);
            }
            double sign = sum < 0 ? -1 : 1;
            double s = w.get(k, k);
            for (int i = 0; i < n; i++) {
                scores[i * r + k] = sign * u.get(i, k) * s;
            }
            for (int j = 0; j < m; j++) {
                loadings[j * r + k] = sign * v.get(j, k);
            }
        }
        double pr = sumSq > 0 ? total * total / sumSq : Double.NaN;
        return new Pca(var, explained, pr, scores, loadings, n, m, r);
    }

    /** Scores of component k, one per stimulus. */
    public double[] score(int k) {
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = scores[i * r + k];
        }
        return s;
    }
}
