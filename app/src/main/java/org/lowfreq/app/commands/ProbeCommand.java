package org.lowfreq.app.commands;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lowfreq.app.ProbeRun;
import org.lowfreq.spi.Options;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lowfreq probe NAME --model DIR --out DIR}: runs any discovered probe on a saved model. */
@Command(name = "probe", mixinStandardHelpOptions = true,
        description = {"Run a probe (see 'lowfreq plugins') on a saved model; writes results.csv and figures to --out.",
                "Examples:",
                "  lowfreq probe hybrid --model models/baseline --seeds 6 --out out/hybrid",
                "  lowfreq probe corruption --model models/baseline --from data/CIFAR-10-C --out out/c"})
public final class ProbeCommand implements Runnable {
    private final ProbeRun probeRun;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROBE", description = "Probe name, e.g. hybrid, fourier-heatmap, corruption.")
    String probe;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "Saved model folder (with model-card.json) (required).")
    Path model;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (required).")
    Path out;

    @Option(names = "--dataset", paramLabel = "NAME", description = "Data set (default: the one in the model card).")
    String dataset;

    @Option(names = "--split", defaultValue = "test", description = "Split (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--limit", converter = ValueConverters.ZeroOrMore.class, defaultValue = "0", paramLabel = "N", description = "Use only the first N images (0 = all).")
    int limit;

    @Option(names = "--seed", defaultValue = "0", description = "Base seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", converter = ValueConverters.ZeroOrMore.class, defaultValue = "0", description = "Worker threads (0 = all cores).")
    int threads;

    @Option(names = "--seeds", converter = ValueConverters.AtLeastOne.class, paramLabel = "K", description = "Number of seeds, for probes that repeat over seeds.")
    Integer seeds;

    @Option(names = "--grid", paramLabel = "F,F,...", description = "Parameter grid, for probes that sweep one (e.g. f_mix).")
    String grid;

    @Option(names = "--from", paramLabel = "DIR|NAME", description = "Corruption probe: a -C set, as a folder (CIFAR-10-C NPY layout, or the"
            + " published <corruption>/<severity>/<wnid>/ JPEG folders of Tiny-ImageNet-C and ImageNet-C) or as the name of one"
            + " below the data root (cifar10-c, tiny-imagenet-c, imagenet-c).")
    Path from;

    @Option(names = "--generate", description = "Corruption probe: corrupt the test images on the fly instead of --from.")
    boolean generate;

    @Option(names = "--pairs", paramLabel = "FILE", description = "Hybrid probe: mix these pairs instead of the seeded"
            + " pairing: CSV with header seed,index,partner (seed column optional for one seed).")
    Path pairs;

    @Option(names = "--frost-dir", paramLabel = "DIR",
            description = "Corruption probe with --generate: frost photographs from this folder instead of the jar "
                    + "(default: $LOWFREQ_FROST_DIR when set; same as -o frost_dir=DIR).")
    Path frostDir;

    @Option(names = {"-o", "--set"}, paramLabel = "KEY=VALUE", description = "Probe option (repeatable).")
    List<String> set = new ArrayList<>();

    @Inject
    ProbeCommand(ProbeRun probeRun) {
        this.probeRun = probeRun;
    }

    @Override
    public void run() {
        Options options = Options.parse(set);
        if (seeds != null) {
            options = options.with("seeds", Integer.toString(seeds));
        }
        if (grid != null) {
            options = options.with("grid", grid);
        }
        if (from != null) {
            options = options.with("from", from.toString());
        }
        if (pairs != null) {
            options = options.with("pairs", pairs.toString());
        }
        if (generate) {
            options = options.with("generate", "true");
        }
        if (frostDir != null) {
            options = options.with("frost_dir", frostDir.toString());
        }
        int t = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        Path results = probeRun.run(new ProbeRun.Request(probe, model, dataset, split, limit, seed, t, options, out));
        spec.commandLine().getOut().println("results: " + results);
    }
}
