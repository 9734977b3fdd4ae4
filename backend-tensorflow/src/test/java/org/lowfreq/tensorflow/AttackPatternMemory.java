package org.lowfreq.tensorflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import org.lowfreq.spi.Classifier;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.Loss;

/**
 * Run by {@link NativeMemoryTest} in its own JVM: input gradients of 1 to 50 images, a new count
 * every call, as the attack protocol asks for them; prints resident memory every 200 calls as
 * {@code rss A B C ...} (kB).
 */
public final class AttackPatternMemory {
    private AttackPatternMemory() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]).resolve("model");
        ImageShape shape = new ImageShape(32, 32, 3);
        ModelSpec spec = new ModelSpec("resnet18", 8, shape, 10, new float[] {0.5f, 0.5f, 0.5f},
                new float[] {0.25f, 0.25f, 0.25f}, 0, null);
        Images all = TinyModels.randomImages(50, shape, 1);
        TinyModels.exportUntrained(dir, spec, 3, all.slice(0, 1));
        SplittableRandom rng = new SplittableRandom(1);
        StringBuilder rss = new StringBuilder("rss");
        try (Classifier c = new TensorFlowModelProvider(SessionOptions.threads(2)).load(dir)) {
            // padding inside must not change the numbers: 3 images alone = the same 3 in a batch of 8
            float[] alone = c.logits(all.slice(0, 3)).probabilities();
            float[] inBatch = java.util.Arrays.copyOf(c.logits(all.slice(0, 8)).probabilities(), alone.length);
            assertThat(alone).containsExactly(inBatch, org.assertj.core.data.Offset.offset(1e-5f));
            for (int r = 0; r < 5; r++) {
                rss.append(' ').append(residentKb());
                for (int i = 0; i < 200; i++) {
                    int n = 1 + rng.nextInt(50);
                    c.lossGradient(all.slice(0, n), new int[n], i % 2 == 0 ? Loss.LOGIT_MARGIN : Loss.CROSS_ENTROPY);
                }
            }
            rss.append(' ').append(residentKb());
        }
        System.out.println(rss);
    }

    private static long residentKb() throws Exception {
        System.gc();
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS");
    }
}
