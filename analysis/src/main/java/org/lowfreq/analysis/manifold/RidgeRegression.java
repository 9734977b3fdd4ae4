package org.lowfreq.analysis.manifold;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.lowfreq.spi.Seeds;

/**
 * Ridge regression {@code w = argmin |y - X w|^2 + lambda |w|^2} of several targets on the same
 * design (e.g. PCA scores on stimulus pixels), with lambda chosen per target by k-fold
 * cross-validation. X and y are centred with the training means (no penalised intercept). Solved
 * through the thin SVD of X (EJML), so one decomposition per fold serves every lambda and target.
 * The lambda grid is {@code s_max^2 * 10^e} for e from -6 to 1 in half decades, s_max the largest
 * singular value of the centred X: scale-free, so the same grid suits pixels in [0, 1] or z-scores.
 */
public final class RidgeRegression {
    /**
     * A fitted target.
     *
     * @param weights  p coefficients (e.g. one per pixel: the receptive field)
     * @param lambda   the chosen penalty
     * @param cvR2     cross-validated R^2 at that penalty (pooled over folds)
     */
    public record Fit(double[] weights, double lambda, double cvR2) {
    }

    private RidgeRegression() {
    }

    public static double[] lambdaExponents() {
        double[] e = new double[15];
        for (int i = 0; i < e.length; i++) {
            e[i] = -6 + 0.5 * i;
        }
        return e;
    }

    /**
     * Fits every column of {@code y} (n x k row-major) on {@code x} (n x p row-major).
     *
     * @param folds k of k-fold cross-validation (2..n)
     * @param seed  seed of the random assignment of rows to folds
     */
    public static Fit[] fit(double[] x, int n, int p, double[] y, int k, int folds, long seed) {
        if ((long) n * p != x.length || (long) n * k != y.length) {
            throw new IllegalArgumentException("x or y does not have n = " + n + " rows");
        }
        if (folds < 2 || folds > n) {
            throw new IllegalArgumentException("folds must be in [2, " + n + "], got " + folds);
        }
        int[] fold = foldAssignment(n, folds, seed);
        int[][] trainRows = new int[folds][];
        for (int f = 0; f < folds; f++) {
            int fi = f;
            trainRows[f] = java.util.stream.IntStream.range(0, n).filter(i -> fold[i] != fi).toArray();
        }
        // the decompositions (each fold's and the full one) are independent and dominate the cost:
        // run them side by side; everything after them is summed in fold order, so the result does
        // not depend on the thread count
        Svd[] svds = java.util.stream.IntStream.rangeClosed(0, folds).parallel()
                .mapToObj(f -> Svd.of(x, p, f == folds ? all(n) : trainRows[f])).toArray(Svd[]::new);
        Svd full = svds[folds];
        double sMax2 = full.s[0] * full.s[0];
        double[] exps = lambdaExponents();
        double[] lambdas = Arrays.stream(exps).map(e -> sMax2 * Math.pow(10, e)).toArray();
        double[][] sse = new double[k][lambdas.length];
        double[] sst = new double[k];
        for (int f = 0; f < folds; f++) {
            int fi = f;
            int[] train = trainRows[f];
            int[] test = java.util.stream.IntStream.range(0, n).filter(i -> fold[i] == fi).toArray();
            Svd svd = svds[f];
            double[] yMean = columnMeans(y, k, train);
            DMatrixRMaj uty = svd.uTransposeTimes(y, k, train, yMean);
            DMatrixRMaj xtv = svd.project(x, p, test); // test rows, centred with the train means, times V
            for (int li = 0; li < lambdas.length; li++) {
                double lambda = lambdas[li];
                DMatrixRMaj coef = new DMatrixRMaj(svd.r, k);
                for (int a = 0; a < svd.r; a++) {
                    double s = svd.s[a];
                    double d = s / (s * s + lambda);
                    for (int t = 0; t < k; t++) {
                        coef.set(a, t, d * uty.get(a, t));
                    }
                }
                DMatrixRMaj pred = new DMatrixRMaj(test.length, k);
                CommonOps_DDRM.mult(xtv, coef, pred);
                for (int ti = 0; ti < test.length; ti++) {
                    for (int t = 0; t < k; t++) {
                        double e = y[test[ti] * k + t] - yMean[t] - pred.get(ti, t);
                        sse[t][li] += e * e;
                    }
                }
            }
            for (int ti : test) {
                for (int t = 0; t < k; t++) {
                    double e = y[ti * k + t] - yMean[t];
                    sst[t] += e * e;
                }
            }
        }
        double[] yMeanAll = columnMeans(y, k, all(n));
        DMatrixRMaj uty = full.uTransposeTimes(y, k, all(n), yMeanAll);
        Fit[] out = new Fit[k];
        for (int t = 0; t < k; t++) {
            int best = 0;
            for (int li = 1; li < lambdas.length; li++) {
                if (sse[t][li] < sse[t][best]) {
                    best = li;
                }
            }
            double lambda = lambdas[best];
            double[] w = new double[p];
            for (int a = 0; a < full.r; a++) {
                double s = full.s[a];
                double c = s / (s * s + lambda) * uty.get(a, t);
                for (int j = 0; j < p; j++) {
                    w[j] += full.v.get(j, a) * c;
                }
            }
            out[t] = new Fit(w, lambda, sst[t] > 0 ? 1 - sse[t][best] / sst[t] : Double.NaN);
        }
        return out;
    }

    private static int[] all(int n) {
        return java.util.stream.IntStream.range(0, n).toArray();
    }

    /** Balanced random folds: a seeded shuffle of 0..n-1 dealt round-robin. */
    static int[] foldAssignment(int n, int folds, long seed) {
        int[] perm = all(n);
        SplittableRandom rng = Seeds.random(seed, "ridge-folds");
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        int[] fold = new int[n];
        for (int i = 0; i < n; i++) {
            fold[perm[i]] = i % folds;
        }
        return fold;
    }

    private static double[] columnMeans(double[] y, int k, int[] rows) {
        double[] m = new double[k];
        for (int i : rows) {
            for (int t = 0; t < k; t++) {
                m[t] += y[i * k + t];
            }
        }
        for (int t = 0; t < k; t++) {
            m[t] /= rows.length;
        }
        return m;
    }

    /** Thin SVD of the rows {@code rows} of x, centred by their column means. */
    private static final class Svd {
        final double[] s;
        final DMatrixRMaj u;
        final DMatrixRMaj v;
        final double[] xMean;
        final int r;

        private Svd(double[] s, DMatrixRMaj u, DMatrixRMaj v, double[] xMean) {
            this.s = s;
            this.u = u;
            this.v = v;
            this.xMean = xMean;
            this.r = s.length;
        }

        static Svd of(double[] x, int p, int[] rows) {
            double[] mean = new double[p];
            for (int i : rows) {
                for (int j = 0; j < p; j++) {
                    mean[j] += x[i * p + j];
                }
            }
            for (int j = 0; j < p; j++) {
                mean[j] /= rows.length;
            }
            DMatrixRMaj a = new DMatrixRMaj(rows.length, p);
            for (int ri = 0; ri < rows.length; ri++) {
                int i = rows[ri];
                for (int j = 0; j < p; j++) {
                    a.data[ri * p + j] = x[i * p + j] - mean[j];
                }
            }
            SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(rows.length, p, true, true, true);
            if (!svd.decompose(a)) {
                throw new IllegalStateException("the SVD of the stimulus matrix did not converge");
            }
            DMatrixRMaj u = svd.getU(null, false);
            DMatrixRMaj w = svd.getW(null);
            DMatrixRMaj v = svd.getV(null, false);
            SingularOps_DDRM.descendingOrder(u, false, w, v, false);
            int r = Math.min(rows.length, p);
            double[] s = new double[r];
            for (int a2 = 0; a2 < r; a2++) {
                s[a2] = w.get(a2, a2);
            }
            return new Svd(s, u, v, mean);
        }

        /** U^T (y - mean) over the decomposed rows: r x k. */
        DMatrixRMaj uTransposeTimes(double[] y, int k, int[] rows, double[] yMean) {
            DMatrixRMaj out = new DMatrixRMaj(r, k);
            for (int ri = 0; ri < rows.length; ri++) {
                int i = rows[ri];
                for (int a = 0; a < r; a++) {
                    double uv = u.get(ri, a);
                    for (int t = 0; t < k; t++) {
                        out.data[a * k + t] += uv * (y[i * k + t] - yMean[t]);
                    }
                }
            }
            return out;
        }

        /** (x[rows] - mean) V: rows x r. */
        DMatrixRMaj project(double[] x, int p, int[] rows) {
            DMatrixRMaj xc = new DMatrixRMaj(rows.length, p);
            for (int ri = 0; ri < rows.length; ri++) {
                for (int j = 0; j < p; j++) {
                    xc.data[ri * p + j] = x[rows[ri] * p + j] - xMean[j];
                }
            }
            DMatrixRMaj out = new DMatrixRMaj(rows.length, r);
            CommonOps_DDRM.mult(xc, v, out);
            return out;
        }
    }
}
