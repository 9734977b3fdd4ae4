package org.lowfreq.tensorflow;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.lowfreq.spi.Dataset;
import org.lowfreq.spi.ModelCard;
import org.lowfreq.spi.TrainingSpec;
import org.tensorflow.TensorFlow;

/**
 * The model card of a trained model: what it is (name, family, preprocessing, data set, seed, clean
 * accuracy) and in its properties how it was made (the full training config, normalisation, best
 * epoch, time, thread count and library versions).
 */
final class TrainingProvenance {
    private TrainingProvenance() {
    }

    static ModelCard card(String backendName, TrainingSpec spec, TrainingRecipe recipe, Dataset data, ModelSpec model, double testAccuracy,
                           int bestEpoch, double bestLoss, double seconds, EpochLoop.EpochTimes times, TrainingData split) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("epochs", Integer.toString(spec.epochs()));
        p.put("batch_size", Integer.toString(spec.batchSize()));
        p.put("learning_rate", Double.toString(spec.learningRate()));
        p.put("lr_schedule", "lr * 0.3^floor((epoch mod 12) / 4)");
        p.put("optimizer", "SGD momentum " + ModelGraph.MOMENTUM);
        p.put("weight_decay", Double.toString(recipe.weightDecay()));
        p.put("validation_fraction", Double.toString(recipe.validationFraction()));
        p.put("augmentation", split.augmentation());
        p.put("stride2_padding", "symmetric (1 each side for 3x3, then VALID), as PyTorch");
        p.put("width", Integer.toString(spec.width()));
        p.put("grayscale", Boolean.toString(spec.grayscale()));
        // the weights depend on it (oneDNN's sums run in another order): the effective count, 0 = all cores
        p.put("threads", Integer.toString(spec.threads() > 0 ? spec.threads() : Runtime.getRuntime().availableProcessors()));
        p.put("train_images", Integer.toString(split.train().size()));
        p.put("validation_images", Integer.toString(split.validation().size()));
        p.put("test_images", split.test() == null ? "0" : Integer.toString(split.test().size()));
        if (split.test() != null) {
            p.put("test_split", split.testSplit());
        }
        p.put("best_epoch", Integer.toString(bestEpoch + 1));
        p.put("best_validation_loss", Double.toString(bestLoss));
        p.put("training_seconds", String.format(Locale.ROOT, "%.1f", seconds));
        // where the epochs' time went, summed over the epochs: waiting for the loader vs in the step
        p.put("data_wait_seconds", String.format(Locale.ROOT, "%.1f", times.waitSeconds()));
        p.put("step_seconds", String.format(Locale.ROOT, "%.1f", times.stepSeconds()));
        p.put("epoch_seconds", String.format(Locale.ROOT, "%.1f", times.totalSeconds()));
        p.put("data_wait_fraction", String.format(Locale.ROOT, "%.4f",
                times.totalSeconds() > 0 ? times.waitSeconds() / times.totalSeconds() : 0));
        // speed only, recorded for the reader: the batches are the same for any worker count
        p.put("loader_workers", Integer.toString(recipe.loaderWorkers()));
        // the same text as the graph's PreprocessingRecord, which a loader compares them with
        p.put(PreprocessingRecord.MEAN_PROPERTY, PreprocessingRecord.floats(model.mean()));
        p.put(PreprocessingRecord.STD_PROPERTY, PreprocessingRecord.floats(model.std()));
        p.put("preprocessing_order", "pca -> normalise -> blur -> network");
        if (spec.family().equals("adversarial")) {
            p.put("pgd", "Linf eps=" + recipe.pgdEpsilon() + " steps=" + recipe.pgdSteps() + " step=" + recipe.pgdStepSize()
                    + " random start, inference-mode gradients");
        }
        if (spec.family().equals("augmentation")) {
            p.put("augmentation_family", recipe.augmentation().equals("noise")
                    ? "gaussian noise sigma ~ U[0," + recipe.noiseSigma() + "]"
                    : "augmix width=" + recipe.augmixWidth() + " depth=" + recipe.augmixDepth() + " severity="
                    + recipe.augmixSeverity() + " (no JSD loss)");
        }
        if (!recipe.initFrom().isEmpty()) {
            p.put("init_from", recipe.initFrom());
            p.put("init_note", "fine-tuned: every layer except the fixed blur copied from init_from, so it inherits "
                    + "that model's bias");
        }
        spec.options().values().forEach((k, v) -> {
            if (!TrainingRecipe.SPEED_ONLY.contains(k)) {
                p.put("option." + k, v);
            }
        });
        p.put("tensorflow_version", TensorFlow.version());
        p.put("tensorflow_java_version", TensorFlowTrainer.TF_JAVA_VERSION);
        p.put("java_version", System.getProperty("java.version"));
        String name = String.format(Locale.ROOT, "%s-w%d%s%s%s-s%d", spec.arch(), spec.width(),
                spec.blurSigma() > 0 ? "-blur" + trim(spec.blurSigma()) : "",
                spec.pcaComponents() > 0 ? "-pca" + spec.pcaComponents() : "",
                spec.family().equals("adversarial") || spec.family().equals("augmentation") ? "-" + spec.family() : "",
                spec.seed());
        // the datasets module offers grayscale variants as '<name>-gray': probes open the card's data set by name
        String dataset = spec.grayscale() && !data.name().endsWith("-gray") ? data.name() + "-gray" : data.name();
        return new ModelCard(name, spec.family(), spec.arch(), backendName, model.input(), data.classNames(),
                spec.blurSigma(), spec.pcaComponents(), dataset, spec.seed(), testAccuracy, p);
    }

    static String trim(double v) {
        return v == Math.rint(v) ? Integer.toString((int) v) : Double.toString(v);
    }
}
