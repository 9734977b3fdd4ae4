package org.lowfreq.corruptions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lowfreq.spi.Corruption;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.ProgressListener;
import org.lowfreq.spi.Resolution;
import org.lowfreq.spi.UserInputException;

/**
 * Writes a corrupted test set in the official CIFAR-10-C layout: {@code <corruption>.npy}, uint8
 * (k n, H, W, C) with the k requested severities stacked in order (k = 5 for the official
 * layout, which the data set reader requires), and {@code labels.npy}, uint8 (k n) as the
 * reference generator and the published files store it. Each file is written atomically; a corruption whose file already exists with the
 * expected shape is skipped, so an interrupted run resumes where it stopped.
 */
public final class CorruptedSetGenerator {
    /** What a run did. */
    public record Result(List<String> written, List<String> skipped, double seconds) {
    }

    /** Clean images read at once: bounds the float memory whatever the split's size. */
    static final int CHUNK = 512;

    private final CorruptionRunner runner;
    private final Uint8ArrayWriter writer;
    private final int chunk;

    public CorruptedSetGenerator(CorruptionRunner runner) {
        this(runner, Uint8ArrayWriter.NPY);
    }

    public CorruptedSetGenerator(CorruptionRunner runner, Uint8ArrayWriter writer) {
        this(runner, writer, CHUNK);
    }

    /** @param chunk clean images read at once */
    CorruptedSetGenerator(CorruptionRunner runner, Uint8ArrayWriter writer, int chunk) {
        this.runner = runner;
        this.writer = writer;
        this.chunk = chunk;
    }

    /** Images held in memory (tests, small sets). */
    public Result generate(Images clean, List<Corruption> corruptions, int[] severities, Resolution table,
                           Path outDir, ProgressListener progress) {
        if (!clean.hasLabels()) {
            throw new UserInputException("the clean images have no labels; a -C set needs them");
        }
        return generate(CleanImages.of(clean, List.of()), corruptions, severities, table, outDir, progress);
    }

    /**
     * Writes the NPY layout from a clean split read in chunks (of {@link #CHUNK} images by default). Each
     * corruption's uint8 array (k n images) is filled chunk by chunk and written at once; the float
     * clean split is never held whole. The NPY layout is for small images (32 px); larger sets use
     * {@link CorruptedFolderGenerator}.
     */
    public Result generate(CleanImages clean, List<Corruption> corruptions, int[] severities, Resolution table,
                           Path outDir, ProgressListener progress) {
        checkSeverities(severities);
        long start = System.nanoTime();
        int n = clean.count();
        int size = clean.shape().size();
        int k = severities.length;
        int[] shape = {k * n, clean.shape().height(), clean.shape().width(), clean.shape().channels()};
        List<String> written = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int[] labels = clean.labels();
        checkLabels(labels);
        List<Corruption> todo = new ArrayList<>();
        for (Corruption c : corruptions) {
            if (isComplete(outDir.resolve(c.name() + ".npy"), shape)) {
                skipped.add(c.name());
            } else {
                todo.add(c);
            }
        }
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        progress.start("corrupt", (long) todo.size() * k * n);
        try {
            for (Corruption c : todo) {
                progress.status(c.name());
                byte[] data = new byte[k * n * size];
                clean.stream(all, chunk, (indices, images) -> {
                    for (int j = 0; j < k; j++) {
                        runner.applyToBytes(c, severities[j], table, images, indices, data,
                                j * n * size + indices[0] * size, progress);
                    }
                });
                // the folder and labels.npy appear only with the first finished corruption file, so a
                // run that fails before that leaves nothing behind
                createFolder(outDir);
                writer.write(outDir.resolve(c.name() + ".npy"), shape, data);
                written.add(c.name());
                writeLabels(labels, k, outDir.resolve("labels.npy"));
            }
        } finally {
            progress.finish();
        }
        if (!skipped.isEmpty()) {
            writeLabels(labels, k, outDir.resolve("labels.npy"));
        }
        return new Result(written, skipped, (System.nanoTime() - start) / 1e9);
    }

    static void checkSeverities(int[] severities) {
        for (int s : severities) {
            if (s < 1 || s > 5) {
                throw new UserInputException("severity " + s + " is not in 1..5", "use --severities 1,2,3,4,5");
            }
        }
    }

    private static void createFolder(Path outDir) {
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new UserInputException("cannot create " + outDir + ": " + e.getMessage());
        }
    }

    private static void checkLabels(int[] labels) {
        if (labels == null) {
            throw new UserInputException("the clean images have no labels; a -C set needs them");
        }
        boolean small = java.util.Arrays.stream(labels).allMatch(l -> l >= 0 && l <= 255);
        if (!small) {
            throw new UserInputException("labels above 255 cannot be stored as uint8 labels.npy",
                    "-C sets are written for data sets with at most 256 classes");
        }
    }

    private void writeLabels(int[] labels, int k, Path file) {
        int n = labels.length;
        if (isComplete(file, new int[] {k * n})) {
            return;
        }
        byte[] b = new byte[k * n];
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < n; i++) {
                b[j * n + i] = (byte) labels[i];
            }
        }
        writer.write(file, new int[] {k * n}, b);
    }

    /** True when the file exists, declares uint8 data of this shape and holds all of it. */
    static boolean isComplete(Path file, int[] shape) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(10);
            if (head.length < 10 || head[0] != (byte) 0x93) {
                return false;
            }
            int len = (head[8] & 0xFF) | (head[9] & 0xFF) << 8;
            String header = new String(in.readNBytes(len), StandardCharsets.ISO_8859_1);
            String dims = String.join(", ", java.util.Arrays.stream(shape).mapToObj(Integer::toString).toList());
            if (shape.length == 1) {
                dims += ",";
            }
            long bytes = 1;
            for (int d : shape) {
                bytes *= d;
            }
            return header.contains("'|u1'") && header.contains("(" + dims + ")")
                    && Files.size(file) == 10 + len + bytes;
        } catch (IOException e) {
            return false;
        }
    }
}
