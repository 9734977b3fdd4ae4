package org.lowfreq.reference;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.lowfreq.spi.Dataset;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.Logits;
import org.lowfreq.spi.ModelCard;
import org.lowfreq.spi.ProgressListener;
import org.lowfreq.spi.Trainer;
import org.lowfreq.spi.TrainingSpec;
import org.lowfreq.spi.UserInputException;

/**
 * Plain mini-batch SGD on cross-entropy for {@link DenseClassifier}s (arch {@code linear} or
 * {@code mlp}, width = hidden units). Meant for small data: it loads the training subset into memory.
 */
public final class SgdTrainer implements Trainer {

    @Override
    public Path train(TrainingSpec spec, Dataset data, Path outDir, ProgressListener progress) {
        // plain SGD has no further settings: an -o key=value here is a typo or meant for another backend
        spec.options().requireOnly("the reference trainer", java.util.Set.of());
        int hidden = switch (spec.arch()) {
            case "linear" -> 0;
            case "mlp" -> Math.max(1, spec.width());
            default -> throw new UserInputException("the reference backend has no arch '" + spec.arch() + "'",
                    "use linear or mlp");
        };
        if (spec.blurSigma() != 0 || spec.pcaComponents() != 0 || spec.grayscale()) {
            throw new UserInputException("the reference backend has no blur, PCA or grayscale layers",
                    "use --backend tensorflow for those");
        }
        int n = spec.trainLimit() > 0 ? Math.min(spec.trainLimit(), data.size("train")) : data.size("train");
        Images train = data.read("train", 0, n);
        long start = System.nanoTime();
        DenseClassifier model = fit(train, data.classNames().size(), hidden, spec, progress);
        double seconds = (System.nanoTime() - start) / 1e9;
        int nTest = spec.testLimit() > 0 ? Math.min(spec.testLimit(), data.size("test")) : data.size("test");
        Images test = data.read("test", 0, nTest);
        double acc = accuracy(model, test);
        Map<String, String> props = new LinkedHashMap<>();
        props.put("epochs", Integer.toString(spec.epochs()));
        props.put("learning_rate", Double.toString(spec.learningRate()));
        props.put("batch_size", Integer.toString(spec.batchSize()));
        props.put("train_images", Integer.toString(n));
        props.put("test_images", Integer.toString(nTest));
        props.put("training_seconds", String.format(java.util.Locale.ROOT, "%.1f", seconds));
        ModelCard card = new ModelCard(outDir.getFileName().toString(), spec.family(), spec.arch(),
                ReferenceModelProvider.NAME, data.shape(), data.classNames(), 0, 0, data.name(), spec.seed(), acc, props);
        DenseClassifier saved = new DenseClassifier(card, model.weights());
        ReferenceModelProvider.save(saved, outDir);
        return outDir;
    }

    /** Trains a fresh model on labelled images; deterministic for a seed. */
    public static DenseClassifier fit(Images train, int classes, int hidden, TrainingSpec spec, ProgressListener progress) {
        if (!train.hasLabels()) {
            throw new UserInputException("training images need labels");
        }
        int d = train.shape().size();
        DenseWeights w = DenseWeights.random(d, hidden, classes, spec.seed());
        ModelCard scratch = new ModelCard("training", spec.family(), spec.arch(), ReferenceModelProvider.NAME,
                train.shape(), java.util.stream.IntStream.range(0, classes).mapToObj(Integer::toString).toList(),
                0, 0, "", spec.seed(), Double.NaN, Map.of());
        DenseClassifier model = new DenseClassifier(scratch, w);
        SplittableRandom rng = new SplittableRandom(spec.seed() ^ 0x5DEECE66DL);
        int n = train.count();
        int batch = Math.max(1, spec.batchSize());
        progress.start("train " + spec.arch(), (long) spec.epochs() * n);
        int[] order = java.util.stream.IntStream.range(0, n).toArray();
        for (int epoch = 0; epoch < spec.epochs(); epoch++) {
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int start = 0; start < n; start += batch) {
                int end = Math.min(n, start + batch);
                step(model, train, order, start, end, (float) spec.learningRate());
                progress.advance(end - start);
            }
        }
        progress.finish();
        return model;
    }

    private static void step(DenseClassifier model, Images train, int[] order, int start, int end, float lr) {
        DenseWeights w = model.weights();
        int d = w.inputs();
        int k = w.classes();
        int hidden = w.hidden();
        int rows = hidden == 0 ? k : hidden;
        float[] g1 = new float[w.w1().length];
        float[] gb1 = new float[rows];
        float[] g2 = new float[w.w2().length];
        float[] gb2 = new float[w.b2().length];
        double[] a = new double[Math.max(1, hidden)];
        double[] z = new double[k];
        double[] dz = new double[k];
        float[] px = train.pixels();
        for (int p = start; p < end; p++) {
            int i = order[p];
            int off = train.offset(i);
            // forward
            for (int r = 0; r < rows; r++) {
                double s = w.b1()[r];
                for (int j = 0; j < d; j++) {
                    s += w.w1()[r * d + j] * px[off + j];
                }
                if (hidden == 0) {
                    z[r] = s;
                } else {
                    a[r] = Math.tanh(s);
                }
            }
            if (hidden > 0) {
                for (int c = 0; c < k; c++) {
                    double s = w.b2()[c];
                    for (int h = 0; h < hidden; h++) {
                        s += w.w2()[c * hidden + h] * a[h];
                    }
                    z[c] = s;
                }
            }
            DenseClassifier.lossAndGradient(z, train.labels()[i], org.lowfreq.spi.Loss.CROSS_ENTROPY, dz);
            double[] upstream = dz;
            if (hidden > 0) {
                double[] dh = new double[hidden];
                for (int c = 0; c < k; c++) {
                    gb2[c] += (float) dz[c];
                    for (int h = 0; h < hidden; h++) {
                        g2[c * hidden + h] += (float) (dz[c] * a[h]);
                        dh[h] += w.w2()[c * hidden + h] * dz[c];
                    }
                }
                for (int h = 0; h < hidden; h++) {
                    dh[h] *= 1 - a[h] * a[h];
                }
                upstream = dh;
            }
            for (int r = 0; r < rows; r++) {
                float u = (float) upstream[r];
                gb1[r] += u;
                if (u != 0) {
                    for (int j = 0; j < d; j++) {
                        g1[r * d + j] += u * px[off + j];
                    }
                }
            }
        }
        float scale = lr / (end - start);
        apply(w.w1(), g1, scale);
        apply(w.b1(), gb1, scale);
        apply(w.w2(), g2, scale);
        apply(w.b2(), gb2, scale);
    }

    private static void apply(float[] p, float[] g, float scale) {
        for (int i = 0; i < p.length; i++) {
            p[i] -= scale * g[i];
        }
    }

    /** Top-1 accuracy on labelled images. */
    public static double accuracy(DenseClassifier model, Images images) {
        Logits l = model.logits(images);
        int correct = 0;
        for (int i = 0; i < images.count(); i++) {
            if (l.argmax(i) == images.labels()[i]) {
                correct++;
            }
        }
        return correct / (double) Math.max(1, images.count());
    }
}
