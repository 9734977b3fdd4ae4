package org.lowfreq.corruptions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowfreq.spi.Corruption;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.ProgressListener;
import org.lowfreq.spi.Resolution;

class CorruptedSetGeneratorTest {
    private static final Corruptions CORRUPTIONS = new Corruptions(TestData.frost());

    private static Images clean() {
        int n = 4;
        float[] px = new float[n * 3072];
        for (int i = 0; i < n; i++) {
            System.arraycopy(TestData.synthetic(TestData.CIFAR, i), 0, px, i * 3072, 3072);
        }
        return new Images(n, TestData.CIFAR, px, new int[] {3, 8, 8, 0});
    }

    @Test
    void writesTheOfficialLayoutAndResumesPerCorruption(@TempDir Path dir) throws Exception {
        List<Corruption> two = List.of(CORRUPTIONS.byName("fog"), CORRUPTIONS.byName("shot_noise"));
        int[] all = {1, 2, 3, 4, 5};
        CorruptedSetGenerator.Result first;
        try (CorruptionRunner runner = new CorruptionRunner(0, 2)) {
            first = new CorruptedSetGenerator(runner)
                    .generate(clean(), two, all, Resolution.CIFAR_32, dir, ProgressListener.NONE);
        }
        assertThat(first.written()).containsExactly("fog", "shot_noise");
        assertThat(TestData.readNpyUint8(dir.resolve("labels.npy")))
                .containsExactly(3, 8, 8, 0, 3, 8, 8, 0, 3, 8, 8, 0, 3, 8, 8, 0, 3, 8, 8, 0);
        String header = new String(Files.readAllBytes(dir.resolve("fog.npy")), 0, 128, "ISO-8859-1");
        assertThat(header).contains("'shape': (20, 32, 32, 3)").contains("'|u1'");
        assertThat((10 + header.indexOf('\n') + 1 - 10) % 64).isZero();

        // severity 3 of image 2 sits at row 2 * 4 + 2 and equals the runner's output for index 2
        int[] fog = TestData.readNpyUint8(dir.resolve("fog.npy"));
        byte[] expected = new byte[3072];
        try (CorruptionRunner runner = new CorruptionRunner(0, 1)) {
            runner.applyToBytes(CORRUPTIONS.byName("fog"), 3, Resolution.CIFAR_32, clean().slice(2, 3), 2, expected, 0,
                    ProgressListener.NONE);
        }
        for (int k = 0; k < 3072; k++) {
            assertThat(fog[(2 * 4 + 2) * 3072 + k]).isEqualTo(expected[k] & 0xFF);
        }

        byte[] shotBefore = Files.readAllBytes(dir.resolve("shot_noise.npy"));
        Files.delete(dir.resolve("shot_noise.npy"));
        Files.writeString(dir.resolve("fog.npy.tmp"), "left over by an interrupted run");
        CorruptedSetGenerator.Result second;
        try (CorruptionRunner runner = new CorruptionRunner(0, 1)) {
            second = new CorruptedSetGenerator(runner)
                    .generate(clean(), two, all, Resolution.CIFAR_32, dir, ProgressListener.NONE);
        }
        assertThat(second.skipped()).containsExactly("fog");
        assertThat(second.written()).containsExactly("shot_noise");
        // the data sets module opens what we wrote, as it opens the official files
        var set = new org.lowfreq.datasets.CorruptedSet("cifar10-c", dir, java.util.Collections.nCopies(10, "c"), "");
        assertThat(set.size("fog-3")).isEqualTo(4);
        Images fog3 = set.read("fog-3", 2, 1);
        assertThat(fog3.labels()).containsExactly(8);
        for (int k = 0; k < 3072; k++) {
            assertThat(Math.round(fog3.pixels()[k] * 255)).isEqualTo(expected[k] & 0xFF);
        }
        assertThat(Files.readAllBytes(dir.resolve("shot_noise.npy"))).isEqualTo(shotBefore);
    }

    @Test
    void truncatedFileIsRedone(@TempDir Path dir) throws Exception {
        List<Corruption> one = List.of(CORRUPTIONS.byName("contrast"));
        try (CorruptionRunner runner = new CorruptionRunner(0, 1)) {
            var gen = new CorruptedSetGenerator(runner);
            gen.generate(clean(), one, new int[] {1, 2, 3, 4, 5}, Resolution.CIFAR_32, dir, ProgressListener.NONE);
            byte[] full = Files.readAllBytes(dir.resolve("contrast.npy"));
            Files.write(dir.resolve("contrast.npy"), java.util.Arrays.copyOf(full, full.length - 100));
            var r = gen.generate(clean(), one, new int[] {1, 2, 3, 4, 5}, Resolution.CIFAR_32, dir, ProgressListener.NONE);
            assertThat(r.written()).containsExactly("contrast");
            assertThat(Files.readAllBytes(dir.resolve("contrast.npy"))).isEqualTo(full);
        }
    }

    /** A run that fails before its first corruption file is complete leaves no folder and no labels.npy. */
    @Test
    void failureBeforeTheFirstFileLeavesNothing(@TempDir Path tmp) {
        Path dir = tmp.resolve("c");
        Corruption broken = new Corruption() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public org.lowfreq.spi.CorruptionGroup group() {
                return org.lowfreq.spi.CorruptionGroup.LOW;
            }

            @Override
            public boolean extra() {
                return false;
            }

            @Override
            public float[] apply(float[] image, org.lowfreq.spi.ImageShape shape, int severity, Resolution table,
                                 java.util.random.RandomGenerator rng) {
                throw new org.lowfreq.spi.UserInputException("this corruption always fails");
            }
        };
        try (CorruptionRunner runner = new CorruptionRunner(0, 1)) {
            var gen = new CorruptedSetGenerator(runner);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> gen.generate(clean(), List.of(broken),
                    new int[] {1, 2, 3, 4, 5}, Resolution.CIFAR_32, dir, ProgressListener.NONE))
                    .hasMessageContaining("always fails");
        }
        assertThat(dir).doesNotExist();
    }
}
