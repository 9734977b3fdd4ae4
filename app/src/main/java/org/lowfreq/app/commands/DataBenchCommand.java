package org.lowfreq.app.commands;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import org.lowfreq.app.GlobalOptions;
import org.lowfreq.app.PluginRegistry;
import org.lowfreq.datasets.stream.ExampleOrder;
import org.lowfreq.datasets.stream.ExampleSource;
import org.lowfreq.datasets.stream.LoaderBenchmark;
import org.lowfreq.datasets.stream.LoaderSettings;
import org.lowfreq.datasets.stream.StreamableDataset;
import org.lowfreq.datasets.stream.UnreadablePolicy;
import org.lowfreq.spi.Dataset;
import org.lowfreq.spi.Seeds;
import org.lowfreq.spi.UserInputException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code data bench NAME}: the streaming loader's throughput alone, per worker count, and the JVM's resident memory. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Images/s of the streaming loader alone (decode + view, nothing consumes the batches) for each "
                + "worker count, and the JVM's peak resident memory (VmHWM).",
                "One untimed warm-up pass, then --repeats rounds; each round times every worker count in turn; medians shown.",
                "Example (docs/BENCHMARKS.md):",
                "  lowfreq data synth imagenet /tmp/synth --classes 20 --per-class 50",
                "  lowfreq --data-dir /tmp/synth data bench imagenet --split train --train --workers 1,2"})
public final class DataBenchCommand implements Runnable {
    private final PluginRegistry registry;
    private final GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "A streamed data set (imagenet, tiny-imagenet, tiny-imagenet-gray, imagenet-c, ...).")
    String name;

    @Option(names = "--split", defaultValue = "train", description = "Split (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--workers", defaultValue = "1,2", split = ",", converter = ValueConverters.AtLeastOne.class,
            paramLabel = "LIST", description = "Worker counts to measure (default: ${DEFAULT-VALUE}).")
    List<Integer> workers;

    @Option(names = "--batch-size", defaultValue = "32", converter = ValueConverters.AtLeastOne.class, paramLabel = "B",
            description = "Images per batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--limit", defaultValue = "0", converter = ValueConverters.ZeroOrMore.class, paramLabel = "N",
            description = "Images per pass (default: 0 = the whole split).")
    int limit;

    @Option(names = "--repeats", defaultValue = "3", converter = ValueConverters.AtLeastOne.class,
            description = "Timed rounds (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the order and augmentation (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--on-unreadable", defaultValue = "refuse", paramLabel = "refuse|skip",
            description = "An image that cannot be decoded stops the run (refuse) or is reported and left out (skip) (default: ${DEFAULT-VALUE}).")
    String onUnreadable;

    @ArgGroup(exclusive = true)
    View view = new View();

    static final class View {
        @Option(names = "--train", description = "The training view (augmentation from each image's seeded stream; the default).")
        boolean train;

        @Option(names = "--eval", description = "The evaluation view (resize and centre crop).")
        boolean eval;
    }

    @Inject
    DataBenchCommand(PluginRegistry registry, GlobalOptions global) {
        this.registry = registry;
        this.global = global;
    }

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        UnreadablePolicy policy = UnreadablePolicy.parse(onUnreadable);
        Dataset d = registry.dataset(name).open(global.dataRoot().path());
        if (!(d instanceof StreamableDataset s)) {
            throw new UserInputException("data set " + name + " is not streamed (small sets are read whole into memory)",
                    "bench a streamed set: imagenet, tiny-imagenet, tiny-imagenet-gray, tiny-imagenet-c, imagenet-c");
        }
        d.requireSplit(split);
        boolean training = !view.eval;
        ExampleSource source = s.examples(split, training);
        int n = limit == 0 ? source.size() : Math.min(limit, source.size());
        if (n == 0) {
            throw new UserInputException("split " + split + " of " + name + " has no images");
        }
        // a random subset in random order for training (as an epoch reads), the first n in order for evaluation
        int[] order = training ? java.util.Arrays.copyOf(ExampleOrder.shuffled(source.size(),
                Seeds.random(seed, "bench-order")), n) : ExampleOrder.sequential(n);
        LoaderSettings settings = new LoaderSettings(batchSize, 1, 2, seed, "augment", 0, policy);
        out.printf(Locale.ROOT, "%s %s, %s view (%s), %d images of %s, batch %d, %d round(s) after a warm-up; load average %s%n",
                name, split, training ? "training" : "evaluation", training ? s.trainingAugmentation() : "resize + centre crop",
                n, source.shape(), batchSize, repeats, LoaderBenchmark.loadAverage());
        out.flush();
        List<LoaderBenchmark.Result> results = LoaderBenchmark.run(source, order, settings, workers, repeats,
                line -> {
                    if (!global.quiet()) {
                        spec.commandLine().getErr().println(line);
                        spec.commandLine().getErr().flush();
                    }
                });
        out.printf(Locale.ROOT, "%-8s %-8s %-10s %-10s %-16s %s%n", "WORKERS", "IMAGES", "MEDIAN_S", "IMAGES/S",
                "IMAGES/S/WORKER", "PEAK_LIVE_IMAGES");
        for (LoaderBenchmark.Result r : results) {
            out.printf(Locale.ROOT, "%-8d %-8d %-10.3f %-10.1f %-16.1f %d%n", r.workers(), r.images(), r.medianSeconds(),
                    r.imagesPerSecond(), r.imagesPerSecondPerWorker(), r.peakLiveImages());
        }
        OptionalLong hwm = LoaderBenchmark.processStatusKb("VmHWM");
        OptionalLong rss = LoaderBenchmark.processStatusKb("VmRSS");
        Runtime rt = Runtime.getRuntime();
        long committed = rt.totalMemory();
        System.gc(); // what stays alive (the listing, the code) rather than garbage not yet collected
        out.printf(Locale.ROOT, "resident memory: peak (VmHWM) %s, now (VmRSS) %s; Java heap committed %d MB of max %d MB,"
                        + " live after GC %d MB%n", mb(hwm), mb(rss), committed >> 20, rt.maxMemory() >> 20,
                (rt.totalMemory() - rt.freeMemory()) >> 20);
        out.flush();
    }

    private static String mb(OptionalLong kb) {
        return kb.isPresent() ? (kb.getAsLong() >> 10) + " MB" : "n/a (no /proc/self/status)";
    }
}
