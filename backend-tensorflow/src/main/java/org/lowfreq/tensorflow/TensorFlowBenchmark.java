package org.lowfreq.tensorflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.InputGradientBench;
import org.lowfreq.spi.ModelCard;
import org.lowfreq.spi.UserInputException;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Throughput of the three workloads that matter here, on random 32 px images (no data loading or
 * augmentation): a training step, inference (logits) and the input gradient (one PGD step, timed by
 * {@link InputGradientBench}, the measurement {@code lowfreq attack} compares its own rate with), each
 * in images per second. Not a test: speed is reported, never asserted.
 */
public final class TensorFlowBenchmark {
    /** Images per second of each workload. */
    public record Throughput(String arch, int width, long parameters, int batch, String settings, double train,
                             double inference, double inputGradient) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT,
                    "%s w%d (%d parameters) batch %d [%s]: train %.1f, inference %.1f, input-gradient %.1f images/s",
                    arch, width, parameters, batch, settings, train, inference, inputGradient);
        }
    }

    /** Op types named one by one in a traced line; the rest are summed as "other". */
    private static final int TRACE_TOP = 8;

    private TensorFlowBenchmark() {
    }

    /**
     * Runs {@code warmup} then {@code steps} timed steps of each workload.
     *
     * @param log receives one line per finished workload
     */
    public static Throughput run(String arch, int width, int batch, int warmup, int steps, SessionOptions options,
                                 Consumer<String> log) {
        return run(arch, width, batch, warmup, steps, options, true, log);
    }

    /**
     * As {@link #run(String, int, int, int, int, SessionOptions, Consumer)}; with {@code foldBatchNorm}
     * false the inference network keeps batch norm after its convolutions, as models saved before
     * the folding do (for comparing the two).
     */
    public static Throughput run(String arch, int width, int batch, int warmup, int steps, SessionOptions options,
                                 boolean foldBatchNorm, Consumer<String> log) {
        return run(arch, width, batch, warmup, steps, options, foldBatchNorm, false, log);
    }

    /**
     * As above; with {@code trace}, each timed training and inference workload is followed by
     * {@code steps} runs under TensorFlow's trace, logged as milliseconds per run by op type
     * ({@link OpTimes}): where the step's time goes.
     */
    public static Throughput run(String arch, int width, int batch, int warmup, int steps, SessionOptions options,
                                 boolean foldBatchNorm, boolean trace, Consumer<String> log) {
        ImageShape shape = arch.equals("resnet50") ? new ImageShape(224, 224, 3) : new ImageShape(32, 32, 3);
        ModelSpec spec = new ModelSpec(arch, width, shape, 10, new float[] {0.5f, 0.5f, 0.5f},
                new float[] {0.25f, 0.25f, 0.25f}, 0, null);
        SplittableRandom rng = new SplittableRandom(0);
        float[] px = new float[batch * shape.size()];
        for (int i = 0; i < px.length; i++) {
            px[i] = (float) rng.nextDouble();
        }
        int[] labels = new int[batch];
        for (int i = 0; i < batch; i++) {
            labels[i] = rng.nextInt(10);
        }
        String settings = "intra=" + options.intraOpThreads() + " inter=" + options.interOpThreads() + " xla=" + options.xla()
                + " onednn=" + !"0".equals(System.getenv("TF_ENABLE_ONEDNN_OPTS"))
                + " batch-norm=" + (foldBatchNorm ? "folded" : "unfolded");
        try (Graph g = new Graph()) {
            ModelGraph mg = new ModelGraph(g, spec, 0, 1e-4, foldBatchNorm
                    ? NetworkBuilder.BatchNormMode.INFERENCE : NetworkBuilder.BatchNormMode.INFERENCE_UNFOLDED);
            try (Session s = new Session(g, options.config());
                 TFloat32 x = Tensors.images(px, 0, batch, shape.height(), shape.width(), shape.channels());
                 TInt32 y = Tensors.ints(labels, 0, batch);
                 TFloat32 lr = TFloat32.scalarOf(0.01f)) {
                s.initialize();
                double train = time(warmup, steps, batch, () -> {
                    try (Result r = s.runner().feed(mg.images, x).feed(mg.labels, y).feed(mg.learningRate, lr)
                            .addTarget(mg.trainStep).fetch(mg.trainLoss).run()) {
                        r.size();
                    }
                });
                log.accept(String.format(Locale.ROOT, "train %.1f images/s", train));
                if (trace) {
                    log.accept("train by op type, " + OpTimes.describe(OpTimes.trace(() -> s.runner().feed(mg.images, x)
                            .feed(mg.labels, y).feed(mg.learningRate, lr).addTarget(mg.trainStep).fetch(mg.trainLoss),
                            0, steps), TRACE_TOP));
                }
                double inference = time(warmup, steps, batch, () -> {
                    try (Result r = s.runner().feed(mg.images, x).fetch(mg.logits).run()) {
                        r.size();
                    }
                });
                log.accept(String.format(Locale.ROOT, "inference %.1f images/s", inference));
                if (trace) {
                    log.accept("inference by op type, " + OpTimes.describe(OpTimes.trace(
                            () -> s.runner().feed(mg.images, x).fetch(mg.logits), 0, steps), TRACE_TOP));
                }
                double gradient = inputGradient(s, mg, spec, new InputGradientBench(batch, warmup, steps), options);
                log.accept(String.format(Locale.ROOT, "input-gradient %.1f images/s", gradient));
                return new Throughput(arch, width, parameters(mg), batch, settings, train, inference, gradient);
            }
        }
    }

    /** Trained values (kernels, batch-norm scales and shifts, head), as PyTorch's {@code parameters()} counts them. */
    static long parameters(ModelGraph mg) {
        long n = 0;
        for (var v : mg.network.trainable()) {
            n += v.shape().size();
        }
        return n;
    }

    /**
     * The input-gradient workload through the very code {@code lowfreq attack} measures and uses:
     * the fresh network is exported as a SavedModel, opened as a {@link TensorFlowClassifier}, and
     * timed by the spi's {@link InputGradientBench} (so the figure includes the copies into and out
     * of the native tensors that every attack step pays).
     */
    private static double inputGradient(Session s, ModelGraph mg, ModelSpec spec, InputGradientBench bench,
                                        SessionOptions options) {
        Path dir;
        try {
            dir = Files.createTempDirectory("lowfreq-bench-");
        } catch (IOException e) {
            throw new UserInputException("cannot create a temporary folder for the bench model: " + e.getMessage());
        }
        try {
            Path model = dir.resolve("model");
            try {
                SavedModelBundle.exporter(model.toString()).withSession(s).withSignature(mg.signature()).export();
            } catch (IOException e) {
                throw new UserInputException("cannot export the bench model to " + model + ": " + e.getMessage());
            }
            List<String> classes = new ArrayList<>();
            for (int i = 0; i < spec.classes(); i++) {
                classes.add("class" + i);
            }
            ModelCard card = new ModelCard("bench-" + spec.arch() + "-w" + spec.width(), "bench", spec.arch(),
                    TensorFlowModelProvider.NAME, spec.input(), classes, 0, 0, null, 0, Double.NaN, Map.of());
            try (TensorFlowClassifier c = TensorFlowClassifier.open(model, card, options, w -> { })) {
                return bench.measure(c).imagesPerSecond();
            }
        } finally {
            TrainingCheckpoints.deleteTree(dir);
        }
    }

    private static double time(int warmup, int steps, int batch, Runnable step) {
        for (int i = 0; i < warmup; i++) {
            step.run();
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < steps; i++) {
            step.run();
        }
        return (double) steps * batch / ((System.nanoTime() - t0) / 1e9);
    }
}
