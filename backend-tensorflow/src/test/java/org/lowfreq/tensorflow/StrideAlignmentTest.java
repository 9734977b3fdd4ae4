package org.lowfreq.tensorflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The two branches of a downsampling block must sample the same pixels: an impulse fed through
 * the main branch (3x3, stride 2) and through the shortcut (1x1 on every second pixel), each with a centred
 * delta kernel, must land on the same output pixel. With TensorFlow's SAME padding at stride 2
 * (0 before, 1 after) the main branch's response sits one pixel away from the shortcut's.
 */
class StrideAlignmentTest {
    private static final int SIZE = 8;

    @ParameterizedTest
    @CsvSource({"2, 2", "4, 6", "0, 0", "6, 4", "3, 5"})
    void mainBranchAndShortcutRespondOnTheSamePixel(int y, int x) {
        float[] image = new float[SIZE * SIZE];
        image[y * SIZE + x] = 1;
        float[] main = run(image, 3);
        float[] shortcut = run(image, 1);
        assertThat(argmax(main)).as("main branch vs shortcut for an impulse at (%d, %d)", y, x)
                .isEqualTo(argmax(shortcut));
        if (y % 2 == 0 && x % 2 == 0) {
            // an even pixel is sampled by both: a response of exactly 1 at (y/2, x/2)
            assertThat(main[(y / 2) * (SIZE / 2) + x / 2]).isEqualTo(1f);
            assertThat(shortcut[(y / 2) * (SIZE / 2) + x / 2]).isEqualTo(1f);
        } else {
            // an odd pixel lies between the samples of both branches alike
            assertThat(max(main)).isEqualTo(0f);
            assertThat(max(shortcut)).isEqualTo(0f);
        }
    }

    @ParameterizedTest
    @CsvSource({"8", "32", "112"})
    void theStemMaxPoolHalvesTheSizeAsPyTorchDoes(int size) {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Operand<TFloat32> x = tf.zeros(tf.constant(new int[] {1, size, size, 1}), TFloat32.class);
            try (Result r = s.runner().fetch(NetworkBuilder.maxPool3x3Stride2(tf, x)).run()) {
                // PyTorch: floor((size + 2 - 3) / 2) + 1
                assertThat(r.get(0).shape().asArray()).containsExactly(1, (size - 1) / 2 + 1, (size - 1) / 2 + 1, 1);
            }
        }
    }

    /** The 1-channel image through a k x k stride-2 convolution whose kernel is a centred delta. */
    private static float[] run(float[] image, int k) {
        float[] kernel = new float[k * k];
        kernel[(k / 2) * k + k / 2] = 1;
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Operand<TFloat32> x = tf.constant(Shape.of(1, SIZE, SIZE, 1), DataBuffers.of(image, true, false));
            Operand<TFloat32> w = tf.constant(Shape.of(k, k, 1, 1), DataBuffers.of(kernel, true, false));
            // as NetworkBuilder builds them: the main branch a strided k x k convolution, the 1x1
            // shortcut a subsample then a stride-1 convolution (pointwiseConv)
            Operand<TFloat32> y = k == 1 ? NetworkBuilder.convolve(tf, NetworkBuilder.subsample(tf, x, 2), w, 1, 1)
                    : NetworkBuilder.convolve(tf, x, w, k, 2);
            try (Result r = s.runner().fetch(y).run()) {
                assertThat(r.get(0).shape().asArray()).containsExactly(1, SIZE / 2, SIZE / 2, 1);
                return Tensors.floats((TFloat32) r.get(0));
            }
        }
    }

    private static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    private static float max(float[] v) {
        return v[argmax(v)];
    }
}
