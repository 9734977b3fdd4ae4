package org.lowfreq.probes.hybrid;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.lowfreq.spi.Classifier;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.LabelDerangement;
import org.lowfreq.spi.ModelProvider;
import org.lowfreq.spi.Plugin;
import org.lowfreq.spi.ProgressListener;
import org.lowfreq.spi.Seeds;
import org.lowfreq.spi.UserInputException;

/**
 * Measures whether hybrid mixing keeps up with the model (docs/BENCHMARKS.md, "Hybrid probe"):
 * (1) JTransforms mixing alone, hybrids/s; (2) the model's pure inference rate on the same,
 * pre-mixed hybrids; (3) the probe's end-to-end rate (mixing on a worker pool, overlapped with
 * inference). Images are uniform noise of the model's input shape: speed does not depend on content.
 *
 * <pre>java -cp "app/target/lowfreq-app.jar:$(cat app/target/runtime-classpath.txt)" \
 *     org.lowfreq.probes.hybrid.HybridBenchmark MODEL_DIR [images=1024] [threads=2] [batch-size=0] [repeats=3]</pre>
 */
public final class HybridBenchmark {
    private HybridBenchmark() {
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: HybridBenchmark MODEL_DIR [images=1024] [threads=N] [batch-size=B] [repeats=3]");
            System.exit(2);
        }
        Path modelDir = Path.of(args[0]);
        int n = 1024;
        int threads = Runtime.getRuntime().availableProcessors();
        int batch = 0;
        int repeats = 3;
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            int v = Integer.parseInt(kv[1]);
            switch (kv[0]) {
                case "images" -> n = v;
                case "threads" -> threads = v;
                case "batch-size" -> batch = v;
                case "repeats" -> repeats = v;
                default -> throw new UserInputException("unknown argument " + args[i]);
            }
        }
        try (Classifier model = load(modelDir)) {
            run(model, n, threads, batch > 0 ? batch : model.preferredBatchSize(), repeats);
        }
    }

    static Classifier load(Path dir) {
        for (Plugin p : ServiceLoader.load(Plugin.class)) {
            for (ModelProvider m : p.models()) {
                if (m.canLoad(dir)) {
                    return m.load(dir);
                }
            }
        }
        throw new UserInputException("no backend on the class path can load " + dir);
    }

    static void run(Classifier model, int n, int threads, int batch, int repeats) {
        ImageShape shape = model.card().inputShape();
        Images images = noise(shape, n, model.card().classCount());
        MixGrid grid = new MixGrid(MixGrid.DEFAULT_GRID, shape.height(), shape.width());
        int[] partner = LabelDerangement.pairing(images.labels(), Seeds.random(0, "hybrid-pairing"));
        long hybrids = (long) n * grid.distinctMasks();
        System.out.printf(Locale.ROOT, "model %s (%s), %d images of %s, %d distinct masks -> %d hybrids per pass, "
                        + "batch %d, %d threads, cores %d%n", model.card().name(), model.card().backend(), n, shape,
                grid.distinctMasks(), hybrids, batch, threads, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, HybridImageProbe.daemonThreads());
        try {
            List<boolean[]> masks = new ArrayList<>();
            for (int m = 0; m < grid.distinctMasks(); m++) {
                masks.add(grid.mask(m));
            }
            int[] low = new int[n];
            for (int i = 0; i < n; i++) {
                low[i] = i;
            }
            HybridEvaluator evaluator = new HybridEvaluator(model, images, grid, pool, threads, batch);
            // warm-up of every path (JIT, backend graph)
            new HybridMixer(shape).mix(images.pixels(), new int[] {0}, new int[] {partner[0]}, masks);
            evaluator.evaluate(partner, ProgressListener.NONE);
            for (int r = 0; r < repeats; r++) {
                long t0 = System.nanoTime();
                float[][] mixed = new HybridMixer(shape).mix(images.pixels(), low, partner, masks);
                double mixRate = hybrids / seconds(t0);

                t0 = System.nanoTime();
                for (float[] m : mixed) {
                    for (int from = 0; from < n; from += batch) {
                        int to = Math.min(n, from + batch);
                        model.logits(new Images(to - from, shape, java.util.Arrays.copyOfRange(m, from * shape.size(),
                                to * shape.size())));
                    }
                }
                double inferRate = hybrids / seconds(t0);

                t0 = System.nanoTime();
                evaluator.evaluate(partner, ProgressListener.NONE);
                double probeRate = hybrids / seconds(t0);
                System.out.printf(Locale.ROOT, "repeat %d: mixing alone (1 thread) %.0f hybrids/s; pure inference "
                                + "%.0f images/s; probe %.0f hybrids/s = %.1f%% of inference%n", r + 1, mixRate,
                        inferRate, probeRate, 100 * probeRate / inferRate);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static Images noise(ImageShape shape, int n, int classes) {
        SplittableRandom r = new SplittableRandom(1);
        float[] px = new float[n * shape.size()];
        for (int i = 0; i < px.length; i++) {
            px[i] = (float) r.nextDouble();
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % classes;
        }
        return new Images(n, shape, px, labels);
    }
}
