package org.lowfreq.corruptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lowfreq.spi.Corruption;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.ProgressListener;
import org.lowfreq.spi.Resolution;

/** Our CIFAR-10-C corruptions against the reference generator's outputs and statistics. */
class CalibrationTest {
    private final Corruptions corruptions = new Corruptions(TestData.frost());

    private int[] corruptedBytes(String name, int severity, Images clean) {
        byte[] out = new byte[clean.pixels().length];
        try (CorruptionRunner runner = new CorruptionRunner(0, 2)) {
            runner.applyToBytes(corruptions.byName(name), severity, Resolution.CIFAR_32, clean, 0, out, 0,
                    ProgressListener.NONE);
        }
        int[] u = new int[out.length];
        for (int i = 0; i < u.length; i++) {
            u[i] = out[i] & 0xFF;
        }
        return u;
    }

    @Test
    void deterministicCorruptionsMatchReferencePixels() throws IOException {
        Path dir = TestData.calibration();
        assumeTrue(Files.isDirectory(dir), "calibration folder absent");
        Images clean = TestData.uint8ToImages(TestData.readNpyUint8(dir.resolve("clean.npy")), TestData.CIFAR);
        // contrast and defocus are exact up to float round-off at the truncation; JPEG up to encoder differences
        Map<String, double[]> tolerance = Map.of(
                "contrast", new double[] {0.01, 1},
                "defocus_blur", new double[] {0.01, 1},
                "jpeg_compression", new double[] {0.05, 2});
        for (String name : List.of("contrast", "defocus_blur", "jpeg_compression")) {
            for (int s : new int[] {3, 5}) {
                int[] ref = TestData.readNpyUint8(dir.resolve(name + "_s" + s + ".npy"));
                int[] ours = corruptedBytes(name, s, clean);
                double mad = TestData.meanAbs(ref, ours);
                int max = TestData.maxAbs(ref, ours);
                System.out.printf("calibration %s s%d: mean |diff| %.4f max %d (uint8 levels)%n", name, s, mad, max);
                assertThat(mad).as(name + " s" + s).isLessThanOrEqualTo(tolerance.get(name)[0]);
                assertThat(max).as(name + " s" + s).isLessThanOrEqualTo((int) tolerance.get(name)[1]);
            }
        }
    }

    @Test
    void statisticsMatchReferenceFingerprints() throws IOException {
        Path csv = TestData.calibration().resolve("fingerprints.csv");
        Images clean = TestData.cifarTest(500);
        assumeTrue(clean != null && Files.isRegularFile(csv), "CIFAR-10 or fingerprints absent");
        for (String line : Files.readAllLines(csv).subList(1, 21)) {
            String[] f = line.split(",");
            String name = f[0];
            int s = Integer.parseInt(f[1]);
            double refMad = Double.parseDouble(f[2]);
            double refBias = Double.parseDouble(f[6]);
            int[] ours = corruptedBytes(name, s, clean);
            double mad = 0;
            double bias = 0;
            for (int i = 0; i < ours.length; i++) {
                double d = ours[i] / 255.0 - clean.pixels()[i];
                mad += Math.abs(d);
                bias += d;
            }
            mad /= ours.length;
            bias /= ours.length;
            System.out.printf("fingerprint %s s%d: mad %.5f (ref %.5f, %+.1f%%) bias %.5f (ref %.5f)%n", name, s, mad,
                    refMad, 100 * (mad / refMad - 1), bias, refBias);
            double tol = name.equals("jpeg_compression") ? 0.10 : 0.02;
            assertThat(mad).as(name + " s" + s).isCloseTo(refMad, org.assertj.core.data.Percentage.withPercentage(100 * tol));
        }
    }
}
