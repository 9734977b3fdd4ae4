package org.lowfreq.tensorflow;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.lowfreq.spi.AtomicFiles;
import org.lowfreq.spi.Dataset;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.ModelCard;
import org.lowfreq.spi.ModelCardFile;
import org.lowfreq.spi.ProgressListener;
import org.lowfreq.spi.Seeds;
import org.lowfreq.spi.Trainer;
import org.lowfreq.spi.TrainingSpec;
import org.lowfreq.spi.UserInputException;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.TensorFlow;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Trains a ResNet with the recipe of docs/METHODS.md section 5 and saves it as a SavedModel plus
 * {@code model-card.json}. A checkpoint of the last finished epoch (and of the best one by
 * validation loss) is kept under {@code checkpoints/}, so an interrupted run resumes at the next
 * epoch; all randomness of an epoch is derived from (seed, epoch, ...), so a resumed run makes
 * the same choices as an uninterrupted one.
 */
public final class TensorFlowTrainer implements Trainer {
    static final String CHECKPOINTS = "checkpoints";
    static final String STATE_FILE = "state.properties";
    static final String TF_JAVA_VERSION = "1.1.0";

    private final String backendName;

    TensorFlowTrainer(String backendName) {
        this.backendName = backendName;
    }

    @Override
    public Path train(TrainingSpec spec, Dataset data, Path outDir, ProgressListener progress) {
        TrainingRecipe recipe = TrainingRecipe.of(spec.options());
        validate(spec);
        long started = System.nanoTime();
        Path checkpoints = outDir.resolve(CHECKPOINTS);
        Properties state = spec.resume() ? readState(checkpoints) : null;
        String fingerprint = fingerprint(spec);
        if (state != null && !fingerprint.equals(state.getProperty("fingerprint"))) {
            throw new UserInputException("cannot resume in " + outDir + ": it was started with other settings ("
                    + String.join("; ", TrainingSpec.differences(settings(state.getProperty("fingerprint", "")),
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
        removeTemporaries(checkpoints);
        removeTemporaries(outDir);
        TrainingData split = TrainingData.load(data, spec.trainLimit(), spec.testLimit(), spec.grayscale(),
                recipe.validationFraction(), spec.seed());
        ImageShape shape = split.train().shape();
        float[][] stats = TrainingData.channelStatistics(split.train());
        PcaProjection pca = null;
        if (spec.pcaComponents() > 0) {
            progress.start("fitting PCA (k=" + spec.pcaComponents() + ")", -1);
            int fit = Math.min(split.train().count(), recipe.pcaFitLimit());
            pca = PcaFitter.fit(split.train().slice(0, fit), spec.pcaComponents());
            progress.finish();
        }
        ModelSpec model = new ModelSpec(spec.arch(), spec.width(), shape, data.classNames().size(), stats[0], stats[1],
                spec.blurSigma(), pca);

        try (Graph graph = new Graph()) {
            ModelGraph mg = new ModelGraph(graph, model, spec.seed(), recipe.weightDecay());
            Map<String, Assigner> initAssign = recipe.initFrom().isEmpty() ? Map.of() : assigners(graph, mg);
            try (Session session = new Session(graph, SessionOptions.threads(spec.threads()).config())) {
                int firstEpoch = 0;
                double bestLoss = Double.POSITIVE_INFINITY;
                int bestEpoch = -1;
                double elapsedBefore = 0;
                if (state != null) {
                    session.restore(checkpoints.resolve("last").resolve("ckpt").toString());
                    firstEpoch = Integer.parseInt(state.getProperty("completed_epochs"));
                    bestLoss = Double.parseDouble(state.getProperty("best_validation_loss"));
                    bestEpoch = Integer.parseInt(state.getProperty("best_epoch"));
                    elapsedBefore = Double.parseDouble(state.getProperty("elapsed_seconds", "0"));
                } else {
                    session.initialize();
                    if (!recipe.initFrom().isEmpty()) {
                        copyWeights(Path.of(recipe.initFrom()), initAssign, session);
                    }
                }
                for (int epoch = firstEpoch; epoch < spec.epochs(); epoch++) {
                    double lr = spec.learningRate() * Math.pow(0.3, Math.floor((epoch % 12) / 4.0));
                    runEpoch(spec, recipe, mg, session, split.train(), epoch, lr, progress);
                    double[] val = evaluate(session, mg, split.validation(), spec.batchSize());
                    if (val[0] < bestLoss) {
                        bestLoss = val[0];
                        bestEpoch = epoch;
                    }
                    double elapsed = elapsedBefore + (System.nanoTime() - started) / 1e9;
                    saveCheckpoint(session, checkpoints, epoch, bestEpoch == epoch, bestLoss, bestEpoch, elapsed,
                            fingerprint);
                    progress.status(String.format(Locale.ROOT, "epoch %d/%d val_loss=%.4f val_acc=%.4f",
                            epoch + 1, spec.epochs(), val[0], val[1]));
                }
                session.restore(checkpoints.resolve("best").resolve("ckpt").toString());
                double testAccuracy = Double.NaN;
                if (split.test() != null) {
                    testAccuracy = evaluate(session, mg, split.test(), spec.batchSize())[1];
                }
                Properties finalState = readState(checkpoints);
                ModelCard card = card(spec, recipe, data, model, testAccuracy, bestEpoch, bestLoss,
                        Double.parseDouble(finalState.getProperty("elapsed_seconds")), split);
                export(session, mg, outDir);
                ModelCardFile.write(outDir, card);
                deleteTree(checkpoints.resolve("last"));
                deleteTree(checkpoints.resolve("best"));
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

    /** One pass over the training images in a seeded order, with augmentation and the family's extras. */
    private static void runEpoch(TrainingSpec spec, TrainingRecipe recipe, ModelGraph mg, Session session, Images train,
                                 int epoch, double lr, ProgressListener progress) {
        int n = train.count();
        ImageShape s = train.shape();
        int size = s.size();
        int[] order = TrainingData.permutation(n, Seeds.random(spec.seed(), "epoch-order", epoch));
        int batch = spec.batchSize();
        // drop a last batch of one image: batch norm cannot train on it
        int steps = n % batch == 1 ? n / batch : (n + batch - 1) / batch;
        progress.start(String.format(Locale.ROOT, "epoch %d/%d", epoch + 1, spec.epochs()), n);
        float[] buf = new float[batch * size];
        int[] labels = new int[batch];
        double lossSum = 0;
        long correct = 0;
        long seen = 0;
        long t0 = System.nanoTime();
        Augmenter augmenter = recipe.augmenter();
        AugMix augMix = new AugMix(recipe.augmixWidth(), recipe.augmixDepth(), recipe.augmixSeverity());
        boolean adversarial = spec.family().equals("adversarial");
        boolean augmentationFamily = spec.family().equals("augmentation");
        try (TFloat32 lrTensor = TFloat32.scalarOf((float) lr)) {
            for (int step = 0; step < steps; step++) {
                int from = step * batch;
                int m = Math.min(batch, n - from);
                for (int j = 0; j < m; j++) {
                    int idx = order[from + j];
                    labels[j] = train.labels()[idx];
                    SplittableRandom rng = Seeds.random(spec.seed(), "augment", epoch, idx);
                    if (recipe.augment()) {
                        augmenter.apply(train.pixels(), buf, s.height(), s.width(), s.channels(), rng,
                                idx * size, j * size);
                    } else {
                        System.arraycopy(train.pixels(), idx * size, buf, j * size, size);
                    }
                    if (augmentationFamily) {
                        if (recipe.augmentation().equals("noise")) {
                            addNoise(buf, j * size, size, recipe.noiseSigma() * rng.nextDouble(), rng);
                        } else {
                            augMix.apply(buf, j * size, s.height(), s.width(), s.channels(), rng);
                        }
                    }
                }
                if (adversarial) {
                    pgd(session, mg, buf, labels, m, s, recipe, Seeds.random(spec.seed(), "pgd", epoch, step));
                }
                try (TFloat32 x = Tensors.images(buf, 0, m, s.height(), s.width(), s.channels());
                     TInt32 y = Tensors.ints(labels, 0, m);
                     Result r = session.runner().feed(mg.images, x).feed(mg.labels, y).feed(mg.learningRate, lrTensor)
                             .addTarget(mg.trainStep).fetch(mg.trainLoss).fetch(mg.trainLogits).run()) {
                    lossSum += Tensors.scalar(r.get(0)) * m;
                    float[] logits = Tensors.floats(r.get(1));
                    correct += countCorrect(logits, labels, m);
                    seen += m;
                }
                progress.advance(m);
                double secs = (System.nanoTime() - t0) / 1e9;
                progress.status(String.format(Locale.ROOT, "loss=%.4f acc=%.4f img/s=%.0f lr=%.4g",
                        lossSum / seen, (double) correct / seen, seen / secs, lr));
            }
        }
        progress.finish();
    }

    private static void addNoise(float[] buf, int offset, int size, double sigma, SplittableRandom rng) {
        for (int k = 0; k < size; k++) {
            buf[offset + k] = (float) Math.min(1, Math.max(0, buf[offset + k] + sigma * rng.nextGaussian()));
        }
    }

    /** Replaces the batch by PGD adversarial examples (Linf, random start, inference-mode gradients). */
    private static void pgd(Session session, ModelGraph mg, float[] buf, int[] labels, int m, ImageShape s,
                            TrainingRecipe recipe, SplittableRandom rng) {
        int len = m * s.size();
        float eps = (float) recipe.pgdEpsilon();
        float alpha = (float) recipe.pgdStepSize();
        float[] clean = java.util.Arrays.copyOf(buf, len);
        for (int k = 0; k < len; k++) {
            buf[k] = clip(clean[k] + (float) ((rng.nextDouble() * 2 - 1) * eps), clean[k], eps);
        }
        float[] grad = new float[len];
        for (int step = 0; step < recipe.pgdSteps(); step++) {
            try (TFloat32 x = Tensors.images(buf, 0, m, s.height(), s.width(), s.channels());
                 TInt32 y = Tensors.ints(labels, 0, m);
                 Result r = session.runner().feed(mg.images, x).feed(mg.labels, y).fetch(mg.inputGradient).run()) {
                Tensors.floatsInto(r.get(0), grad, 0);
            }
            for (int k = 0; k < len; k++) {
                buf[k] = clip(buf[k] + alpha * Math.signum(grad[k]), clean[k], eps);
            }
        }
    }

    private static float clip(float v, float centre, float eps) {
        return Math.min(1f, Math.max(0f, Math.min(centre + eps, Math.max(centre - eps, v))));
    }

    private static long countCorrect(float[] logits, int[] labels, int m) {
        int k = logits.length / m;
        long correct = 0;
        for (int i = 0; i < m; i++) {
            int best = 0;
            for (int j = 1; j < k; j++) {
                if (logits[i * k + j] > logits[i * k + best]) {
                    best = j;
                }
            }
            if (best == labels[i]) {
                correct++;
            }
        }
        return correct;
    }

    /** Mean cross-entropy and accuracy of the inference network. */
    static double[] evaluate(Session session, ModelGraph mg, Images images, int batch) {
        ImageShape s = images.shape();
        double loss = 0;
        long correct = 0;
        int[] labels = images.labels();
        for (int from = 0; from < images.count(); from += batch) {
            int m = Math.min(batch, images.count() - from);
            try (TFloat32 x = Tensors.images(images.pixels(), from, m, s.height(), s.width(), s.channels());
                 TInt32 y = Tensors.ints(labels, from, m);
                 Result r = session.runner().feed(mg.images, x).feed(mg.labels, y)
                         .fetch(mg.perImageLoss).fetch(mg.logits).run()) {
                for (float v : Tensors.floats(r.get(0))) {
                    loss += v;
                }
                correct += countCorrect(Tensors.floats(r.get(1)), java.util.Arrays.copyOfRange(labels, from, from + m), m);
            }
        }
        return new double[] {loss / images.count(), (double) correct / images.count()};
    }

    // ---- fine-tuning ------------------------------------------------------------------------

    private record Assigner(Variable<TFloat32> variable, Placeholder<TFloat32> value, Operand<TFloat32> assign) {
    }

    private static Map<String, Assigner> assigners(Graph graph, ModelGraph mg) {
        Ops tf = Ops.create(graph).withSubScope("init_from");
        Map<String, Assigner> out = new LinkedHashMap<>();
        for (var e : mg.network.variables().entrySet()) {
            Placeholder<TFloat32> p = tf.placeholder(TFloat32.class, Placeholder.shape(e.getValue().shape()));
            out.put(e.getKey(), new Assigner(e.getValue(), p, tf.assign(e.getValue(), p)));
        }
        return out;
    }

    /**
     * Copies every variable of a saved model into ours by name. The blur (and PCA and
     * normalisation) layers are constants, not variables, so they are never copied: the new
     * model keeps its own.
     */
    private static void copyWeights(Path source, Map<String, Assigner> assigners, Session session) {
        if (!Files.isRegularFile(source.resolve("saved_model.pb"))) {
            throw new UserInputException("--init-from " + source + " holds no SavedModel",
                    "give the folder of a model trained with 'lowfreq train'");
        }
        try (SavedModelBundle src = SavedModelBundle.load(source.toString(), SavedModelBundle.DEFAULT_TAG)) {
            Map<String, String> layers = layerVariables(src.graph());
            for (var e : assigners.entrySet()) {
                String name = layers.get(e.getKey());
                if (name == null) {
                    throw new UserInputException("--init-from " + source + " has no layer " + e.getKey(),
                            "fine-tune from a model of the same architecture and width");
                }
                try (Result r = src.session().runner().fetch(name).run()) {
                    Tensor t = r.get(0);
                    if (!t.shape().equals(e.getValue().variable().shape())) {
                        throw new UserInputException("--init-from " + source + ": layer " + e.getKey() + " has shape "
                                + t.shape() + ", this model needs " + e.getValue().variable().shape(),
                                "fine-tune from a model of the same architecture, width, channels and classes");
                    }
                    try (Result ignored = session.runner().feed(e.getValue().value(), t)
                            .fetch(e.getValue().assign()).run()) {
                        // assigned
                    }
                }
            }
        }
    }

    /**
     * Layer name to graph op name of every model variable of a saved graph. Early exports put the
     * variables under numbered scopes ({@code var_3/...}); both forms are accepted.
     */
    static Map<String, String> layerVariables(Graph graph) {
        Map<String, String> out = new LinkedHashMap<>();
        var it = graph.operations();
        while (it.hasNext()) {
            var op = it.next();
            String n = op.name();
            if (op.type().startsWith("Variable") && n.matches("var(_\\d+)?/[^/]+")) {
                out.put(n.substring(n.indexOf('/') + 1), n);
            }
        }
        return out;
    }

    // ---- checkpoints and export ---------------------------------------------------------------

    private static void saveCheckpoint(Session session, Path checkpoints, int epoch, boolean best, double bestLoss,
                                       int bestEpoch, double elapsed, String fingerprint) {
        try {
            Files.createDirectories(checkpoints);
            Path tmp = newTemporaryDir(checkpoints, "epoch" + epoch);
            session.save(tmp.resolve("ckpt").toString());
            Files.deleteIfExists(tmp.resolve("checkpoint"));
            if (best) {
                Path bestTmp = newTemporaryDir(checkpoints, "best");
                try (Stream<Path> files = Files.list(tmp)) {
                    for (Path f : files.toList()) {
                        Files.copy(f, bestTmp.resolve(f.getFileName()));
                    }
                }
                replaceDir(bestTmp, checkpoints.resolve("best"));
            }
            replaceDir(tmp, checkpoints.resolve("last"));
            Properties p = new Properties();
            p.setProperty("completed_epochs", Integer.toString(epoch + 1));
            p.setProperty("best_epoch", Integer.toString(bestEpoch));
            p.setProperty("best_validation_loss", Double.toString(bestLoss));
            p.setProperty("elapsed_seconds", Double.toString(elapsed));
            p.setProperty("fingerprint", fingerprint);
            AtomicFiles.write(checkpoints.resolve(STATE_FILE), out -> {
                Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
                p.store(w, "lowfreq tensorflow training state");
                w.flush();
            });
        } catch (IOException e) {
            throw new UserInputException("cannot write a checkpoint in " + checkpoints + ": " + e.getMessage());
        }
    }

    /**
     * A new folder named like AtomicFiles' temporary files ({@code .NAME.HEX.tmp}), so that a killed
     * run's leftovers are recognised and swept. Not Files.createTempDirectory: its folders are 0700
     * whatever the umask, and the checkpoints would stay private after the rename.
     */
    static Path newTemporaryDir(Path parent, String name) throws IOException {
        Files.createDirectories(parent);
        return Files.createDirectory(parent.resolve("." + name + "."
                + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong()) + ".tmp"));
    }

    /** Deletes the temporary folders (and files) a killed run left in {@code dir}. */
    static void removeTemporaries(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(AtomicFiles::isTemporary).toList()) {
                deleteTree(f);
            }
        } catch (IOException e) {
            throw new UserInputException("cannot clean " + dir + ": " + e.getMessage());
        }
    }

    private static Properties readState(Path checkpoints) {
        Path f = checkpoints.resolve(STATE_FILE);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UserInputException("cannot read " + f + ": " + e.getMessage());
        }
        return p;
    }

    private static void replaceDir(Path from, Path to) throws IOException {
        Path old = to.resolveSibling(to.getFileName() + ".old");
        deleteTree(old);
        if (Files.exists(to)) {
            Files.move(to, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(old);
    }

    static void deleteTree(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        } catch (IOException e) {
            throw new UserInputException("cannot delete " + p + ": " + e.getMessage());
        }
    }

    /** Exports the SavedModel into a temporary folder, then moves it into place. */
    static void export(Session session, ModelGraph mg, Path outDir) {
        try {
            Files.createDirectories(outDir);
            Path tmp = newTemporaryDir(outDir, "export");
            SavedModelBundle.exporter(tmp.toString()).withSession(session).withSignature(mg.signature()).export();
            deleteTree(outDir.resolve("variables"));
            Files.deleteIfExists(outDir.resolve("saved_model.pb"));
            try (Stream<Path> files = Files.list(tmp)) {
                for (Path f : files.toList()) {
                    Files.move(f, outDir.resolve(f.getFileName()), StandardCopyOption.ATOMIC_MOVE);
                }
            }
            Files.delete(tmp);
        } catch (IOException e) {
            throw new UserInputException("cannot export the SavedModel to " + outDir + ": " + e.getMessage());
        }
    }

    /** The settings a resume must match, one "name=value" per line (so a refusal can name what differs). */
    private static String fingerprint(TrainingSpec spec) {
        StringBuilder b = new StringBuilder();
        spec.resumeSettings().forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
        return b.toString();
    }

    private static Map<String, String> settings(String fingerprint) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : fingerprint.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                m.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return m;
    }

    private ModelCard card(TrainingSpec spec, TrainingRecipe recipe, Dataset data, ModelSpec model, double testAccuracy,
                           int bestEpoch, double bestLoss, double seconds, TrainingData split) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("epochs", Integer.toString(spec.epochs()));
        p.put("batch_size", Integer.toString(spec.batchSize()));
        p.put("learning_rate", Double.toString(spec.learningRate()));
        p.put("lr_schedule", "lr * 0.3^floor((epoch mod 12) / 4)");
        p.put("optimizer", "SGD momentum " + ModelGraph.MOMENTUM);
        p.put("weight_decay", Double.toString(recipe.weightDecay()));
        p.put("validation_fraction", Double.toString(recipe.validationFraction()));
        p.put("augmentation", recipe.augment() ? recipe.augmenter().describe() : "none");
        p.put("stride2_padding", "symmetric (1 each side for 3x3, then VALID), as PyTorch");
        p.put("width", Integer.toString(spec.width()));
        p.put("grayscale", Boolean.toString(spec.grayscale()));
        // the weights depend on it (oneDNN's sums run in another order): the effective count, 0 = all cores
        p.put("threads", Integer.toString(spec.threads() > 0 ? spec.threads() : Runtime.getRuntime().availableProcessors()));
        p.put("train_images", Integer.toString(split.train().count()));
        p.put("validation_images", Integer.toString(split.validation().count()));
        p.put("test_images", split.test() == null ? "0" : Integer.toString(split.test().count()));
        p.put("best_epoch", Integer.toString(bestEpoch + 1));
        p.put("best_validation_loss", Double.toString(bestLoss));
        p.put("training_seconds", String.format(Locale.ROOT, "%.1f", seconds));
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
        spec.options().values().forEach((k, v) -> p.put("option." + k, v));
        p.put("tensorflow_version", TensorFlow.version());
        p.put("tensorflow_java_version", TF_JAVA_VERSION);
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

    private static String trim(double v) {
        return v == Math.rint(v) ? Integer.toString((int) v) : Double.toString(v);
    }

    static List<String> checkpointNames() {
        return List.of("last", "best");
    }
}
