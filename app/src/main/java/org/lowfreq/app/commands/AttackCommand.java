package org.lowfreq.app.commands;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.lowfreq.analysis.results.Provenance;
import org.lowfreq.analysis.results.ResultTableWriter;
import org.lowfreq.app.PluginRegistry;
import org.lowfreq.app.ProbeRun;
import org.lowfreq.app.Progress;
import org.lowfreq.app.VersionProvider;
import org.lowfreq.attacks.MinimalEpsilonProtocol;
import org.lowfreq.attacks.ProtocolSettings;
import org.lowfreq.attacks.Refinement;
import org.lowfreq.attacks.SearchProtocol;
import org.lowfreq.attacks.TargetsFile;
import org.lowfreq.spi.Capability;
import org.lowfreq.spi.Classifier;
import org.lowfreq.spi.Dataset;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.InputGradientBench;
import org.lowfreq.spi.ModelCard;
import org.lowfreq.spi.ModelCardFile;
import org.lowfreq.spi.Norm;
import org.lowfreq.spi.UserInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lowfreq attack}: the targeted minimal-perturbation protocol (docs/METHODS.md 3) on a saved model. */
@Command(name = "attack", mixinStandardHelpOptions = true,
        description = {"Find minimal targeted adversarial perturbations of the first N test images.",
                "A PGD epsilon sweep (each image starting at the largest grid epsilon below its first-order distance "
                        + "to success, leaving at its first success), then FMN refinement (--protocol sweep), or the paper "
                        + "code's PGD bisection (--protocol bisection) (docs/METHODS.md, section 3); writes results.csv, per-image "
                        + "epsilons, targets, perturbations.npy, the success-vs-epsilon curve and the perturbation "
                        + "spectrum (heat map, f_0.5) to --out. Resumable: finished batches in --out are not redone. "
                        + "The default --n matches experiment files (100 images).",
                "After the run it prints seconds per image, the time inside the model's gradient and forward calls, and "
                        + "its image-gradients per second as a percentage of the 'lowfreq bench' input-gradient rate, "
                        + "measured on this model before and after the attack, and how full its gradient calls were.",
                "Example:",
                "  lowfreq attack --model models/baseline --norm linf --n 100 --out out/attack-baseline"})
public final class AttackCommand implements Runnable {
    private final PluginRegistry registry;
    private final ProbeRun probeRun;
    private final Progress progress;

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "Saved model folder (with model-card.json; required).")
    Path model;

    @Option(names = "--norm", required = true, paramLabel = "linf|l2", description = "Perturbation norm, linf or l2, any case (required).")
    String norm;

    @Option(names = "--n", converter = ValueConverters.AtLeastOne.class, defaultValue = "100", paramLabel = "N", description = "Attack N images of the split (default: ${DEFAULT-VALUE}): the first N, or for image-folder sets,"
            + " which are listed class by class, N evenly spaced through the split.")
    int n;

    @Option(names = "--min-prob", converter = ValueConverters.Probability.class, defaultValue = "0.5", paramLabel = "P",
            description = "Success needs argmax = target and softmax(target) >= P (default: ${DEFAULT-VALUE}).")
    double minProb;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the targets and random starts (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--eps-grid", converter = ValueConverters.Positive.class, split = ",", paramLabel = "E,E,...",
            description = "PGD sweep epsilons, increasing; success rates are reported at each (default linf: 0.0005..0.25 doubling plus 2/255, 4/255, 8/255;"
                    + " l2: 0.02..10). Bisection starts at the largest.")
    double[] epsGrid;

    @Option(names = "--protocol", defaultValue = "sweep", paramLabel = "sweep|bisection",
            description = "Minimal-epsilon search: sweep (PGD sweep + FMN + scale search) or bisection (PGD at the largest"
                    + " grid epsilon, then 8 bisection steps; the paper code's protocol). Default: ${DEFAULT-VALUE}.")
    String protocolName;

    @Option(names = "--refine", defaultValue = "fmn", paramLabel = "fmn|bb",
            description = "Refinement after the PGD sweep (protocol sweep only): fmn (Fast Minimum-Norm) or bb"
                    + " (Brendel-Bethge, the paper's attack). Default: ${DEFAULT-VALUE}.")
    String refineName;

    @Option(names = "--targets", paramLabel = "FILE",
            description = "Attack towards these targets instead of the seeded derangement: CSV with header index,target,"
                    + " one row per image 0..N-1, no target equal to the image's label.")
    Path targetsFile;

    @Option(names = "--pgd-steps", converter = ValueConverters.AtLeastOne.class, paramLabel = "K", description = "PGD steps per epsilon (default 40 linf, 50 l2; step 2.5 eps / K).")
    Integer pgdSteps;

    @Option(names = "--fmn-steps", converter = ValueConverters.AtLeastOne.class, defaultValue = "100", paramLabel = "K", description = "FMN steps per restart (default: ${DEFAULT-VALUE}).")
    int fmnSteps;

    @Option(names = "--restarts", converter = ValueConverters.AtLeastOne.class, defaultValue = "2", paramLabel = "R", description = "FMN restarts (default: ${DEFAULT-VALUE}).")
    int restarts;

    @Option(names = "--batch-size", converter = ValueConverters.AtLeastOne.class, defaultValue = "128", paramLabel = "B",
            description = "Images per batch, and at most per gradient call; each finished batch is saved, so a resumed run"
                    + " redoes at most one (default: ${DEFAULT-VALUE}, the batch of the 'lowfreq bench' input-gradient rate).")
    int batch;

    @Option(names = "--dataset", paramLabel = "NAME", description = "Data set (default: the one in the model card).")
    String dataset;

    @Option(names = "--split", defaultValue = "test", description = "Split (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (required).")
    Path out;

    @Inject
    AttackCommand(PluginRegistry registry, ProbeRun probeRun, Progress progress) {
        this.registry = registry;
        this.probeRun = probeRun;
        this.progress = progress;
    }

    @Override
    public void run() {
        boolean fresh = !Files.exists(out);
        try {
            attack();
        } catch (RuntimeException e) {
            if (fresh) {
                ProbeRun.removeIfUnused(out); // a refused option must not leave an empty --out folder behind
            }
            throw e;
        }
    }

    private void attack() {
        Norm p = Norm.parse(norm);
        ProtocolSettings s = ProtocolSettings.defaults(p, n).withMinProbability(minProb).withSeed(seed)
                .withBatchSize(batch).withFmn(fmnSteps, restarts);
        if (epsGrid != null) {
            s = s.withEpsilonGrid(epsGrid);
        }
        if (pgdSteps != null) {
            s = s.withPgdSteps(pgdSteps);
        }
        s = s.withProtocol(SearchProtocol.parse(protocolName)).withRefinement(Refinement.parse(refineName));
        MinimalEpsilonProtocol protocol = new MinimalEpsilonProtocol(s);
        String searchName = s.description();
        // everything checkable from the card and the data is checked before the (slow) model load
        ModelCard card = readFinishedCard(model);
        String datasetName = dataset != null ? dataset : card.dataset();
        if (datasetName == null || datasetName.isBlank()) {
            throw new UserInputException("the model card of " + model + " names no data set",
                    "pass the test data with --dataset NAME ('lowfreq data list' shows the names)");
        }
        Dataset data = probeRun.openDataset(datasetName, split, 0);
        int available = data.size(split);
        if (n > available) {
            throw new UserInputException("--n " + n + " asks for more images than split '" + split + "' of "
                    + data.name() + " holds (" + available + ")", "use --n " + available + " or less");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UserInputException("--out " + out + " is a file, not a folder", "pass a folder (it is created if missing)");
        }
        // image folders list their images class by class: the view spreads N of them through the split
        Images images = org.lowfreq.probes.data.SplitStream.readFirst(org.lowfreq.probes.data.LimitedDataset.of(data, split, n),
                split, n, Runtime.getRuntime().availableProcessors());
        int[] targets = targetsFile == null ? MinimalEpsilonProtocol.targets(images.labels(), seed)
                : TargetsFile.read(targetsFile, images.labels(), card.classCount());
        try (Classifier m = registry.loadModel(model)) {
            if (!m.capabilities().contains(Capability.INPUT_GRADIENT)) {
                throw new UserInputException("model " + m.card().name() + " (backend " + m.card().backend()
                        + ") offers no input gradients, which the attacks need",
                        "attack a model of a backend with gradients (tensorflow, pytorch, reference); 'lowfreq plugins' lists them");
            }
            Files.createDirectories(out);
            // finished batches are reused only for the very model they were computed on
            org.lowfreq.spi.ModelIdentity.recordOrCheck(out, model);
            // the bench's own input-gradient workload on this model, timed before and after the attack
            // (the mean of both is the reference: on a shared machine the load changes during a run)
            InputGradientBench.Rate benchBefore = InputGradientBench.DEFAULT.measure(m);
            MinimalEpsilonProtocol.Outcome o = protocol.run(m, images, targets, out, progress.listener());
            protocol.writeArtifacts(o, m.card().name(), out);
            Path results;
            try (ResultTableWriter sink = new ResultTableWriter(out.resolve("results.csv"),
                    new Provenance(m.card(), data.name(), split, n, s.probeName()), VersionProvider.version())) {
                protocol.report(o, sink);
                results = sink.commit();
            }
            PrintWriter w = spec.commandLine().getOut();
            var rows = protocol.rows(o);
            w.printf("%s: found %d/%d; median epsilon_%s over successes = %s; f_0.5 = %s cpp%n", searchName, o.found(), n,
                    p.label(), value(rows, "epsilon_min_" + p.label() + "_median_success"), value(rows, "f_half_cpp"));
            if (o.batchesComputed() > 0) {
                double perImage = o.seconds() / o.imagesComputed();
                double rate = o.gradientImages() / o.seconds();
                InputGradientBench.Rate benchAfter = InputGradientBench.DEFAULT.measure(m);
                double bench = (benchBefore.imagesPerSecond() + benchAfter.imagesPerSecond()) / 2;
                w.printf("timing: %.1f s for %d computed batches; ~%.3f s per image; %d image-gradients, %d forward images%n",
                        o.seconds(), o.batchesComputed(), perImage, o.gradientImages(), o.forwardImages());
                w.printf("  %.1f image-gradients/s = %.0f%% of the bench input-gradient rate %.1f images/s ('lowfreq bench'"
                                + " workload on this model, mean of %.1f before and %.1f after the attack; batch %d, %d timed"
                                + " calls)%n", rate, 100 * rate / bench, bench, benchBefore.imagesPerSecond(),
                        benchAfter.imagesPerSecond(), benchAfter.bench().batch(), benchAfter.bench().steps());
                w.printf("  time in gradient calls %.1f s, in forward calls %.1f s, elsewhere %.1f s%n",
                        o.gradientSeconds(), o.forwardSeconds(), o.seconds() - o.gradientSeconds() - o.forwardSeconds());
                printBatchFill(w, o.gradientCallSizes(), o.gradientCallNanos());
            }
            w.println("results: " + results);
            w.flush();
        } catch (IOException e) {
            throw new UserInputException("cannot write to " + out + ": " + e.getMessage());
        }
    }

    /**
     * How full the gradient calls were: their count, mean size, and the calls smaller than the
     * largest with the time they took (a partly filled call costs nearly a full call's time).
     */
    private static void printBatchFill(PrintWriter w, int[] sizes, long[] nanos) {
        if (sizes.length == 0) {
            return;
        }
        int largest = java.util.Arrays.stream(sizes).max().orElse(0);
        long partial = 0;
        long partialNanos = 0;
        for (int k = 0; k < sizes.length; k++) {
            if (sizes[k] < largest) {
                partial++;
                partialNanos += nanos[k];
            }
        }
        w.printf("  %d gradient calls, mean batch %.1f; %d calls below the largest batch %d, taking %.1f s%n",
                sizes.length, java.util.Arrays.stream(sizes).average().orElse(0), partial, largest, partialNanos / 1e9);
    }

    private static String value(java.util.List<org.lowfreq.spi.ResultRow> rows, String metric) {
        return rows.stream().filter(r -> r.metric().equals(metric)).findFirst()
                .map(r -> Double.isNaN(r.value()) ? "NaN (" + r.note() + ")" : String.format("%.5g", r.value())).orElse("?");
    }

    /**
     * The model card of a finished model. A folder without a card but with {@code checkpoints/} is a
     * training run that has not finished yet (the card is written last), which deserves its own message.
     */
    static ModelCard readFinishedCard(Path modelDir) {
        if (!Files.isDirectory(modelDir)) {
            throw new UserInputException("model folder " + modelDir + " does not exist",
                    "pass the folder written by 'lowfreq train' (it holds model-card.json)");
        }
        if (!Files.isRegularFile(ModelCardFile.pathIn(modelDir)) && Files.isDirectory(modelDir.resolve("checkpoints"))) {
            throw new UserInputException("model " + modelDir + " has checkpoints but no " + ModelCardFile.FILE_NAME
                    + ": its training has not finished", "wait for 'lowfreq train' to finish (it writes the card last), "
                    + "or resume it with the same command");
        }
        return ModelCardFile.read(modelDir);
    }

    @Override
    public String toString() {
        return "attack " + Arrays.toString(epsGrid);
    }
}
