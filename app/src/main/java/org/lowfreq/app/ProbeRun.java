package org.lowfreq.app;

import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.lowfreq.analysis.results.Provenance;
import org.lowfreq.analysis.results.ResultTableWriter;
import org.lowfreq.spi.Classifier;
import org.lowfreq.spi.Dataset;
import org.lowfreq.probes.data.LimitedDataset;
import org.lowfreq.spi.Options;
import org.lowfreq.spi.Probe;
import org.lowfreq.spi.ProbeContext;
import org.lowfreq.spi.UserInputException;

/**
 * Runs one probe on one model and writes {@code results.csv} (atomically) plus the probe's
 * artifacts into an output folder. Shared by {@code lowfreq probe} and the experiment runner.
 */
public final class ProbeRun {
    private final PluginRegistry registry;
    private final GlobalOptions global;
    private final Progress progress;

    /** What to run. {@code dataset} null means the model card's data set; {@code limit} 0 means all. */
    public record Request(String probe, Path modelDir, String dataset, String split, int limit, long seed, int threads,
                          Options options, Path outDir) {
    }

    @Inject
    public ProbeRun(PluginRegistry registry, GlobalOptions global, Progress progress) {
        this.registry = registry;
        this.global = global;
        this.progress = progress;
    }

    /** Runs the request; returns the results file. */
    public Path run(Request r) {
        boolean fresh = !Files.exists(r.outDir());
        try {
            return runIn(r);
        } catch (RuntimeException e) {
            if (fresh) {
                removeIfUnused(r.outDir()); // a refused option must not leave an empty --out folder behind
            }
            throw e;
        }
    }

    /**
     * Deletes an output folder that holds nothing but the model identity: what a run that was refused
     * before producing anything leaves.
     */
    public static void removeIfUnused(Path outDir) {
        try (var files = Files.list(outDir)) {
            List<Path> left = files.toList();
            if (left.stream().allMatch(f -> f.getFileName().toString().equals(
                    org.lowfreq.spi.ModelIdentity.FILE_NAME))) {
                for (Path f : left) {
                    Files.delete(f);
                }
                Files.delete(outDir);
            }
        } catch (IOException e) {
            // nothing was there, or it cannot be cleaned: the original error matters more
        }
    }

    private Path runIn(Request r) {
        Probe probe = registry.probe(r.probe());
        r.options().requireOnly("probe " + probe.name(), probe.optionNames());
        r = withNamedSetResolved(r);
        try (Classifier model = registry.loadModel(r.modelDir())) {
            String datasetName = r.dataset() != null ? r.dataset() : model.card().dataset();
            Dataset data = openDataset(datasetName, r.split(), r.limit());
            Files.createDirectories(r.outDir());
            org.lowfreq.spi.ModelIdentity.recordOrCheck(r.outDir(), r.modelDir());
            Path results = r.outDir().resolve("results.csv");
            try (ResultTableWriter sink = new ResultTableWriter(results,
                    new Provenance(model.card(), data.name(), r.split(), data.size(r.split()), probe.name()),
                    VersionProvider.version())) {
                probe.run(new ProbeContext(model, data, r.split(), r.options(), r.seed(), Math.max(1, r.threads()),
                        r.outDir(), progress.listener(), sink));
                return sink.commit();
            }
        } catch (IOException e) {
            throw new UserInputException("cannot write to " + r.outDir() + ": " + e.getMessage());
        }
    }

    /**
     * Opens a data set by name below the data root, optionally keeping only {@code limit} images of a
     * split ({@link LimitedDataset}: the first N, or N spread through a class-sorted image folder): a
     * view that passes reads on (a streamable set stays streamable), so a large limit materialises
     * nothing.
     */
    public Dataset openDataset(String name, String split, int limit) {
        Dataset data = registry.dataset(name).open(global.dataRoot().path());
        data.requireSplit(split);
        return LimitedDataset.of(data, split, limit);
    }

    /**
     * {@code from=NAME} for a -C data set below the data root (e.g. {@code imagenet-c}), so an
     * experiment file need not spell a machine's path; an existing path is taken as it is.
     */
    private Request withNamedSetResolved(Request r) {
        String from = r.options().getString("from", null);
        if (from == null || Files.exists(Path.of(from)) || !registry.datasets().containsKey(from)) {
            return r;
        }
        Path root = global.dataRoot().path();
        var provider = registry.dataset(from);
        Path dir = provider.location(root).orElseThrow(() -> new UserInputException(
                "data set " + from + " has no single folder to read a -C set from", "give the -C set's folder: --from DIR"));
        if (!provider.isPresent(root)) {
            throw new UserInputException("the -C set " + from + " is not in " + dir, provider.howToGet(root));
        }
        return new Request(r.probe(), r.modelDir(), r.dataset(), r.split(), r.limit(), r.seed(), r.threads(),
                r.options().with("from", dir.toString()), r.outDir());
    }
}
