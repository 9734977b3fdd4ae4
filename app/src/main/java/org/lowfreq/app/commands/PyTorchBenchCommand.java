package org.lowfreq.app.commands;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.lowfreq.pytorch.PyTorchModelProvider;
import org.lowfreq.pytorch.TorchOptions;
import org.lowfreq.spi.Classifier;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.Loss;
import org.lowfreq.spi.ModelCard;
import org.lowfreq.spi.UserInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code lowfreq bench pytorch FILE.pt}: logits and input-gradient images/s of a TorchScript model
 * through the pytorch backend (random [0,1] images), for a side-by-side comparison with PyTorch in
 * Python on the same file ({@code bench/vs-pytorch.sh --torchscript FILE.pt}).
 */
@Command(name = "pytorch", mixinStandardHelpOptions = true,
        description = {"Measure logits and input-gradient images/s of a TorchScript model through the pytorch backend.",
                "The model takes [0,1] NCHW images with any normalisation inside (tools/make-resnet18.py makes one).",
                "Example:", "  lowfreq bench pytorch resnet18-w16.pt --batch-size 128 --steps 10"})
public final class PyTorchBenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "TorchScript file.")
    Path file;

    @Option(names = "--size", defaultValue = "32", description = "Image side in pixels (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--classes", defaultValue = "10", description = "Classes the model returns (default: ${DEFAULT-VALUE}).")
    int classes;

    @Option(names = "--batch-size", defaultValue = "128", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--steps", defaultValue = "10", description = "Timed batches per workload (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--warmup", defaultValue = "2", description = "Untimed batches first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--threads", defaultValue = "0", description = "libtorch intra-op threads (0 = its default).")
    int threads;

    @Override
    public void run() {
        if (steps < 1 || warmup < 0) {
            throw new UserInputException("--steps must be >= 1 and --warmup >= 0");
        }
        ImageShape shape = new ImageShape(size, size, 3);
        ModelCard card = new ModelCard(file.getFileName().toString(), "bench", "unknown", PyTorchModelProvider.NAME,
                shape, IntStream.range(0, classes).mapToObj(i -> "c" + i).toList(), 0, 0, "random", -1, Double.NaN,
                Map.of("input_layout", "NCHW"));
        SplittableRandom r = new SplittableRandom(1);
        float[] px = new float[batch * shape.size()];
        for (int i = 0; i < px.length; i++) {
            px[i] = (float) r.nextDouble();
        }
        Images images = new Images(batch, shape, px);
        int[] targets = IntStream.range(0, batch).map(i -> i % classes).toArray();
        var out = spec.commandLine().getOut();
        try (Classifier c = new PyTorchModelProvider(new TorchOptions(threads, batch)).load(file, card)) {
            double logits = timed(() -> c.logits(images));
            double grads = timed(() -> c.lossGradient(images, targets, Loss.CROSS_ENTROPY));
            out.printf(Locale.ROOT, "java %s batch %d: logits %.1f images/s, input gradient %.1f images/s%n",
                    file.getFileName(), batch, batch / logits, batch / grads);
        }
        out.flush();
    }

    /** Median seconds per batch over the timed steps. */
    private double timed(Runnable step) {
        for (int i = 0; i < warmup; i++) {
            step.run();
        }
        double[] s = new double[steps];
        for (int i = 0; i < steps; i++) {
            long t = System.nanoTime();
            step.run();
            s[i] = (System.nanoTime() - t) / 1e9;
        }
        java.util.Arrays.sort(s);
        return s[steps / 2];
    }
}
