package org.lowfreq.tensorflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Images;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

class PcaProjectionLayerTest {
    private static final ImageShape SHAPE = new ImageShape(4, 4, 1);

    /** Images with variance concentrated along a few random directions, plus a little noise. */
    private static Images lowRankImages(int n) {
        SplittableRandom rng = new SplittableRandom(4);
        int d = SHAPE.size();
        double[][] dirs = new double[3][d];
        for (double[] dir : dirs) {
            for (int j = 0; j < d; j++) {
                dir[j] = rng.nextGaussian();
            }
        }
        double[] scale = {0.2, 0.1, 0.05};
        float[] px = new float[n * d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double v = 0.5 + 0.005 * rng.nextGaussian();
                for (int k = 0; k < 3; k++) {
                    v += scale[k] * rng.nextGaussian() * dirs[k][j] / 4;
                }
                px[i * d + j] = (float) v;
            }
        }
        return new Images(n, SHAPE, px);
    }

    @Test
    void fittedComponentsAreTheLeadingEigenvectorsOfTheCovariance() {
        Images images = lowRankImages(400);
        int k = 3;
        PcaProjection pca = PcaFitter.fit(images, k);
        int d = SHAPE.size();
        double[][] cov = new double[d][d];
        for (int i = 0; i < images.count(); i++) {
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    cov[a][b] += (images.pixels()[i * d + a] - pca.mean()[a]) * (images.pixels()[i * d + b] - pca.mean()[b])
                            / (images.count() - 1);
                }
            }
        }
        double previous = Double.POSITIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            double[] v = new double[d];
            for (int a = 0; a < d; a++) {
                v[a] = pca.basis()[a * k + j];
            }
            double[] cv = new double[d];
            double lambda = 0;
            double norm = 0;
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    cv[a] += cov[a][b] * v[b];
                }
                lambda += v[a] * cv[a];
                norm += v[a] * v[a];
            }
            assertThat(norm).isCloseTo(1, within(1e-5));
            for (int a = 0; a < d; a++) {
                assertThat(cv[a]).isCloseTo(lambda * v[a], within(1e-4 * lambda + 1e-7));
            }
            assertThat(lambda).isLessThan(previous);
            previous = lambda;
        }
    }

    @Test
    void graphLayerReproducesThePlainJavaProjection() {
        Images images = lowRankImages(50);
        PcaProjection pca = PcaFitter.fit(images, 2);
        ModelSpec spec = new ModelSpec("resnet18", 4, SHAPE, 2, new float[] {0f}, new float[] {1f}, 0, pca);
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> in = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 4, 4, 1)));
            Operand<TFloat32> out = NetworkBuilder.preprocess(tf, in, spec);
            Images probe = images.slice(0, 5);
            try (TFloat32 x = Tensors.images(probe.pixels(), 0, 5, 4, 4, 1);
                 Result r = s.runner().feed(in, x).fetch(out).run()) {
                float[] got = Tensors.floats(r.get(0));
                for (int i = 0; i < 5; i++) {
                    float[] want = pca.project(probe.image(i));
                    for (int j = 0; j < want.length; j++) {
                        assertThat(got[i * 16 + j]).isCloseTo(want[j], within(1e-5f));
                    }
                }
            }
        }
        // a projection is idempotent and keeps the mean image
        float[] once = pca.project(images.image(0));
        float[] twice = pca.project(once);
        for (int j = 0; j < once.length; j++) {
            assertThat(twice[j]).isCloseTo(once[j], within(1e-5f));
        }
        assertThat(pca.project(pca.mean())).containsExactly(pca.mean(), within(1e-6f));
    }
}
