package org.lowfreq.app.commands;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Locale;
import org.lowfreq.app.PluginRegistry;
import org.lowfreq.app.ProbeRun;
import org.lowfreq.spi.Classifier;
import org.lowfreq.spi.Dataset;
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
            double accuracy = org.lowfreq.app.CleanAccuracy.measure(c, data, split, n, progress.listener());
            spec.commandLine().getOut().printf(Locale.ROOT, "%s (backend %s) on %s/%s (%d images): accuracy %.4f%n",
                    c.card().name(), c.card().backend(), data.name(), split, n, accuracy);
        }
    }
}
