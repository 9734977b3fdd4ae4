package org.lowfreq.app.commands;

import java.util.List;
import org.lowfreq.tensorflow.SessionOptions;
import org.lowfreq.tensorflow.TensorFlowBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code lowfreq bench tensorflow}: training, inference and input-gradient throughput of the TensorFlow
 * backend on random images. oneDNN is switched with the environment ({@code TF_ENABLE_ONEDNN_OPTS=0}).
 */
@Command(name = "tensorflow", mixinStandardHelpOptions = true,
        description = {"Measure TensorFlow training, inference and input-gradient images/s (random 32 px images).",
                "The input-gradient figure is the rate 'lowfreq attack' compares its own with: the same workload "
                        + "(spi InputGradientBench), there run on the attacked model.",
                "Example:", "  lowfreq bench tensorflow --width 16,64 --batch-size 128 --steps 10"})
public final class TensorFlowBenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--arch", defaultValue = "resnet18", description = "Architecture (default: ${DEFAULT-VALUE}).")
    String arch;

    @Option(names = "--width", split = ",", defaultValue = "16", converter = ValueConverters.AtLeastOne.class, description = "Width multipliers (default: ${DEFAULT-VALUE}).")
    List<Integer> widths;

    @Option(names = "--batch-size", defaultValue = "128", converter = ValueConverters.AtLeastOne.class, description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--steps", defaultValue = "10", converter = ValueConverters.AtLeastOne.class, description = "Timed steps per workload (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--warmup", defaultValue = "2", converter = ValueConverters.ZeroOrMore.class, description = "Untimed steps first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--intra-op", defaultValue = "0", converter = ValueConverters.ZeroOrMore.class, description = "Intra-op threads (0 = TensorFlow default).")
    int intra;

    @Option(names = "--inter-op", defaultValue = "0", converter = ValueConverters.ZeroOrMore.class, description = "Inter-op threads (0 = TensorFlow default).")
    int inter;

    @Option(names = "--xla", description = "XLA just-in-time compilation (global jit level ON_1).")
    boolean xla;

    @Option(names = "--unfolded-batch-norm", description = "Inference network with batch norm after each convolution, as models saved before the folding (to compare).")
    boolean unfolded;

    @Option(names = "--trace", description = "After timing, trace the training step and inference (TensorFlow's FULL_TRACE, "
            + "--steps runs each) and print milliseconds per run by op type: where a step's time goes.")
    boolean trace;

    @Override
    public void run() {
        var out = spec.commandLine().getOut();
        SessionOptions options = new SessionOptions(intra, inter, xla, batch);
        for (int w : widths) {
            var result = TensorFlowBenchmark.run(arch, w, batch, warmup, steps, options, !unfolded, trace, line -> {
                out.println("  " + line);
                out.flush();
            });
            out.println(result);
        }
    }
}
