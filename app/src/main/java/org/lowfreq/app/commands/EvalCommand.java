package org.lowfreq.app.commands;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Locale;
import org.lowfreq.app.PluginRegistry;
import org.lowfreq.app.ProbeRun;
import org.lowfreq.spi.Classifier;
import org.lowfreq.spi.Dataset;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.ProgressListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lowfreq eval --model DIR}: clean top-1 accuracy of a saved model. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Print the clean top-1 accuracy of a saved model on a data split.",
                "Example:", "  lowfreq eval --model models/baseline-w16 --limit 1000"})
public final class EvalCommand implements Runnable {
    private final PluginRegistry registry;
    private final ProbeRun probeRun;
    private final org.lowfreq.app.Progress progress;

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "Saved model folder (required).")
    Path model;

    @Option(names = "--dataset", paramLabel = "NAME", description = "Data set (default: the one in the model card).")
    String dataset;

    @Option(names = "--split", defaultValue = "test", description = "Split (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--limit", converter = ValueConverters.ZeroOrMore.class, defaultValue = "0", paramLabel = "N", description = "Use only the first N images (0 = all).")
    int limit;

    @Inject
    EvalCommand(PluginRegistry registry, ProbeRun probeRun, org.lowfreq.app.Progress progress) {
        this.registry = registry;
        this.probeRun = probeRun;
        this.progress = progress;
    }

    @Override
    public void run() {
        try (Classifier c = registry.loadModel(model)) {
            Dataset data = probeRun.openDataset(dataset != null ? dataset : c.card().dataset(), split, limit);
            int n = limit > 0 ? Math.min(limit, data.size(split)) : data.size(split);
            int batch = Math.max(c.preferredBatchSize(), 256);
            long correct = 0;
            ProgressListener p = progress.listener();
            p.start("eval " + c.card().name(), n);
            for (int from = 0; from < n; from += batch) {
                Images images = data.read(split, from, Math.min(batch, n - from));
                int[] pred = c.logits(images).argmax();
                for (int i = 0; i < pred.length; i++) {
                    correct += pred[i] == images.labels()[i] ? 1 : 0;
                }
                p.advance(pred.length);
            }
            p.finish();
            spec.commandLine().getOut().printf(Locale.ROOT, "%s on %s/%s (%d images): accuracy %.4f%n", c.card().name(),
                    data.name(), split, n, (double) correct / n);
        }
    }
}
