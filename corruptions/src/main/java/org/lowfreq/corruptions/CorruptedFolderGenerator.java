package org.lowfreq.corruptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.lowfreq.spi.AtomicFiles;
import org.lowfreq.spi.Corruption;
import org.lowfreq.spi.ProgressListener;
import org.lowfreq.spi.Resolution;
import org.lowfreq.spi.UserInputException;

/**
 * Writes a corrupted set in the layout of the published Tiny-ImageNet-C and ImageNet-C:
 * {@code <out>/<corruption>/<severity>/<class>/<name>.JPEG}, each image JPEG-encoded as those sets
 * were ({@link PublishedJpeg}: quality 85, 4:2:0, optimised Huffman tables) after the same uint8
 * truncation as the NPY layout. The clean split is streamed in chunks; each file is written under a
 * temporary name and renamed when complete, so a rerun skips the images whose files all exist and
 * redoes only the rest (temporary files of an interrupted run are deleted first).
 */
public final class CorruptedFolderGenerator {
    private final CorruptionRunner runner;
    private final int chunk;

    public CorruptedFolderGenerator(CorruptionRunner runner) {
        this(runner, CorruptedSetGenerator.CHUNK);
    }

    /** @param chunk clean images read at once */
    CorruptedFolderGenerator(CorruptionRunner runner, int chunk) {
        this.runner = runner;
        this.chunk = chunk;
    }

    /** The file of image {@code index} at a corruption and severity. */
    static Path file(Path outDir, CleanImages clean, String corruption, int severity, int index) {
        String cls = clean.classNames().get(clean.labels()[index]);
        return outDir.resolve(corruption).resolve(Integer.toString(severity)).resolve(cls)
                .resolve(clean.baseName(index) + ".JPEG");
    }

    public CorruptedSetGenerator.Result generate(CleanImages clean, List<Corruption> corruptions, int[] severities,
                                                 Resolution table, Path outDir, ProgressListener progress) {
        CorruptedSetGenerator.checkSeverities(severities);
        long start = System.nanoTime();
        int n = clean.count();
        int size = clean.shape().size();
        int k = severities.length;
        int[] labels = clean.labels();
        if (labels == null) {
            throw new UserInputException("the clean images have no labels; a -C set needs them");
        }
        for (int l : labels) {
            if (l < 0 || l >= clean.classNames().size()) {
                throw new UserInputException("label " + l + " has no class name (" + clean.classNames().size()
                        + " classes), so it has no class folder");
            }
        }
        List<String> written = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<int[]> todo = new ArrayList<>();
        long work = 0;
        for (Corruption c : corruptions) {
            removeDebris(outDir.resolve(c.name()));
            int[] missing = missing(outDir, clean, c.name(), severities);
            todo.add(missing);
            work += (long) missing.length * k;
        }
        progress.start("corrupt", work);
        try {
            for (int ci = 0; ci < corruptions.size(); ci++) {
                Corruption c = corruptions.get(ci);
                int[] missing = todo.get(ci);
                if (missing.length == 0) {
                    skipped.add(c.name());
                    continue;
                }
                progress.status(c.name());
                clean.stream(missing, chunk, (indices, images) -> {
                    int m = indices.length;
                    byte[] data = new byte[k * m * size];
                    for (int j = 0; j < k; j++) {
                        runner.applyToBytes(c, severities[j], table, images, indices, data, j * m * size, progress);
                    }
                    // encoding is a fair share of the work at 224 px: on the runner's threads too
                    runner.forEach(k * m, jt -> {
                        int j = jt / m;
                        int t = jt % m;
                        Path f = file(outDir, clean, c.name(), severities[j], indices[t]);
                        if (!Files.isRegularFile(f)) {
                            PublishedJpeg.write(f, data, (j * m + t) * size, clean.shape());
                        }
                    });
                });
                written.add(c.name());
            }
        } finally {
            progress.finish();
        }
        return new CorruptedSetGenerator.Result(written, skipped, (System.nanoTime() - start) / 1e9);
    }

    /** Images with at least one severity file missing (a complete file is never rewritten). */
    private static int[] missing(Path outDir, CleanImages clean, String corruption, int[] severities) {
        int n = clean.count();
        int[] out = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            for (int s : severities) {
                if (!Files.isRegularFile(file(outDir, clean, corruption, s, i))) {
                    out[m++] = i;
                    break;
                }
            }
        }
        return java.util.Arrays.copyOf(out, m);
    }

    /** Deletes the temporary files an interrupted run left (never a finished image). */
    private static void removeDebris(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).filter(AtomicFiles::isTemporary).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new UserInputException("cannot clean up " + dir + ": " + e.getMessage());
        }
    }
}
