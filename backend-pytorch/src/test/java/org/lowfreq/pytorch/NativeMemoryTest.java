package org.lowfreq.pytorch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowfreq.spi.Classifier;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.Loss;

/**
 * 2,000 batches of logits and input gradients: resident memory stops growing. The module's surefire
 * configuration sets {@code org.bytedeco.javacpp.nopointergc}, so an unclosed tensor is never freed
 * by a garbage collection and every leak shows.
 */
class NativeMemoryTest {

    @Test
    void residentMemoryStopsGrowingOver2000Batches(@TempDir Path dir) throws IOException {
        // 16 images of 32x32x3: 197 kB per input tensor, so a leak of one input (or gradient) per batch
        // is 197 MB over the 1,000 batches measured
        Images batch = Fixtures.randomImages(16, 4);
        int[] targets = new int[16];
        try (Classifier c = new PyTorchModelProvider(new TorchOptions(1, 16)).load(Fixtures.tinyMlp(dir))) {
            for (int i = 0; i < 1000; i++) {
                step(c, batch, targets, i);
            }
            long[] rss = new long[5];
            for (int r = 0; r < rss.length; r++) {
                rss[r] = residentKb();
                for (int i = 0; i < 200; i++) {
                    step(c, batch, targets, i);
                }
            }
            long end = residentKb();
            System.out.println("VmRSS every 200 batches (kB): " + Arrays.toString(rss) + " end " + end);
            assertThat(end - rss[0]).as("growth of VmRSS in kB over the last 1,000 batches").isLessThan(30_000);
        }
    }

    private static void step(Classifier c, Images batch, int[] targets, int i) {
        if (i % 2 == 0) {
            c.lossGradient(batch, targets, i % 4 == 0 ? Loss.CROSS_ENTROPY : Loss.LOGIT_MARGIN);
        } else {
            c.logits(batch);
        }
    }

    /** Resident memory after a collection, so that Java arrays do not count. */
    private static long residentKb() throws IOException {
        System.gc();
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
