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

    /**
     * Both forms the network uses (strided kernel at 16 or more input channels, subsample below),
     * with their gradients, against the closed form out[n,i,j,o] = sum_c x[n,2i,2j,c] k[c,o].
     */
    @Test
    void networkPointwiseConvolutionMatchesTheClosedFormOnBothSidesOfTheChannelBlock() {
        for (int in : new int[] {NetworkBuilder.ONEDNN_CHANNEL_BLOCK - 1, NetworkBuilder.ONEDNN_CHANNEL_BLOCK}) {
            int n = 2, side = 8, out = 3, half = side / 2;
            SplittableRandom rng = new SplittableRandom(in);
            float[] x = new float[n * side * side * in];
            float[] k = new float[in * out];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) rng.nextGaussian();
            }
            for (int i = 0; i < k.length; i++) {
                k[i] = (float) rng.nextGaussian();
            }
            float[] expected = new float[n * half * half * out];
            for (int b = 0; b < n; b++) {
                for (int i = 0; i < half; i++) {
                    for (int j = 0; j < half; j++) {
                        for (int o = 0; o < out; o++) {
                            double sum = 0;
                            for (int c = 0; c < in; c++) {
                                sum += x[((b * side + 2 * i) * side + 2 * j) * in + c] * k[c * out + o];
                            }
                            expected[((b * half + i) * half + j) * out + o] = (float) sum;
                        }
                    }
                }
            }
            try (Graph g = new Graph(); Session s = new Session(g)) {
                Ops tf = Ops.create(g);
                Operand<TFloat32> input = tf.constant(Shape.of(n, side, side, in), DataBuffers.of(x, true, false));
                Operand<TFloat32> kernel = tf.constant(Shape.of(1, 1, in, out), DataBuffers.of(k, true, false));
                Operand<TFloat32> y = NetworkBuilder.pointwise(tf, input, kernel, 2);
                // d sum(y) / dx: sum_o k[c,o] at the kept pixels, 0 elsewhere
                Operand<?> dx = tf.gradients(List.of(tf.reduceSum(y, tf.constant(new int[] {0, 1, 2, 3}))),
                        List.of(input)).dy(0);
                try (Result r = s.runner().fetch(y).fetch(dx).run()) {
                    assertThat(Tensors.floats(r.get(0))).as("%d channels", in)
                            .containsExactly(expected, org.assertj.core.data.Offset.offset(1e-4f));
                    float[] grad = Tensors.floats(r.get(1));
                    for (int b = 0; b < n; b++) {
                        for (int i = 0; i < side; i++) {
                            for (int j = 0; j < side; j++) {
                                for (int c = 0; c < in; c++) {
                                    double want = 0;
                                    if (i % 2 == 0 && j % 2 == 0) {
                                        for (int o = 0; o < out; o++) {
                                            want += k[c * out + o];
                                        }
                                    }
                                    assertThat(grad[((b * side + i) * side + j) * in + c]).as("%d channels", in)
                                            .isCloseTo((float) want, org.assertj.core.data.Offset.offset(1e-4f));
                                }
                            }
                        }
                    }
                }
            }
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
