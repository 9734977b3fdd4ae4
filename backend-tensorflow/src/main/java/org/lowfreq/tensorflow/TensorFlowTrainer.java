package org.lowfreq.tensorflow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.lowfreq.spi.Dataset;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.ModelCard;
import org.lowfreq.spi.ModelCardFile;
import org.lowfreq.spi.ProgressListener;
import org.lowfreq.spi.Trainer;
import org.lowfreq.spi.TrainingSpec;
import org.lowfreq.spi.UserInputException;
import org.tensorflow.Graph;
import org.tensorflow.Session;

/**
 * Trains a ResNet with the recipe of docs/METHODS.md section 5 and saves it as a SavedModel plus
 * {@code model-card.json}. A checkpoint of the last finished epoch (and of the best one by
 * validation loss) is kept under {@code checkpoints/}, so an interrupted run resumes at the next
 * epoch; all randomness of an epoch is derived from (seed, epoch, ...), so a resumed run makes
 * the same choices as an uninterrupted one. Batches are made by loader threads ahead of the step,
 * and a data set too large for memory is streamed, never read whole. The parts live in
 * {@link TrainingData} (the examples as sources), {@link EpochLoop} (an epoch's batches and the
 * evaluation), {@link TrainingCheckpoints} (checkpoints, state, export),
 * {@link FineTuneWeights} ({@code init-from}) and {@link TrainingProvenance} (the model card).
 */
public final class TensorFlowTrainer implements Trainer {
    static final String TF_JAVA_VERSION = "1.1.0";
    /** Images of a streamed training set the normalisation statistics are taken from (an evenly spaced subset). */
    static final int STATISTICS_LIMIT = 10000;

    private final String backendName;

    TensorFlowTrainer(String backendName) {
        this.backendName = backendName;
    }

    @Override
    public Path train(TrainingSpec spec, Dataset data, Path outDir, ProgressListener progress) {
        TrainingRecipe recipe = TrainingRecipe.of(spec.options());
        validate(spec);
        long started = System.nanoTime();
        Path checkpoints = outDir.resolve(TrainingCheckpoints.CHECKPOINTS);
        Properties state = spec.resume() ? TrainingCheckpoints.readState(checkpoints) : null;
        String fingerprint = TrainingCheckpoints.fingerprint(spec);
        if (state != null && !fingerprint.equals(state.getProperty("fingerprint"))) {
            throw new UserInputException("cannot resume in " + outDir + ": it was started with other settings ("
                    + String.join("; ", TrainingSpec.differences(TrainingCheckpoints.settings(state.getProperty("fingerprint", "")),
                            spec.resumeSettings())) + ")",
                    "resume with the options of the interrupted run (plus --resume), or train into a new --out folder");
        }
        if (state != null && ModelCardFile.exists(outDir)
                && Integer.parseInt(state.getProperty("completed_epochs")) >= spec.epochs()) {
            return outDir; // resuming a run that already finished
        }
        if (state != null && !Files.isDirectory(checkpoints.resolve("last"))) {
            // a saved model's checkpoints are deleted, so there is nothing to add epochs to
            throw new UserInputException("cannot resume in " + outDir + ": the model there finished "
                    + state.getProperty("completed_epochs") + " epochs and keeps no checkpoint to continue from to "
                    + spec.epochs() + " epochs",
                    "train into a new --out folder with --epochs " + spec.epochs() + " (without --resume)");
        }
        if (state == null && ModelCardFile.exists(outDir) && !spec.resume()) {
            throw new UserInputException(outDir + " already holds a model", "choose another --out folder or delete it");
        }

        // a killed attempt's half-written checkpoint or export must neither be resumed from nor published
        TrainingCheckpoints.removeTemporaries(checkpoints);
        TrainingCheckpoints.removeTemporaries(outDir);
        TrainingData split = TrainingData.load(data, spec.trainLimit(), spec.testLimit(), spec.grayscale(),
                recipe.validationFraction(), spec.seed(), TrainingAugmentation.of(spec, recipe));
        ImageShape shape = split.shape();
        int workers = recipe.loaderWorkers();
        int inferenceBatch = recipe.inferenceBatchSize(shape);
        float[][] stats = split.channelStatistics(STATISTICS_LIMIT, inferenceBatch, workers);
        PcaProjection pca = null;
        if (spec.pcaComponents() > 0) {
            progress.start("fitting PCA (k=" + spec.pcaComponents() + ")", -1);
            pca = PcaFitter.fit(split.pcaSample(recipe.pcaFitLimit(), inferenceBatch, workers), spec.pcaComponents());
            progress.finish();
        }
        int classes = data.classNames().size();
        ModelSpec model = new ModelSpec(spec.arch(), spec.width(), shape, classes, stats[0], stats[1],
                spec.blurSigma(), pca);

        try (Graph graph = new Graph()) {
            ModelGraph mg = new ModelGraph(graph, model, spec.seed(), recipe.weightDecay());
            Map<String, FineTuneWeights.Assigner> initAssign = recipe.initFrom().isEmpty() ? Map.of()
                    : FineTuneWeights.assigners(graph, mg);
            try (Session session = new Session(graph, SessionOptions.threads(spec.threads()).config())) {
                int firstEpoch = 0;
                double bestLoss = Double.POSITIVE_INFINITY;
                int bestEpoch = -1;
                double elapsedBefore = 0;
                EpochLoop.EpochTimes times = EpochLoop.EpochTimes.ZERO;
                if (state != null) {
                    session.restore(checkpoints.resolve("last").resolve("ckpt").toString());
                    firstEpoch = Integer.parseInt(state.getProperty("completed_epochs"));
                    bestLoss = Double.parseDouble(state.getProperty("best_validation_loss"));
                    bestEpoch = Integer.parseInt(state.getProperty("best_epoch"));
                    elapsedBefore = Double.parseDouble(state.getProperty("elapsed_seconds", "0"));
                    times = TrainingCheckpoints.times(state);
                } else {
                    session.initialize();
                    if (!recipe.initFrom().isEmpty()) {
                        FineTuneWeights.copyWeights(Path.of(recipe.initFrom()), initAssign, session);
                    }
                }
                for (int epoch = firstEpoch; epoch < spec.epochs(); epoch++) {
                    double lr = spec.learningRate() * Math.pow(0.3, Math.floor((epoch % 12) / 4.0));
                    EpochLoop.EpochTimes epochTimes = EpochLoop.runEpoch(spec, recipe, mg, classes, session, split.train(), epoch,
                            lr, progress);
                    times = times.plus(epochTimes);
                    double[] val = EpochLoop.evaluate(session, mg, classes, split.validation(), inferenceBatch, workers, recipe.unreadable());
                    if (val[0] < bestLoss) {
                        bestLoss = val[0];
                        bestEpoch = epoch;
                    }
                    double elapsed = elapsedBefore + (System.nanoTime() - started) / 1e9;
                    TrainingCheckpoints.saveCheckpoint(session, checkpoints, epoch, bestEpoch == epoch, bestLoss, bestEpoch, elapsed,
                            fingerprint, times);
                    // what the loop waited for data vs spent in the step: the loader keeps up when the wait is small
                    progress.status(String.format(Locale.ROOT, "val_loss=%.4f val_acc=%.4f %s",
                            val[0], val[1], epochTimes.describe()));
                    progress.finish();
                }
                session.restore(checkpoints.resolve("best").resolve("ckpt").toString());
                double testAccuracy = Double.NaN;
                if (split.test() != null) {
                    testAccuracy = EpochLoop.evaluate(session, mg, classes, split.test(), inferenceBatch, workers, recipe.unreadable())[1];
                }
                Properties finalState = TrainingCheckpoints.readState(checkpoints);
                ModelCard card = TrainingProvenance.card(backendName, spec, recipe, data, model, testAccuracy, bestEpoch, bestLoss,
                        Double.parseDouble(finalState.getProperty("elapsed_seconds")), TrainingCheckpoints.times(finalState), split);
                TrainingCheckpoints.export(session, mg, outDir);
                ModelCardFile.write(outDir, card);
                TrainingCheckpoints.deleteTree(checkpoints.resolve("last"));
                TrainingCheckpoints.deleteTree(checkpoints.resolve("best"));
                return outDir;
            }
        }
    }

    private static void validate(TrainingSpec spec) {
        if (spec.epochs() < 1) {
            throw new UserInputException("epochs must be at least 1, got " + spec.epochs());
        }
        if (spec.batchSize() < 2) {
            throw new UserInputException("batch size must be at least 2 (batch norm), got " + spec.batchSize());
        }
        if (!(spec.learningRate() > 0)) {
            throw new UserInputException("learning rate must be positive, got " + spec.learningRate());
        }
    }
}
