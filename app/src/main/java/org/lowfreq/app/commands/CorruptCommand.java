package org.lowfreq.app.commands;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.lowfreq.app.ProbeRun;
import org.lowfreq.app.Progress;
import org.lowfreq.corruptions.CorruptedSetGenerator;
import org.lowfreq.corruptions.CorruptionRunner;
import org.lowfreq.corruptions.Corruptions;
import org.lowfreq.corruptions.FrostImages;
import org.lowfreq.spi.Corruption;
import org.lowfreq.spi.Dataset;
import org.lowfreq.spi.Resolution;
import org.lowfreq.spi.UserInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lowfreq corrupt}: writes a -C set (official CIFAR-10-C layout) from a data set split. */
@Command(name = "corrupt", mixinStandardHelpOptions = true,
        description = {"Write a corrupted test set as CIFAR-10-C (NPY) or as Tiny-ImageNet-C and ImageNet-C (JPEG folders).",
                "npy: one <corruption>.npy per corruption with the five severities stacked, plus labels.npy; "
                        + "interrupted runs resume per corruption file.",
                "folder: <corruption>/<severity>/<class>/<name>.JPEG, JPEG quality 85 with 4:2:0 chroma as the "
                        + "published sets; interrupted runs resume per image.",
                "The clean split is streamed in chunks, never held whole.",
                "Examples:",
                "  lowfreq corrupt --dataset cifar10 --split test --out data/CIFAR-10-C-lowfreq",
                "  lowfreq corrupt --dataset tiny-imagenet --split val --out data/Tiny-ImageNet-C-lowfreq"})
public final class CorruptCommand implements Runnable {
    /** Sides above this are written in the published folder layout by default (CIFAR's 32 px stays NPY). */
    private static final int NPY_MAX_SIDE = 32;

    private final ProbeRun probeRun;
    private final Progress progress;

    @Spec
    CommandSpec spec;

    @Option(names = "--dataset", defaultValue = "cifar10", description = "Data set (default: ${DEFAULT-VALUE}).")
    String dataset;

    @Option(names = "--split", defaultValue = "test", description = "Split (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--corruptions", defaultValue = "all", paramLabel = "LIST",
            description = "Comma-separated names, or all (19), common (15), extra (4) (default: ${DEFAULT-VALUE}).")
    String corruptions;

    @Option(names = "--severities", defaultValue = "1,2,3,4,5", split = ",", paramLabel = "S,S,...",
            description = "Severities to stack (default: ${DEFAULT-VALUE}; the official layout needs all five).")
    int[] severities;

    @Option(names = "--table", paramLabel = "TABLE",
            description = "Severity table: cifar32, tiny64 or imagenet224 (default: by image size).")
    String table;

    @Option(names = "--seed", defaultValue = "0", description = "Base seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", converter = ValueConverters.ZeroOrMore.class, defaultValue = "0", description = "Worker threads (0 = all cores).")
    int threads;

    @Option(names = "--limit", converter = ValueConverters.ZeroOrMore.class, defaultValue = "0", paramLabel = "N", description = "Only the first N images (0 = all).")
    int limit;

    @Option(names = "--frost-dir", paramLabel = "DIR",
            description = "Folder of frost1.png .. frost6.jpg to use instead of the copies in the jar "
                    + "(default: $LOWFREQ_FROST_DIR when set; checked against the originals' MD5s).")
    Path frostDir;

    @Option(names = "--layout", paramLabel = "LAYOUT",
            description = "npy (CIFAR-10-C) or folder (Tiny-ImageNet-C / ImageNet-C JPEGs) (default: npy up to 32 px, else folder).")
    String layout;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (required).")
    Path out;

    @Inject
    CorruptCommand(ProbeRun probeRun, Progress progress) {
        this.probeRun = probeRun;
        this.progress = progress;
    }

    @Override
    public void run() {
        if (severities.length == 0) {
            throw new UserInputException("no severities given", "use --severities 1,2,3,4,5");
        }
        // checked before any data is read, so a bad override stops the run before it writes anything
        List<Corruption> selected = new Corruptions(FrostImages.bundled()).select(corruptions);
        if (selected.stream().anyMatch(c -> c.name().equals("frost"))) {
            selected = new Corruptions(FrostImages.fromEnvironment(frostDir)).select(corruptions);
        } else if (frostDir != null) {
            FrostImages.fromEnvironment(frostDir);
        }
        Dataset data = probeRun.openDataset(dataset, split, limit);
        Resolution res = table != null ? Resolution.parse(table)
                : Resolution.forSize(data.shape().height(), data.shape().width());
        var w = spec.commandLine().getOut();
        if (!Arrays.equals(severities, new int[] {1, 2, 3, 4, 5})) {
            w.println("note: severities " + Arrays.toString(severities)
                    + " are not the official five; the files will not open as a -C data set");
        }
        boolean folder = folderLayout(layout, data);
        int t = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        CorruptedSetGenerator.Result r;
        org.lowfreq.corruptions.CleanImages clean = new org.lowfreq.app.SplitCleanImages(data, split, t);
        try (CorruptionRunner runner = new CorruptionRunner(seed, t)) {
            r = folder ? new org.lowfreq.corruptions.CorruptedFolderGenerator(runner).generate(clean, selected, severities,
                    res, out, progress.listener())
                    : new CorruptedSetGenerator(runner).generate(clean, selected, severities, res, out, progress.listener());
        }
        long cells = (long) r.written().size() * severities.length * data.size(split);
        w.printf("wrote %d corruption %s (%s), skipped %d already complete, table %s, %d threads, %.1f s (%.0f images/s)%n",
                r.written().size(), folder ? "folders" : "files", String.join(",", r.written()), r.skipped().size(), res.name().toLowerCase(),
                t, r.seconds(), cells / Math.max(r.seconds(), 1e-9));
        w.println("out: " + out.toAbsolutePath());
    }

    static boolean folderLayout(String layout, Dataset data) {
        if (layout == null) {
            return Math.max(data.shape().height(), data.shape().width()) > NPY_MAX_SIDE;
        }
        return switch (layout.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "npy" -> false;
            case "folder" -> true;
            default -> throw new UserInputException("unknown layout '" + layout + "'", "use --layout npy or --layout folder");
        };
    }
}
