package org.lowfreq.tensorflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.lowfreq.spi.ImageShape;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The inference network folds batch norm into its convolutions (kernel * scale, bias shift). With
 * batch-norm statistics far from their initial 1/0 (scales 0.5-1.5, shifts and means +-0.5,
 * variances 0.01-2, so that epsilon and every term matter), its logits and input gradients equal
 * those of the unfolded network (convolution, then {@code FusedBatchNormV3} on the running
 * statistics) over the same variables to 1e-5 of the largest value.
 */
class BatchNormFoldingTest {

    @Test
    void foldedResNet18EqualsTheUnfoldedNetwork() {
        check("resnet18", 4, new ImageShape(16, 16, 3));
    }

    @Test
    void foldedResNet50EqualsTheUnfoldedNetwork() {
        check("resnet50", 2, new ImageShape(32, 32, 3));
    }

    private static void check(String arch, int width, ImageShape shape) {
        ModelSpec spec = new ModelSpec(arch, width, shape, 10, new float[] {0.4f, 0.5f, 0.6f},
                new float[] {0.2f, 0.25f, 0.3f}, 0, null);
        int n = 6;
        SplittableRandom rng = new SplittableRandom(7);
        float[] px = new float[n * shape.size()];
        for (int i = 0; i < px.length; i++) {
            px[i] = (float) rng.nextDouble();
        }
        int[] labels = {0, 3, 9, 1, 5, 5};
        try (Graph g = new Graph()) {
            ModelGraph mg = new ModelGraph(g, spec, 3, 1e-4);
            Ops tf = Ops.create(g).withSubScope("reference");
            Operand<TFloat32> reference = mg.network.logits(mg.images, NetworkBuilder.BatchNormMode.INFERENCE_UNFOLDED);
            Operand<TFloat32> oneHot = tf.oneHot(mg.labels, tf.constant(10), tf.constant(1f), tf.constant(0f));
            Operand<TFloat32> loss = tf.reduceSum(tf.nn.softmaxCrossEntropyWithLogits(reference, oneHot).loss(),
                    tf.constant(0));
            @SuppressWarnings("unchecked")
            Output<TFloat32> referenceGradient = tf.gradients(loss, List.of(mg.images)).<TFloat32>dy(0);
            List<Op> statistics = randomBatchNorm(tf, mg.network.variables(), rng);
            assertThat(statistics).hasSizeGreaterThan(20);
            try (Session s = new Session(g)) {
                s.initialize();
                var runner = s.runner();
                statistics.forEach(runner::addTarget);
                runner.run();
                try (TFloat32 x = Tensors.images(px, 0, n, shape.height(), shape.width(), shape.channels());
                     TInt32 y = Tensors.ints(labels, 0, n);
                     Result r = s.runner().feed(mg.images, x).feed(mg.labels, y).fetch(mg.logits).fetch(reference)
                             .fetch(mg.inputGradient).fetch(referenceGradient).run()) {
                    assertClose(Tensors.floats(r.get(0)), Tensors.floats(r.get(1)), "logits");
                    assertClose(Tensors.floats(r.get(2)), Tensors.floats(r.get(3)), "input gradient");
                }
            }
        }
    }

    /** Assigns every batch-norm variable a value far from its initialisation. */
    private static List<Op> randomBatchNorm(Ops tf, Map<String, Variable<TFloat32>> variables, SplittableRandom rng) {
        List<Op> out = new ArrayList<>();
        for (var e : variables.entrySet()) {
            String name = e.getKey();
            double lo;
            double hi;
            if (name.endsWith(".gamma")) {
                lo = 0.5;
                hi = 1.5;
            } else if (name.endsWith(".beta") || name.endsWith(".running_mean")) {
                lo = -0.5;
                hi = 0.5;
            } else if (name.endsWith(".running_var")) {
                lo = 0.01;
                hi = 2;
            } else {
                continue;
            }
            int c = (int) e.getValue().shape().get(0);
            float[] v = new float[c];
            for (int i = 0; i < c; i++) {
                v[i] = (float) (lo + (hi - lo) * rng.nextDouble());
            }
            out.add(tf.assign(e.getValue(), tf.constant(Shape.of(c), DataBuffers.of(v, true, false))));
        }
        return out;
    }

    private static void assertClose(float[] folded, float[] reference, String what) {
        assertThat(folded).hasSameSizeAs(reference);
        float largest = 0;
        for (float v : reference) {
            largest = Math.max(largest, Math.abs(v));
        }
        // the values must be non-trivial for the comparison to mean anything
        assertThat(largest).as(what + " largest value").isGreaterThan(1e-3f);
        float worst = 0;
        for (int i = 0; i < folded.length; i++) {
            worst = Math.max(worst, Math.abs(folded[i] - reference[i]));
        }
        assertThat(worst).as(what + ": largest difference, relative to the largest value " + largest)
                .isLessThanOrEqualTo(1e-5f * largest);
    }
}
