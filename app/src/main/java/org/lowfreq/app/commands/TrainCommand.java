package org.lowfreq.app.commands;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lowfreq.app.GlobalOptions;
import org.lowfreq.app.PluginRegistry;
import org.lowfreq.app.Progress;
import org.lowfreq.spi.Dataset;
import org.lowfreq.spi.ModelCardFile;
import org.lowfreq.spi.Options;
import org.lowfreq.spi.TrainingSpec;
import org.lowfreq.spi.UserInputException;
import org.lowfreq.datasets.stream.UnreadablePolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lowfreq train}: trains a model with a backend's trainer and saves it with its card. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a model and save it (SavedModel + model-card.json) for the other commands.",
                "The recipe is the one of docs/METHODS.md, section 5. The defaults are a small CPU run (width 16, 3 epochs, lr 0.05); experiment files default to the "
                        + "paper's network and recipe (width 64, 30 epochs, lr 0.1): pass those for the full model. "
                        + "To continue an interrupted run, repeat its command with --resume; a resume with other "
                        + "settings is refused, naming each one that differs.",
                "Examples:",
                "  lowfreq train --width 16 --epochs 3 --out models/baseline-w16",
                "  lowfreq train --width 16 --blur-sigma 1.5 --out models/blur1.5-w16",
                "  lowfreq train --adversarial --pgd-steps 7 --out models/adv-w16",
                "  lowfreq train --augmentation augmix --out models/augmix-w16",
                "  lowfreq train --width 16 --blur-sigma 1.5 --out models/blur1.5-w16 --resume",
                "  lowfreq train --dataset imagenet --arch resnet50 --width 64 --batch-size 256 --loader-workers 8 --out models/in-baseline",
                "  lowfreq train --dataset imagenet --arch resnet50 --width 64 --blur-sigma 3 --init-from models/in-baseline --out models/in-blur3"})
public final class TrainCommand implements Runnable {
    private final PluginRegistry registry;
    private final GlobalOptions global;
    private final Progress progress;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Model folder to write (required).")
    Path out;

    @Option(names = "--dataset", defaultValue = "cifar10", description = "Data set (default: ${DEFAULT-VALUE}).")
    String dataset;

    @Option(names = "--backend", defaultValue = "tensorflow", description = "Model backend (default: ${DEFAULT-VALUE}).")
    String backend;

    @Option(names = "--arch", defaultValue = "resnet18", description = "resnet18 (32 or 64 px: 3x3 stride-1 stem, no max-pool) or resnet50 (224 px) (default: ${DEFAULT-VALUE}).")
    String arch;

    @Option(names = "--width", converter = ValueConverters.AtLeastOne.class, defaultValue = "16", description = "Channels of the first stage; 64 is the paper's network (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--blur-sigma", converter = ValueConverters.NotNegative.class, defaultValue = "0", description = "Sigma of the fixed Gaussian blur in front (0 = none).")
    double blurSigma;

    @Option(names = "--pca-k", converter = ValueConverters.ZeroOrMore.class, defaultValue = "0", description = "Project inputs on the top K principal components (0 = none).")
    int pcaK;

    @Option(names = "--grayscale", description = "Train on one-channel L = 0.299 R + 0.587 G + 0.114 B images.")
    boolean grayscale;

    @Option(names = "--epochs", converter = ValueConverters.AtLeastOne.class, defaultValue = "3", description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch-size", converter = ValueConverters.AtLeastOne.class, defaultValue = "128", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--lr", converter = ValueConverters.Positive.class, defaultValue = "0.05", description = "Base learning rate of the cyclic schedule (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", converter = ValueConverters.ZeroOrMore.class, defaultValue = "0", description = "Compute threads (0 = backend default).")
    int threads;

    @Option(names = "--train-limit", converter = ValueConverters.ZeroOrMore.class, defaultValue = "0", paramLabel = "N", description = "Use the first N training images (0 = all).")
    int trainLimit;

    @Option(names = "--test-limit", converter = ValueConverters.ZeroOrMore.class, defaultValue = "0", paramLabel = "N", description = "Evaluate on the first N test images (0 = all).")
    int testLimit;

    @Option(names = "--family", description = "Model family recorded in the card (default: from the other options).")
    String family;

    @Option(names = "--adversarial", description = "PGD adversarial training (Linf).")
    boolean adversarial;

    @Option(names = "--pgd-epsilon", converter = ValueConverters.Positive.class, paramLabel = "EPS", description = "Adversarial training radius (default 8/255).")
    Double pgdEpsilon;

    @Option(names = "--pgd-steps", converter = ValueConverters.AtLeastOne.class, paramLabel = "N", description = "PGD steps per batch (default 7).")
    Integer pgdSteps;

    @Option(names = "--augmentation", paramLabel = "KIND", description = "Corruption-robust training: augmix or noise.")
    String augmentation;

    @Option(names = "--noise-sigma", converter = ValueConverters.NotNegative.class, paramLabel = "S", description = "Gaussian-noise augmentation: sigma drawn from [0, S] (default 0.1).")
    Double noiseSigma;

    @Option(names = "--rotation", paramLabel = "DEG", description = "Opt-in augmentation: nearest-neighbour rotation "
            + "drawn from [-DEG, DEG] degrees (default 0: the recipe is crop and flip only).")
    Double rotation;

    @Option(names = "--colour-jitter", paramLabel = "J", description = "Opt-in augmentation: brightness, contrast and "
            + "saturation factors drawn from [1 - J, 1 + J] (default 0).")
    Double colourJitter;

    @Option(names = "--loader-workers", converter = ValueConverters.ZeroOrMore.class, paramLabel = "N",
            description = "Threads that decode and augment the next batches while the step runs (default 2; 0 = on the "
                    + "step thread). Speed only: the batches, and so the model, are the same for any N.")
    Integer loaderWorkers;

    @Option(names = "--on-unreadable", paramLabel = "refuse|skip",
            description = "An image file that cannot be decoded (image-folder sets): refuse stops naming it (default);"
                    + " skip leaves it out and logs its path.")
    String onUnreadable;

    @Option(names = "--inference-batch-size", converter = ValueConverters.ZeroOrMore.class, paramLabel = "N",
            description = "Images per validation and test batch (default 0 = about 0.5 M pixels: 512 at 32 px, 16 at 224 px). Speed and memory only.")
    Integer inferenceBatchSize;

    @Option(names = "--resume", description = "Continue from the last checkpoint in --out.")
    boolean resume;

    @Option(names = "--init-from", paramLabel = "DIR", description = "Fine-tune: copy every layer except the blur from this model.")
    Path initFrom;

    @Option(names = {"-o", "--set"}, paramLabel = "KEY=VALUE", description = "Further trainer option (repeatable), e.g. weight-decay=5e-4.")
    List<String> set = new ArrayList<>();

    @Inject
    TrainCommand(PluginRegistry registry, GlobalOptions global, Progress progress) {
        this.registry = registry;
        this.global = global;
        this.progress = progress;
    }

    @Override
    public void run() {
        if (adversarial && augmentation != null) {
            throw new UserInputException("--adversarial and --augmentation are two families", "choose one");
        }
        Options options = Options.parse(set);
        if (pgdEpsilon != null) {
            options = options.with("pgd-epsilon", Double.toString(pgdEpsilon));
        }
        if (pgdSteps != null) {
            options = options.with("pgd-steps", Integer.toString(pgdSteps));
        }
        if (augmentation != null) {
            options = options.with("augmentation", augmentation.toLowerCase(Locale.ROOT));
        }
        if (noiseSigma != null) {
            options = options.with("noise-sigma", Double.toString(noiseSigma));
        }
        if (rotation != null) {
            options = options.with("rotation", Double.toString(rotation));
        }
        if (colourJitter != null) {
            options = options.with("colour-jitter", Double.toString(colourJitter));
        }
        if (onUnreadable != null) {
            options = options.with("on-unreadable", UnreadablePolicy.parse(onUnreadable).spelling());
        }
        if (loaderWorkers != null) {
            options = options.with("loader-workers", Integer.toString(loaderWorkers));
        }
        if (inferenceBatchSize != null) {
            options = options.with("inference-batch-size", Integer.toString(inferenceBatchSize));
        }
        if (initFrom != null) {
            if (!ModelCardFile.exists(initFrom)) {
                throw new UserInputException("--init-from " + initFrom + " is not a model folder (no model-card.json)");
            }
            options = options.with("init-from", initFrom.toAbsolutePath().toString());
        }
        String fam = family != null ? family
                : adversarial ? "adversarial"
                : augmentation != null ? "augmentation"
                : blurSigma > 0 ? "blur"
                : pcaK > 0 ? "pca" : "baseline";
        var trainer = registry.modelBackend(backend).trainer().orElseThrow(() ->
                new UserInputException("backend " + backend + " cannot train", "use --backend tensorflow"));
        Dataset data = registry.dataset(dataset).open(global.dataRoot().path());
        TrainingSpec ts = new TrainingSpec(fam, arch, width, blurSigma, pcaK, grayscale, epochs, batchSize, lr, seed,
                threads, trainLimit, testLimit, resume, options);
        Path saved = trainer.train(ts, data, out, progress.listener());
        var card = ModelCardFile.read(saved);
        spec.commandLine().getOut().printf(Locale.ROOT, "saved %s (%s): test accuracy %.4f, training %s s%n", saved,
                card.name(), card.cleanAccuracy(), card.properties().getOrDefault("training_seconds", "?"));
    }
}
