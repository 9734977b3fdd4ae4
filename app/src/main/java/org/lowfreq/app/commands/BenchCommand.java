package org.lowfreq.app.commands;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.lowfreq.app.ProbeRun;
import org.lowfreq.corruptions.CorruptionRunner;
import org.lowfreq.corruptions.Corruptions;
import org.lowfreq.corruptions.FrostImages;
import org.lowfreq.spi.Corruption;
import org.lowfreq.spi.Dataset;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.ProgressListener;
import org.lowfreq.spi.Resolution;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lowfreq bench ...}: throughput measurements. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Throughput benchmarks.",
        subcommands = {TensorFlowBenchCommand.class, PyTorchBenchCommand.class, BenchCommand.CorruptionsBench.class})
public final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Images per second and CPU time per image of each corruption (all five severities in turn),
     * on synthetic images of the given sizes or on the first images of a data set.
     */
    @Command(name = "corruptions", mixinStandardHelpOptions = true,
            description = {"Images/s and CPU time per image for each corruption, severities 1..5 in turn, on "
                    + "synthetic images of --sizes or on the first --images images of --dataset.",
                    "Example (the figures of docs/BENCHMARKS.md):",
                    "  lowfreq bench corruptions --dataset cifar10 --images 500 --threads 1"})
    public static final class CorruptionsBench implements Runnable {
        private final ProbeRun probeRun;

        @Spec
        CommandSpec spec;

        @Option(names = "--sizes", defaultValue = "32,224", split = ",", description = "Image sizes (default: ${DEFAULT-VALUE}).")
        int[] sizes;

        @Option(names = "--dataset", paramLabel = "NAME",
                description = "Use this data set's first --images images instead of synthetic ones (e.g. cifar10).")
        String dataset;

        @Option(names = "--split", defaultValue = "test", description = "Split of --dataset (default: ${DEFAULT-VALUE}).")
        String split;

        @Option(names = "--images", defaultValue = "0",
                description = "Images per corruption and severity (0 = 500 of --dataset, else 2000 at 32 px and 40 at 224 px).")
        int images;

        @Option(names = "--threads", defaultValue = "0", description = "Worker threads (0 = all cores).")
        int threads;

        @Option(names = "--repeats", defaultValue = "3",
                description = "Timed passes over the images, after one untimed warm-up pass (default: ${DEFAULT-VALUE}).")
        int repeats;

        @Option(names = "--corruptions", defaultValue = "all", description = "Which (default: ${DEFAULT-VALUE}).")
        String corruptions;

        @Option(names = "--frost-dir", paramLabel = "DIR",
                description = "Frost images folder instead of the copies in the jar (default: $LOWFREQ_FROST_DIR when set).")
        Path frostDir;

        @Inject
        CorruptionsBench(ProbeRun probeRun) {
            this.probeRun = probeRun;
        }

        @Override
        public void run() {
            if (repeats < 1) {
                throw new org.lowfreq.spi.UserInputException("--repeats " + repeats + " is not positive", "use --repeats 1 or more");
            }
            var out = spec.commandLine().getOut();
            int t = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
            List<Corruption> list = new Corruptions(FrostImages.fromEnvironment(frostDir)).select(corruptions);
            List<Images> batches = new java.util.ArrayList<>();
            List<String> labels = new java.util.ArrayList<>();
            if (dataset != null) {
                int n = images > 0 ? images : 500;
                Dataset data = probeRun.openDataset(dataset, split, n);
                Images batch = data.read(split, 0, Math.min(n, data.size(split)));
                batches.add(batch);
                labels.add(dataset + " " + batch.count() + " images");
            } else {
                for (int size : sizes) {
                    int n = images > 0 ? images : (size <= 32 ? 2000 : 40);
                    batches.add(synthetic(n, new ImageShape(size, size, 3)));
                    labels.add(size + " px");
                }
            }
            double[][] rates = new double[list.size()][batches.size()];
            double[][] cpu = new double[list.size()][batches.size()];
            for (int bi = 0; bi < batches.size(); bi++) {
                Images batch = batches.get(bi);
                int n = batch.count();
                Resolution table = Resolution.forSize(batch.shape().height(), batch.shape().width());
                byte[] bytes = new byte[batch.pixels().length];
                try (CorruptionRunner runner = new CorruptionRunner(0, t)) {
                    for (int ci = 0; ci < list.size(); ci++) {
                        Corruption c = list.get(ci);
                        // one untimed pass over the same work, so the JIT has compiled the hot loops
                        for (int s = 1; s <= 5; s++) {
                            runner.applyToBytes(c, s, table, batch, 0, bytes, 0, ProgressListener.NONE);
                        }
                        long start = System.nanoTime();
                        long cpuStart = processCpuNanos();
                        for (int r = 0; r < repeats; r++) {
                            for (int s = 1; s <= 5; s++) {
                                runner.applyToBytes(c, s, table, batch, 0, bytes, 0, ProgressListener.NONE);
                            }
                        }
                        double count = 5.0 * n * repeats;
                        rates[ci][bi] = count / ((System.nanoTime() - start) / 1e9);
                        cpu[ci][bi] = (processCpuNanos() - cpuStart) / 1e3 / count;
                    }
                }
            }
            StringBuilder head = new StringBuilder("| corruption |");
            for (String label : labels) {
                head.append(" images/s, ").append(label).append(" | CPU µs/image, ").append(label).append(" |");
            }
            out.println(head);
            out.println("|---|" + "---|---|".repeat(batches.size()));
            double[] total = new double[batches.size()];
            for (int ci = 0; ci < list.size(); ci++) {
                StringBuilder row = new StringBuilder("| " + list.get(ci).name() + " |");
                for (int bi = 0; bi < batches.size(); bi++) {
                    row.append(String.format(Locale.ROOT, " %.0f | %.1f |", rates[ci][bi], cpu[ci][bi]));
                    total[bi] += cpu[ci][bi];
                }
                out.println(row);
            }
            StringBuilder row = new StringBuilder("| all (sum of CPU per image) |");
            for (int bi = 0; bi < batches.size(); bi++) {
                row.append(String.format(Locale.ROOT, " | %.1f |", total[bi]));
            }
            // the rate column stays empty: the sum of CPU times is the figure that adds up
            out.println(row);
            out.printf("(%d threads, severities 1..5 each, %d timed passes after a warm-up pass)%n", t, repeats);
        }

        /**
         * CPU time of the Java threads (the workers doing the corrupting), not of the process:
         * the JIT compiler and garbage collector threads would otherwise charge their start-up
         * work to whichever corruption runs first.
         */
        private static long processCpuNanos() {
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long sum = 0;
            for (long id : threads.getAllThreadIds()) {
                long t = threads.getThreadCpuTime(id);
                if (t > 0) {
                    sum += t;
                }
            }
            return sum;
        }

        private static Images synthetic(int n, ImageShape s) {
            java.util.SplittableRandom r = new java.util.SplittableRandom(1);
            float[] px = new float[n * s.size()];
            for (int i = 0; i < n; i++) {
                double a = r.nextDouble(0.02, 0.3);
                double b = r.nextDouble(0.02, 0.3);
                for (int y = 0; y < s.height(); y++) {
                    for (int x = 0; x < s.width(); x++) {
                        for (int c = 0; c < 3; c++) {
                            double v = 0.5 + 0.35 * Math.sin(a * x + c) * Math.cos(b * y - c) + 0.05 * r.nextGaussian();
                            px[i * s.size() + (y * s.width() + x) * 3 + c] = Math.round(Math.max(0, Math.min(1, v)) * 255) / 255f;
                        }
                    }
                }
            }
            return new Images(n, s, px);
        }
    }
}
