package org.lowfreq.tensorflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.InMemoryDataset;
import org.lowfreq.spi.UserInputException;

/**
 * TEMPORARY test/bench helper: reads the CIFAR-10 binary batches until the datasets module is
 * merged (it verifies checksums; this does not). Format: records of 1 label byte + 1024 R, 1024 G,
 * 1024 B bytes, converted here to HWC floats in [0, 1].
 */
final class Cifar10Files {
    static final ImageShape SHAPE = new ImageShape(32, 32, 3);

    private Cifar10Files() {
    }

    /** The folder from env LOWFREQ_DATA (or /work/shared/datasets), or null when absent. */
    static Path folder() {
        String env = System.getenv("LOWFREQ_DATA");
        Path base = Path.of(env == null ? "/work/shared/datasets" : env);
        Path dir = base.resolve("cifar-10-batches-bin");
        return Files.isRegularFile(dir.resolve("test_batch.bin")) ? dir : null;
    }

    static InMemoryDataset load(Path dir) {
        List<String> names;
        try {
            names = Files.readAllLines(dir.resolve("batches.meta.txt")).stream().map(String::trim)
                    .filter(s -> !s.isEmpty()).toList();
        } catch (IOException e) {
            throw new UserInputException("cannot read " + dir + ": " + e.getMessage());
        }
        List<Images> train = new ArrayList<>();
        for (int b = 1; b <= 5; b++) {
            train.add(read(dir.resolve("data_batch_" + b + ".bin")));
        }
        return new InMemoryDataset("cifar10", names, SHAPE,
                Map.of("train", Images.concat(train), "test", read(dir.resolve("test_batch.bin"))));
    }

    static Images read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UserInputException("cannot read " + file + ": " + e.getMessage());
        }
        int record = 1 + 3072;
        int n = bytes.length / record;
        float[] px = new float[n * 3072];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int o = i * record;
            labels[i] = bytes[o];
            for (int c = 0; c < 3; c++) {
                for (int p = 0; p < 1024; p++) {
                    px[i * 3072 + p * 3 + c] = (bytes[o + 1 + c * 1024 + p] & 0xFF) / 255f;
                }
            }
        }
        return new Images(n, SHAPE, px, labels);
    }
}
