package org.lowfreq.datasets.stream;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * The throughput of a {@link BatchLoader} alone: images per second a source delivers for several
 * worker counts, with nothing consuming the batches but closing them. One untimed warm-up pass (JIT,
 * page cache), then {@code repeats} rounds; each round times every worker count in turn, so the
 * counts are measured side by side under the same machine load, and the median of the rounds is
 * reported.
 */
public final class LoaderBenchmark {
    private LoaderBenchmark() {
    }

    /**
     * One worker count's figures.
     *
     * @param seconds        the timed passes, one per round
     * @param peakLiveImages the most images the loader held at once in any pass
     */
    public record Result(int workers, int images, List<Double> seconds, long peakLiveImages) {
        public Result {
            seconds = List.copyOf(seconds);
        }

        public double medianSeconds() {
            double[] s = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            int n = s.length;
            return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
        }

        public double imagesPerSecond() {
            return images / medianSeconds();
        }

        public double imagesPerSecondPerWorker() {
            return imagesPerSecond() / workers;
        }
    }

    /**
     * @param settings the batch size, queue, seed, stream and unreadable policy; its worker count is
     *                 replaced by each of {@code workers} (the queue by max(its queue, 2 x workers))
     * @param progress told one line per timed pass
     */
    public static List<Result> run(ExampleSource source, int[] order, LoaderSettings settings, List<Integer> workers,
                                   int repeats, Consumer<String> progress) {
        if (workers.isEmpty() || repeats < 1) {
            throw new IllegalArgumentException("need at least one worker count and one repeat");
        }
        int maxWorkers = workers.stream().mapToInt(Integer::intValue).max().orElseThrow();
        pass(source, order, with(settings, maxWorkers, 0)); // warm-up, untimed
        List<List<Double>> seconds = new ArrayList<>();
        long[] peaks = new long[workers.size()];
        int[] counts = new int[workers.size()];
        for (int k = 0; k < workers.size(); k++) {
            seconds.add(new ArrayList<>());
        }
        for (int r = 0; r < repeats; r++) {
            for (int k = 0; k < workers.size(); k++) {
                long t0 = System.nanoTime();
                long[] out = pass(source, order, with(settings, workers.get(k), r + 1));
                double s = (System.nanoTime() - t0) / 1e9;
                seconds.get(k).add(s);
                counts[k] = (int) out[0];
                peaks[k] = Math.max(peaks[k], out[1]);
                progress.accept(String.format(java.util.Locale.ROOT, "round %d, %d worker(s): %d images in %.2f s",
                        r + 1, workers.get(k), out[0], s));
            }
        }
        List<Result> results = new ArrayList<>();
        for (int k = 0; k < workers.size(); k++) {
            results.add(new Result(workers.get(k), counts[k], seconds.get(k), peaks[k]));
        }
        return results;
    }

    private static LoaderSettings with(LoaderSettings s, int workers, int epoch) {
        return new LoaderSettings(s.batchSize(), workers, Math.max(s.queueBatches(), Math.max(2, 2 * workers)), s.seed(),
                s.stream(), epoch, s.unreadable());
    }

    /** Images delivered and the peak of live images. */
    private static long[] pass(ExampleSource source, int[] order, LoaderSettings s) {
        long images = 0;
        try (BatchLoader loader = new BatchLoader(source, order, s, null)) {
            while (loader.hasNext()) {
                try (Batch b = loader.next()) {
                    images += b.count();
                }
            }
            return new long[] {images, loader.peakLiveImages()};
        }
    }

    /**
     * A field of {@code /proc/self/status} in kB, e.g. {@code VmHWM} (the process's peak resident
     * memory) or {@code VmRSS}; empty where there is no such file (not Linux).
     */
    public static OptionalLong processStatusKb(String field) {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return OptionalLong.empty();
        }
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith(field + ":")) {
                    String[] parts = line.substring(field.length() + 1).trim().split("\\s+");
                    return OptionalLong.of(Long.parseLong(parts[0]));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty(); // memory figures are a report, never a reason to fail
        }
        return OptionalLong.empty();
    }

    /** The 1, 5 and 15 minute load averages from {@code /proc/loadavg}, or empty. */
    public static String loadAverage() {
        try {
            String[] p = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return String.join(" ", Arrays.copyOf(p, 3));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
