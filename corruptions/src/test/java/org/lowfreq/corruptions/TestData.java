package org.lowfreq.corruptions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.lowfreq.datasets.testing.RealData;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Images;

/** Test inputs: the calibration resources, CIFAR-10 test images, synthetic images. */
final class TestData {
    static final ImageShape CIFAR = new ImageShape(32, 32, 3);

    private TestData() {
    }

    static FrostImages frost() {
        return FrostImages.bundled();
    }

    /** A test resource under org/lowfreq/corruptions/calibration/ (copied from the reference generator's runs). */
    static byte[] calibrationResource(String name) throws IOException {
        try (InputStream in = TestData.class.getResourceAsStream("calibration/" + name)) {
            if (in == null) {
                throw new IOException("test resource calibration/" + name + " is missing");
            }
            return in.readAllBytes();
        }
    }

    static int[] calibrationNpy(String name) throws IOException {
        return npyUint8(calibrationResource(name));
    }

    /** The uint8 payload of a small C-order .npy file (test-only: reads the header length and skips it). */
    static int[] readNpyUint8(Path file) throws IOException {
        return npyUint8(Files.readAllBytes(file));
    }

    static int[] npyUint8(byte[] b) throws IOException {
        int major = b[6];
        int headerLen = major == 1 ? ((b[8] & 0xFF) | (b[9] & 0xFF) << 8) : ((b[8] & 0xFF) | (b[9] & 0xFF) << 8 | (b[10] & 0xFF) << 16);
        int start = (major == 1 ? 10 : 12) + headerLen;
        String header = new String(b, major == 1 ? 10 : 12, headerLen, StandardCharsets.ISO_8859_1);
        if (!header.contains("|u1")) {
            throw new IOException("not uint8: " + header);
        }
        int[] out = new int[b.length - start];
        for (int i = 0; i < out.length; i++) {
            out[i] = b[start + i] & 0xFF;
        }
        return out;
    }

    static Images uint8ToImages(int[] u, ImageShape shape) {
        float[] f = new float[u.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = u[i] / 255f;
        }
        return new Images(u.length / shape.size(), shape, f);
    }

    /** The first n CIFAR-10 test images (absent binaries skip the test, or fail it under CI: see RealData). */
    static Images cifarTest(int n) throws IOException {
        Path file = RealData.cifar10Root().resolve(RealData.CIFAR10_PROBE_FILE);
        byte[] b = Files.readAllBytes(file);
        float[] px = new float[n * 3072];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int o = i * 3073;
            labels[i] = b[o];
            for (int c = 0; c < 3; c++) {
                for (int p = 0; p < 1024; p++) {
                    px[i * 3072 + p * 3 + c] = (b[o + 1 + c * 1024 + p] & 0xFF) / 255f;
                }
            }
        }
        return new Images(n, CIFAR, px, labels);
    }

    /** A smooth colourful image with some texture, pixel values on the uint8 grid. */
    static float[] synthetic(ImageShape s, long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        float[] f = new float[s.size()];
        double a = r.nextDouble(0.05, 0.3);
        double b = r.nextDouble(0.05, 0.3);
        for (int y = 0; y < s.height(); y++) {
            for (int x = 0; x < s.width(); x++) {
                for (int c = 0; c < s.channels(); c++) {
                    double v = 0.5 + 0.3 * Math.sin(a * x + c) * Math.cos(b * y - c) + 0.1 * r.nextGaussian();
                    v = Math.max(0, Math.min(1, v));
                    f[(y * s.width() + x) * s.channels() + c] = Math.round(v * 255) / 255f;
                }
            }
        }
        return f;
    }

    static double meanAbs(int[] a, int[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += Math.abs(a[i] - b[i]);
        }
        return s / a.length;
    }

    static int maxAbs(int[] a, int[] b) {
        int m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    static int[] concat(int[]... parts) {
        return Arrays.stream(parts).flatMapToInt(Arrays::stream).toArray();
    }
}
