package org.lowfreq.corruptions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lowfreq.spi.Corruption;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.ProgressListener;
import org.lowfreq.spi.Resolution;

class RunnerDeterminismTest {
    private static final Corruptions CORRUPTIONS = new Corruptions(TestData.frost());

    private static Images batch(int n) {
        ImageShape s = TestData.CIFAR;
        float[] px = new float[n * s.size()];
        for (int i = 0; i < n; i++) {
            System.arraycopy(TestData.synthetic(s, i), 0, px, i * s.size(), s.size());
        }
        return new Images(n, s, px, new int[n]);
    }

    @Test
    void resultDependsOnlyOnSeedCorruptionSeverityAndIndex() {
        Images all = batch(10);
        for (Corruption c : List.of(CORRUPTIONS.byName("glass_blur"), CORRUPTIONS.byName("frost"),
                CORRUPTIONS.byName("shot_noise"), CORRUPTIONS.byName("spatter"))) {
            byte[] oneThread = new byte[all.pixels().length];
            byte[] split = new byte[all.pixels().length];
            byte[] again = new byte[all.pixels().length];
            try (CorruptionRunner one = new CorruptionRunner(5, 1); CorruptionRunner two = new CorruptionRunner(5, 2)) {
                one.applyToBytes(c, 4, Resolution.CIFAR_32, all, 0, oneThread, 0, ProgressListener.NONE);
                // a different batching, in reverse order, on two threads
                two.applyToBytes(c, 4, Resolution.CIFAR_32, all.slice(6, 10), 6, split, 6 * 3072, ProgressListener.NONE);
                two.applyToBytes(c, 4, Resolution.CIFAR_32, all.slice(0, 6), 0, split, 0, ProgressListener.NONE);
                two.applyToBytes(c, 4, Resolution.CIFAR_32, all, 0, again, 0, ProgressListener.NONE);
            }
            assertThat(split).as(c.name()).containsExactly(oneThread);
            assertThat(again).as(c.name()).containsExactly(oneThread);
            byte[] otherSeed = new byte[all.pixels().length];
            try (CorruptionRunner r = new CorruptionRunner(6, 2)) {
                r.applyToBytes(c, 4, Resolution.CIFAR_32, all, 0, otherSeed, 0, ProgressListener.NONE);
            }
            assertThat(otherSeed).as(c.name() + " with another seed").isNotEqualTo(oneThread);
        }
    }

    @Test
    void floatAndByteOutputsAgree() {
        Images all = batch(3);
        Corruption c = CORRUPTIONS.byName("fog");
        byte[] bytes = new byte[all.pixels().length];
        Images floats;
        try (CorruptionRunner r = new CorruptionRunner(1, 2)) {
            r.applyToBytes(c, 2, Resolution.CIFAR_32, all, 100, bytes, 0, ProgressListener.NONE);
            floats = r.apply(c, 2, Resolution.CIFAR_32, all, 100, ProgressListener.NONE);
        }
        for (int i = 0; i < bytes.length; i++) {
            assertThat(bytes[i] & 0xFF).isEqualTo(CorruptionRunner.toUint8(floats.pixels()[i]));
        }
    }
}
