package org.lowfreq.tensorflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The network's per-channel normalisation (a diagonal 1x1 convolution plus a bias) is (x - mean) / std. */
class NormaliseTest {

    @Test
    void diagonalConvolutionPlusBiasIsTheChannelNormalisation() {
        float[] mean = {0.4914f, 0.4822f, 0.4465f};
        float[] std = {0.2470f, 0.2435f, 0.2616f};
        int n = 2, side = 5, c = 3;
        SplittableRandom rng = new SplittableRandom(7);
        float[] x = new float[n * side * side * c];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextDouble();
        }
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Operand<TFloat32> input = tf.constant(Shape.of(n, side, side, c), DataBuffers.of(x, true, false));
            try (Result r = s.runner().fetch(NetworkBuilder.normalise(tf, input, mean, std)).run()) {
                float[] y = Tensors.floats(r.get(0));
                assertThat(y).hasSize(x.length);
                for (int i = 0; i < x.length; i++) {
                    double want = (x[i] - (double) mean[i % c]) / std[i % c];
                    assertThat((double) y[i]).as("element %d", i).isCloseTo(want, within(1e-5));
                }
            }
        }
    }
}
