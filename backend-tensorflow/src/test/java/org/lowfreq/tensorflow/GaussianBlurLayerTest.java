package org.lowfreq.tensorflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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

class GaussianBlurLayerTest {
    private static final ImageShape SHAPE = new ImageShape(20, 18, 3);

    /** Circular convolution written out the plain way, in double precision. */
    static float[] referenceBlur(float[] img, ImageShape s, double sigma) {
        int h = (int) Math.ceil(2.5 * sigma);
        double[][] w = new double[2 * h + 1][2 * h + 1];
        double sum = 0;
        for (int dy = -h; dy <= h; dy++) {
            for (int dx = -h; dx <= h; dx++) {
                w[dy + h][dx + h] = Math.exp(-(dx * dx + dy * dy) / (2 * sigma * sigma));
                sum += w[dy + h][dx + h];
            }
        }
        float[] out = new float[img.length];
        for (int y = 0; y < s.height(); y++) {
            for (int x = 0; x < s.width(); x++) {
                for (int c = 0; c < s.channels(); c++) {
                    double acc = 0;
                    for (int dy = -h; dy <= h; dy++) {
                        for (int dx = -h; dx <= h; dx++) {
                            int yy = Math.floorMod(y + dy, s.height());
                            int xx = Math.floorMod(x + dx, s.width());
                            acc += w[dy + h][dx + h] / sum * img[(yy * s.width() + xx) * s.channels() + c];
                        }
                    }
                    out[(y * s.width() + x) * s.channels() + c] = (float) acc;
                }
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 1.5, 3.0})
    void blurLayerEqualsPlainCircularGaussianBlur(double sigma) {
        Images images = TinyModels.randomImages(2, SHAPE, 7);
        float[] got = runBlur(images, sigma);
        for (int i = 0; i < images.count(); i++) {
            float[] want = referenceBlur(images.image(i), SHAPE, sigma);
            for (int k = 0; k < want.length; k++) {
                assertThat(got[i * SHAPE.size() + k]).as("image %d value %d", i, k).isCloseTo(want[k], within(1e-5f));
            }
        }
    }

    @Test
    void blurOfAnImpulseIsTheWrappedKernel() {
        float[] px = new float[SHAPE.size()];
        px[0] = 1; // channel 0 at (0, 0): the kernel appears wrapped around all four corners
        float[] got = runBlur(new Images(1, SHAPE, px), 1.5);
        GaussianKernel k = GaussianKernel.of(1.5);
        assertThat(k.halfWidth()).isEqualTo(4);
        assertThat(got[0]).isCloseTo(k.at(0, 0), within(1e-7f));
        int y = SHAPE.height() - 1;
        int x = SHAPE.width() - 2;
        assertThat(got[(y * SHAPE.width() + x) * 3]).isCloseTo(k.at(-1, -2), within(1e-7f));
        float total = 0;
        for (int i = 0; i < got.length; i += 3) {
            total += got[i];
        }
        assertThat(total).isCloseTo(1f, within(1e-5f));
        assertThat(got[1]).isZero();
    }

    private static float[] runBlur(Images images, double sigma) {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> in = tf.placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(-1, SHAPE.height(), SHAPE.width(), SHAPE.channels())));
            Operand<TFloat32> out = NetworkBuilder.gaussianBlur(tf, in, GaussianKernel.of(sigma), SHAPE.height(),
                    SHAPE.width(), SHAPE.channels());
            try (TFloat32 x = Tensors.images(images.pixels(), 0, images.count(), SHAPE.height(), SHAPE.width(), 3);
                 Result r = s.runner().feed(in, x).fetch(out).run()) {
                return Tensors.floats(r.get(0));
            }
        }
    }
}
