package org.lowfreq.tensorflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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

/** The shortcut's "subsample, then 1x1 convolution" equals TensorFlow's strided 1x1 convolution. */
class PointwiseConvTest {

    @Test
    void subsampledPointwiseConvolutionEqualsTheStridedOneForEvenAndOddSides() {
        for (int side : new int[] {8, 7}) {
            float[][] both = run(side, 5, 6);
            assertThat(both[0]).hasSize(2 * ((side + 1) / 2) * ((side + 1) / 2) * 6);
            assertThat(both[1]).containsExactly(both[0], org.assertj.core.data.Offset.offset(1e-6f));
        }
    }

    private static float[][] run(int side, int in, int out) {
        SplittableRandom rng = new SplittableRandom(side);
        float[] x = new float[2 * side * side * in];
        float[] k = new float[in * out];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        for (int i = 0; i < k.length; i++) {
            k[i] = (float) rng.nextGaussian();
        }
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Operand<TFloat32> input = tf.constant(Shape.of(2, side, side, in), DataBuffers.of(x, true, false));
            Operand<TFloat32> kernel = tf.constant(Shape.of(1, 1, in, out), DataBuffers.of(k, true, false));
            Operand<TFloat32> strided = tf.nn.conv2d(input, kernel, List.of(1L, 2L, 2L, 1L), "SAME");
            Operand<TFloat32> pointwise = tf.nn.conv2d(NetworkBuilder.subsample(tf, input, 2), kernel,
                    List.of(1L, 1L, 1L, 1L), "SAME");
            try (Result r = s.runner().fetch(strided).fetch(pointwise).run()) {
                return new float[][] {Tensors.floats(r.get(0)), Tensors.floats(r.get(1))};
            }
        }
    }
}
