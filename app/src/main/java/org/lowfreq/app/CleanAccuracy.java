package org.lowfreq.app;

import org.lowfreq.datasets.stream.Batch;
import org.lowfreq.probes.data.BatchStream;
import org.lowfreq.probes.data.SplitStream;
import org.lowfreq.spi.Classifier;
import org.lowfreq.spi.Dataset;
import org.lowfreq.spi.ProgressListener;

/** Clean top-1 accuracy of a model on the first images of a split (shared by {@code eval} and {@code import}). */
public final class CleanAccuracy {
    private CleanAccuracy() {
    }

    /**
     * Fraction of the first {@code n} images of the split whose argmax logit is their label. The images
     * are streamed in batches ({@link SplitStream}: a streamable set is decoded on worker threads ahead
     * of the model), never held all at once.
     */
    public static double measure(Classifier c, Dataset data, String split, int n, ProgressListener p) {
        int batch = Math.max(c.preferredBatchSize(), 256);
        int workers = Runtime.getRuntime().availableProcessors();
        long correct = 0;
        p.start("accuracy of " + c.card().name(), n);
        try (BatchStream images = SplitStream.first(data, split, n, batch, workers)) {
            while (images.hasNext()) {
                try (Batch b = images.next()) {
                    int[] pred = c.logits(b.images()).argmax();
                    int[] labels = b.images().labels();
                    for (int i = 0; i < pred.length; i++) {
                        correct += pred[i] == labels[i] ? 1 : 0;
                    }
                    p.advance(pred.length);
                }
            }
        }
        p.finish();
        return (double) correct / n;
    }
}
