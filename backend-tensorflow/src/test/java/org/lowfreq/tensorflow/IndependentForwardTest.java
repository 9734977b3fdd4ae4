package org.lowfreq.tensorflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Images;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The inference graph, with every rewrite it carries (batch norm folded into the kernels, the
 * normalisation as a diagonal 1x1 convolution, the padding merged into the convolutions, oneDNN's
 * strided 1x1 shortcut from 16 channels and the subsample below), against a plain-Java ResNet-18
 * written from the architecture's definition: (x - mean) / std, 3x3 convolutions zero-padded by one
 * on every side, batch norm from the running statistics, ReLU, 1x1 stride-2 shortcuts that keep
 * the even pixels, global mean, dense head. The variables come from a few training steps, so the
 * batch-norm statistics and scales are not their initial 0/1.
 */
class IndependentForwardTest {
    private static final int WIDTH = 8; // shortcuts on 8 (subsample), 16 and 32 (strided kernel) channels
    private static final int SIDE = 32;
    private static final int CLASSES = 10;

    @Test
    void inferenceLogitsMatchAPlainJavaResNet18() {
        ImageShape shape = new ImageShape(SIDE, SIDE, 3);
        float[] mean = {0.49f, 0.48f, 0.45f};
        float[] std = {0.25f, 0.24f, 0.26f};
        ModelSpec spec = new ModelSpec("resnet18", WIDTH, shape, CLASSES, mean, std, 0, null);
        int batch = 4;
        Images images = TinyModels.randomImages(batch, shape, 3);
        float[] px = images.pixels();
        int[] labels = images.labels();
        try (Graph g = new Graph()) {
            ModelGraph mg = new ModelGraph(g, spec, 5, 1e-4);
            try (Session s = new Session(g);
                 TFloat32 x = Tensors.images(px, 0, batch, SIDE, SIDE, 3);
                 TInt32 y = Tensors.ints(labels, 0, batch);
                 TFloat32 lr = TFloat32.scalarOf(0.05f)) {
                s.initialize();
                for (int step = 0; step < 3; step++) {
                    try (Result r = s.runner().feed(mg.images, x).feed(mg.labels, y).feed(mg.learningRate, lr)
                            .addTarget(mg.trainStep).fetch(mg.trainLoss).run()) {
                        assertThat(Tensors.scalar(r.get(0))).isFinite();
                    }
                }
                Map<String, float[]> w = new HashMap<>();
                for (var e : mg.network.variables().entrySet()) {
                    try (Result r = s.runner().fetch(e.getValue()).run()) {
                        w.put(e.getKey(), Tensors.floats(r.get(0)));
                    }
                }
                assertThat(w.get("stem.bn.running_mean")).as("the statistics moved in training").isNotEqualTo(new float[WIDTH]);
                float[] logits;
                try (Result r = s.runner().feed(mg.images, x).fetch(mg.logits).run()) {
                    logits = Tensors.floats(r.get(0));
                }
                for (int i = 0; i < batch; i++) {
                    double[] expected = new PlainResNet18(w).logits(px, i * shape.size(), mean, std);
                    for (int k = 0; k < CLASSES; k++) {
                        assertThat((double) logits[i * CLASSES + k]).as("image %d class %d", i, k)
                                .isCloseTo(expected[k], within(1e-5 * Math.max(1, Math.abs(expected[k]))));
                    }
                }
            }
        }
    }

    /** A feature map: side x side pixels of c channels, channels last, in double precision. */
    private record Map3(int side, int c, double[] v) {
        double at(int y, int x, int ch) {
            return y < 0 || x < 0 || y >= side || x >= side ? 0 : v[(y * side + x) * c + ch];
        }
    }

    /** ResNet-18 (CIFAR stem) from the trained variables, by definition; no TensorFlow. */
    private record PlainResNet18(Map<String, float[]> w) {
        double[] logits(float[] px, int offset, float[] mean, float[] std) {
            double[] in = new double[SIDE * SIDE * 3];
            for (int p = 0; p < SIDE * SIDE; p++) {
                for (int c = 0; c < 3; c++) {
                    in[p * 3 + c] = (px[offset + p * 3 + c] - (double) mean[c]) / std[c];
                }
            }
            Map3 x = relu(bn("stem.bn", conv("stem.conv.kernel", new Map3(SIDE, 3, in), 3, WIDTH, 1)));
            for (int stage = 0; stage < 4; stage++) {
                int channels = WIDTH << stage;
                for (int b = 0; b < 2; b++) {
                    int stride = stage > 0 && b == 0 ? 2 : 1;
                    String n = "layer" + (stage + 1) + "." + b;
                    Map3 y = relu(bn(n + ".bn1", conv(n + ".conv1.kernel", x, 3, channels, stride)));
                    y = bn(n + ".bn2", conv(n + ".conv2.kernel", y, 3, channels, 1));
                    Map3 shortcut = stride == 1 && x.c() == channels ? x
                            : bn(n + ".down.bn", conv(n + ".down.conv.kernel", x, 1, channels, stride));
                    double[] sum = new double[y.v().length];
                    for (int i = 0; i < sum.length; i++) {
                        sum[i] = y.v()[i] + shortcut.v()[i];
                    }
                    x = relu(new Map3(y.side(), channels, sum));
                }
            }
            int c = x.c();
            double[] pooled = new double[c];
            for (int p = 0; p < x.side() * x.side(); p++) {
                for (int ch = 0; ch < c; ch++) {
                    pooled[ch] += x.v()[p * c + ch] / (x.side() * x.side());
                }
            }
            float[] kernel = w.get("fc.kernel");
            float[] bias = w.get("fc.bias");
            double[] out = new double[CLASSES];
            for (int k = 0; k < CLASSES; k++) {
                out[k] = bias[k];
                for (int ch = 0; ch < c; ch++) {
                    out[k] += pooled[ch] * kernel[ch * CLASSES + k];
                }
            }
            return out;
        }

        /** k x k convolution (kernel HWIO), (k - 1) / 2 zeros on every side, output pixel i at input stride * i. */
        Map3 conv(String name, Map3 x, int k, int out, int stride) {
            float[] kernel = w.get(name);
            assertThat(kernel).as(name).hasSize(k * k * x.c() * out);
            int pad = (k - 1) / 2;
            int side = (x.side() + 2 * pad - k) / stride + 1;
            double[] v = new double[side * side * out];
            for (int oy = 0; oy < side; oy++) {
                for (int ox = 0; ox < side; ox++) {
                    for (int dy = 0; dy < k; dy++) {
                        for (int dx = 0; dx < k; dx++) {
                            int iy = oy * stride + dy - pad;
                            int ix = ox * stride + dx - pad;
                            for (int ci = 0; ci < x.c(); ci++) {
                                double a = x.at(iy, ix, ci);
                                if (a == 0) {
                                    continue;
                                }
                                int base = ((dy * k + dx) * x.c() + ci) * out;
                                for (int co = 0; co < out; co++) {
                                    v[(oy * side + ox) * out + co] += a * kernel[base + co];
                                }
                            }
                        }
                    }
                }
            }
            return new Map3(side, out, v);
        }

        Map3 bn(String name, Map3 x) {
            float[] gamma = w.get(name + ".gamma");
            float[] beta = w.get(name + ".beta");
            float[] mean = w.get(name + ".running_mean");
            float[] var = w.get(name + ".running_var");
            double[] v = x.v().clone();
            for (int i = 0; i < v.length; i++) {
                int c = i % x.c();
                v[i] = (v[i] - mean[c]) / Math.sqrt(var[c] + (double) NetworkBuilder.BN_EPSILON) * gamma[c] + beta[c];
            }
            return new Map3(x.side(), x.c(), v);
        }

        static Map3 relu(Map3 x) {
            double[] v = x.v().clone();
            for (int i = 0; i < v.length; i++) {
                v[i] = Math.max(0, v[i]);
            }
            return new Map3(x.side(), x.c(), v);
        }
    }
}
