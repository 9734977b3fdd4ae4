package org.lowfreq.app;

import org.lowfreq.spi.Classifier;
import org.lowfreq.spi.Dataset;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.ProgressListener;

/** Clean top-1 accuracy of a model on the first images of a split (shared by {@code eval} and {@code import}). */
public final class CleanAccuracy {
    private CleanAccuracy() {
    }

    /** Fraction of the first {@code n} images of the split whose argmax logit is their label. */
    public static double measure(Classifier c, Dataset data, String split, int n, ProgressListener p) {
        int batch = Math.max(c.preferredBatchSize(), 256);
        long correct = 0;
        p.start("accuracy of " + c.card().name(), n);
        for (int from = 0; from < n; from += batch) {
            Images images = data.read(split, from, Math.min(batch, n - from));
            int[] pred = c.logits(images).argmax();
            for (int i = 0; i < pred.length; i++) {
                correct += pred[i] == images.labels()[i] ? 1 : 0;
            }
            p.advance(pred.length);
        }
        p.finish();
        return (double) correct / n;
    }
}
