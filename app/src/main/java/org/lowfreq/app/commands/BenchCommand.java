package org.lowfreq.app.commands;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.lowfreq.corruptions.CorruptionRunner;
import org.lowfreq.corruptions.Corruptions;
import org.lowfreq.corruptions.FrostImages;
import org.lowfreq.spi.Corruption;
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

    /** Images per second of each corruption (all five severities in turn) on synthetic images. */
    @Command(name = "corruptions", mixinStandardHelpOptions = true,
            description = "Images/s per corruption at the given sizes (synthetic images, severities 1..5 in turn).")
    public static final class CorruptionsBench implements Runnable {
        @Spec
        CommandSpec spec;

        @Option(names = "--sizes", defaultValue = "32,224", split = ",", description = "Image sizes (default: ${DEFAULT-VALUE}).")
        int[] sizes;

        @Option(names = "--images", defaultValue = "0", description = "Images per corruption (0 = 2000 at 32 px, 40 at 224 px).")
        int images;

        @Option(names = "--threads", defaultValue = "0", description = "Worker threads (0 = all cores).")
        int threads;

        @Option(names = "--corruptions", defaultValue = "all", description = "Which (default: ${DEFAULT-VALUE}).")
        String corruptions;

        @Option(names = "--frost-dir", paramLabel = "DIR", description = "Frost images folder.")
        Path frostDir;

        @Override
        public void run() {
            var out = spec.commandLine().getOut();
            int t = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
            List<Corruption> list = new Corruptions(frostDir != null ? new FrostImages(frostDir)
                    : FrostImages.fromEnvironment()).select(corruptions);
            double[][] rates = new double[list.size()][sizes.length];
            double[][] cpu = new double[list.size()][sizes.length];
            for (int si = 0; si < sizes.length; si++) {
                int size = sizes[si];
                int n = images > 0 ? images : (size <= 32 ? 2000 : 40);
                Resolution table = Resolution.forSize(size, size);
                Images batch = synthetic(n, new ImageShape(size, size, 3));
                try (CorruptionRunner runner = new CorruptionRunner(0, t)) {
                    for (int ci = 0; ci < list.size(); ci++) {
                        Corruption c = list.get(ci);
                        runner.apply(c, 3, table, batch.slice(0, Math.min(n, 20)), 0, ProgressListener.NONE); // warm-up
                        long start = System.nanoTime();
                        long cpuStart = processCpuNanos();
                        for (int s = 1; s <= 5; s++) {
                            runner.apply(c, s, table, batch, 0, ProgressListener.NONE);
                        }
                        rates[ci][si] = 5.0 * n / ((System.nanoTime() - start) / 1e9);
                        cpu[ci][si] = (processCpuNanos() - cpuStart) / 1e3 / (5.0 * n);
                    }
                }
            }
            StringBuilder head = new StringBuilder("| corruption |");
            for (int size : sizes) {
                head.append(" images/s at ").append(size).append(" px | CPU µs/image at ").append(size).append(" px |");
            }
            out.println(head);
            out.println("|---|" + "---|---|".repeat(sizes.length));
            for (int ci = 0; ci < list.size(); ci++) {
                StringBuilder row = new StringBuilder("| " + list.get(ci).name() + " |");
                for (int si = 0; si < sizes.length; si++) {
                    row.append(String.format(Locale.ROOT, " %.0f | %.0f |", rates[ci][si], cpu[ci][si]));
                }
                out.println(row);
            }
            out.printf("(%d threads)%n", t);
        }

        /** CPU time of the whole process (all threads): robust to other jobs sharing the machine. */
        private static long processCpuNanos() {
            var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
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
