package org.lowfreq.tensorflow;

import org.lowfreq.spi.Images;
import org.lowfreq.spi.UserInputException;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.op.linalg.SelfAdjointEig;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

/**
 * Fits the top-k principal components of flattened training images once. The covariance
 * (a D x D matrix product over the images) and its eigendecomposition run in TensorFlow, which
 * is far faster than plain Java for D = 3072; the eigendecomposition runs in double precision.
 */
final class PcaFitter {
    private PcaFitter() {
    }

    static PcaProjection fit(Images images, int k) {
        int d = images.shape().size();
        int n = images.count();
        if (k < 1 || k > d) {
            throw new UserInputException("PCA k must be in 1.." + d + " for images of " + images.shape() + ", got " + k);
        }
        if (n < 2) {
            throw new UserInputException("PCA needs at least 2 training images");
        }
        float[] px = images.pixels();
        double[] meanD = new double[d];
        for (int i = 0; i < n; i++) {
            int o = i * d;
            for (int j = 0; j < d; j++) {
                meanD[j] += px[o + j];
            }
        }
        float[] mean = new float[d];
        for (int j = 0; j < d; j++) {
            mean[j] = (float) (meanD[j] / n);
        }
        float[] basis = new float[d * k];
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Operand<TFloat32> x = tf.constant(Shape.of(n, d), DataBuffers.of(px, true, false));
            Operand<TFloat32> centred = tf.math.sub(x, tf.constant(mean));
            Operand<TFloat32> cov = tf.math.div(tf.linalg.matMul(centred, centred, MatMul.transposeA(true)),
                    tf.constant((float) (n - 1)));
            SelfAdjointEig<TFloat64> eig = tf.linalg.selfAdjointEig(tf.dtypes.cast(cov, TFloat64.class),
                    SelfAdjointEig.computeV(true));
            try (Result r = s.runner().fetch(eig.v()).run()) {
                TFloat64 v = (TFloat64) r.get(0);
                // eigenvalues ascend: the last k columns are the top components, largest first
                for (int j = 0; j < k; j++) {
                    long col = d - 1 - j;
                    for (int row = 0; row < d; row++) {
                        basis[row * k + j] = (float) v.getDouble(row, col);
                    }
                }
            }
        }
        return new PcaProjection(d, k, mean, basis);
    }
}
