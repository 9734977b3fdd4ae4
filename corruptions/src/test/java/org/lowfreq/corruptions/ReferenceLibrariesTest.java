package org.lowfreq.corruptions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Steps of the reference that call a library, against that library's own outputs or behaviour. */
class ReferenceLibrariesTest {
    /**
     * ImageMagick 6.9 (Q16) MagickMotionBlurImage through Wand, as the reference's motion blur and
     * snow call it: four snow-like grey layers and two CIFAR-10 test images, with the radius, sigma
     * and angle in {@code imagemagick/motion_blur_params.csv}; outputs decoded from the PNG it wrote.
     */
    @Test
    void motionBlurIsImageMagicksToTheLevel() throws IOException {
        int[] in = TestData.calibrationNpy("imagemagick/motion_blur_in.npy");
        int[] want = TestData.calibrationNpy("imagemagick/motion_blur_out.npy");
        String[] rows = new String(TestData.calibrationResource("imagemagick/motion_blur_params.csv"),
                StandardCharsets.UTF_8).split("\n");
        assertThat(rows).hasSize(7);
        int size = 32 * 32 * 3;
        for (int k = 0; k < 6; k++) {
            String[] f = rows[k + 1].split(",");
            int[] img = Arrays.copyOfRange(in, k * size, (k + 1) * size);
            int[] ours = MagickMotionBlur.apply(img, 32, 32, 3, Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                    Double.parseDouble(f[3]));
            assertThat(ours).as("case " + k + " " + rows[k + 1]).isEqualTo(Arrays.copyOfRange(want, k * size, (k + 1) * size));
        }
    }

    @Test
    void imageMagickWritesTheRoundedQuantumTruncatedToEightBits() {
        assertThat(MagickMotionBlur.toChar(26.4)).isEqualTo(26);
        assertThat(MagickMotionBlur.toChar(26.99)).isEqualTo(26);
        // 257 * 26.9985 = 6938.6 rounds to the quantum 6939 = 27 * 257
        assertThat(MagickMotionBlur.toChar(26.9985)).isEqualTo(27);
        assertThat(MagickMotionBlur.toChar(255.2)).isEqualTo(255);
        assertThat(MagickMotionBlur.toChar(-1)).isZero();
    }

    /** A generator that returns the given values from nextInt(origin, bound), in order. */
    private static RandomGenerator scripted(int... values) {
        return new RandomGenerator() {
            private int next;

            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int nextInt(int origin, int bound) {
                int v = values[next++];
                assertThat(v).isBetween(origin, bound - 1);
                return v;
            }
        };
    }

    /**
     * The reference's "swap" in glass blur copies pixel (h', w') into (h, w) and leaves (h', w')
     * as it was (numpy views on the right-hand side). A 4 x 4 one-channel image with d = 1 visits
     * (3, 3), (3, 2), (2, 3), (2, 2) in that order; a true swap would give 150 at (2, 3) and move
     * 110 to (1, 2).
     */
    @Test
    void glassBlurShuffleCopiesAsTheReferenceDoes() {
        int[] x = new int[16];
        for (int i = 0; i < 16; i++) {
            x[i] = 10 * i;
        }
        // (dx, dy) per visited pixel: (-1, -1), (0, 0), (-1, 0), (0, -1)
        GlassBlur.shuffle(x, 4, 4, 1, 1, 1, scripted(-1, -1, 0, 0, -1, 0, 0, -1));
        int[] expected = new int[16];
        for (int i = 0; i < 16; i++) {
            expected[i] = 10 * i;
        }
        expected[3 * 4 + 3] = 100; // (3, 3) <- (2, 2)
        expected[2 * 4 + 3] = 100; // (2, 3) <- (2, 2), which still holds its own value
        expected[2 * 4 + 2] = 60;  // (2, 2) <- (1, 2)
        assertThat(x).containsExactly(expected);
    }

    /**
     * The JPEG arithmetic against a real libjpeg (the JDK's ImageIO codec is IJG libjpeg 6b): colour
     * and grey, 32 to 224 px, qualities from 7 (the ImageNet table's lowest, with tables clamped to
     * baseline) to 100, on textured images with saturated regions.
     */
    @Test
    void jpegArithmeticIsLibjpegs() {
        JpegCompression jpeg = new JpegCompression();
        int[][] shapes = {{32, 32, 3}, {64, 48, 3}, {224, 224, 3}, {32, 32, 1}, {40, 24, 1}};
        int[] qualities = {7, 10, 25, 40, 50, 58, 65, 80, 95, 100};
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        for (int[] s : shapes) {
            float[] f = TestData.synthetic(new org.lowfreq.spi.ImageShape(s[0], s[1], s[2]), r.nextLong());
            int[] u = Pixels.toUint8(f);
            for (int i = 0; i < u.length / 10; i++) {
                u[r.nextInt(u.length)] = r.nextBoolean() ? 0 : 255;
            }
            for (int q : qualities) {
                int[] ours = new LibjpegRoundTrip(q).apply(u, s[0], s[1], s[2]);
                assertThat(ours).as(Arrays.toString(s) + " quality " + q).isEqualTo(jpeg.viaImageIo(u, s[0], s[1], s[2], q));
            }
        }
    }
}
