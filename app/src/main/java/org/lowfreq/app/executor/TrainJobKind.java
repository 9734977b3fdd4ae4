package org.lowfreq.app.executor;

import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lowfreq.analysis.results.Provenance;
import org.lowfreq.analysis.results.ResultTableWriter;
import org.lowfreq.app.GlobalOptions;
import org.lowfreq.app.PluginRegistry;
import org.lowfreq.app.VersionProvider;
import org.lowfreq.experiments.executor.JobContext;
import org.lowfreq.experiments.executor.JobKind;
import org.lowfreq.experiments.plan.Job;
import org.lowfreq.spi.Dataset;
import org.lowfreq.spi.ModelCard;
import org.lowfreq.spi.ModelCardFile;
import org.lowfreq.spi.ModelProvider;
import org.lowfreq.spi.Options;
import org.lowfreq.spi.ResultRow;
import org.lowfreq.spi.TrainingSpec;
import org.lowfreq.spi.UserInputException;

/**
 * Trains a model with its backend's {@link org.lowfreq.spi.Trainer} into {@code model/} of the job
 * folder and records its clean accuracy as a result row (probe {@code train}). Resumable: a killed
 * attempt's checkpoints are kept and the next attempt passes {@code resume}.
 */
public final class TrainJobKind implements JobKind {
    private final PluginRegistry registry;
    private final GlobalOptions global;

    @Inject
    public TrainJobKind(PluginRegistry registry, GlobalOptions global) {
        this.registry = registry;
        this.global = global;
    }

    @Override
    public String name() {
        return "train";
    }

    @Override
    public boolean resumable() {
        return true;
    }

    /**
     * The training's compute threads: the experiment's {@code threads} when it sets one (then it is
     * part of the job's hash, since the weights depend on it), else the runner's share of the cores
     * (recorded in run.json and the model card, not in the hash).
     */
    static int threads(JobContext ctx) {
        Object set = ctx.job().config().get("threads");
        return set instanceof Number n && n.intValue() > 0 ? n.intValue() : ctx.threads();
    }

    /**
     * Fine-tuning ({@code init_from} in the experiment): the model folder of the training job it
     * names (a dependency, so already finished) or of the imported model, as the trainer's init-from.
     */
    static Options initFrom(JobContext ctx, Options options) {
        String hash = ctx.job().string("init_from");
        String path = ctx.job().string("init_from_path");
        if (hash != null) {
            return options.with("init-from", ctx.store().modelDir(hash).toAbsolutePath().toString());
        }
        return path != null ? options.with("init-from", path) : options;
    }

    @Override
    public void run(JobContext ctx) throws Exception {
        Job job = ctx.job();
        ModelProvider backend = registry.modelBackend(job.string("backend"));
        var trainer = backend.trainer().orElseThrow(() -> new UserInputException(
                "backend " + backend.name() + " cannot train"));
        Dataset data = registry.dataset(job.string("dataset")).open(global.dataRoot().path());
        Path modelDir = ctx.workDir().resolve("model");
        boolean resume = Files.isDirectory(modelDir);
        if (resume) {
            ctx.log().println("resuming " + job.string("name") + " from " + modelDir);
        }
        TrainingSpec spec = new TrainingSpec(job.string("family"), job.string("arch"), job.integer("width"),
                job.number("blur_sigma"), job.integer("pca_k"), job.bool("grayscale"), job.integer("epochs"),
                job.integer("batch_size"), job.number("learning_rate"), job.longValue("seed"), threads(ctx),
                job.integer("train_limit"), job.integer("test_limit"), resume, initFrom(ctx, new Options(job.strings("options"))));
        Path saved = trainer.train(spec, data, modelDir, ctx.progress());
        if (!saved.toAbsolutePath().normalize().equals(modelDir.toAbsolutePath().normalize())) {
            throw new IllegalStateException("trainer of " + backend.name() + " saved to " + saved + ", not " + modelDir);
        }
        ModelCard card = ModelCardFile.read(modelDir);
        if (!card.name().equals(job.string("name"))) {
            // results name models by their card; the experiment's name is the one users know
            card = new ModelCard(job.string("name"), card.family(), card.arch(), card.backend(), card.inputShape(),
                    card.classNames(), card.blurSigma(), card.pcaComponents(), card.dataset(), card.seed(),
                    card.cleanAccuracy(), card.properties());
            ModelCardFile.write(modelDir, card);
        }
        int testLimit = job.integer("test_limit");
        // ImageNet has no test split: the trainer evaluates on val and names the split in the card
        String testSplit = card.properties().getOrDefault("test_split", "test");
        int nTest = !data.splits().contains(testSplit) ? 0
                : testLimit > 0 ? Math.min(testLimit, data.size(testSplit)) : data.size(testSplit);
        try (ResultTableWriter sink = new ResultTableWriter(ctx.workDir().resolve("results.csv"),
                new Provenance(card, data.name(), testSplit, nTest, "train"), VersionProvider.version())) {
            double acc = card.cleanAccuracy();
            sink.accept(Double.isNaN(acc) ? ResultRow.summary("clean_accuracy", acc, card.seed()).withNote(
                    "the trainer did not measure it") : ResultRow.summary("clean_accuracy", acc, card.seed()));
            sink.commit();
        }
    }
}
