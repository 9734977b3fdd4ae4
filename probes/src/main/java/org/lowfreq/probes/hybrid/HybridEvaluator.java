package org.lowfreq.probes.hybrid;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.lowfreq.spi.Classifier;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.Logits;
import org.lowfreq.spi.ProgressListener;

/**
 * Classifies the hybrids of one pairing under every distinct mask of a {@link MixGrid}. Batches
 * of pairs are mixed on a worker pool, a few batches ahead of the model, and classified on the
 * calling thread in batch order. Each hybrid's outcome depends only on its two source images and
 * mask, so results do not depend on batch size or thread count (for a backend whose logits of an
 * image do not depend on the rest of its batch).
 */
public final class HybridEvaluator {
    /** Outcome codes. */
    public static final byte LOW = 0;
    public static final byte HIGH = 1;
    public static final byte OTHER = 2;

    private final Classifier classifier;
    private final Images images;
    private final MixGrid grid;
    private final ExecutorService pool;
    private final int workers;
    private final int batch;

    /**
     * The answers for one pairing.
     *
     * @param partner    high-frequency source of hybrid i (its low source is image i)
     * @param outcome    [distinct mask][hybrid] one of {@link #LOW}, {@link #HIGH}, {@link #OTHER}
     * @param confidence [distinct mask][hybrid] top-1 softmax probability
     */
    public record SeedOutcomes(int[] partner, byte[][] outcome, float[][] confidence) {
    }

    public HybridEvaluator(Classifier classifier, Images images, MixGrid grid, ExecutorService pool, int workers,
                           int batch) {
        this.classifier = classifier;
        this.images = images;
        this.grid = grid;
        this.pool = pool;
        this.workers = Math.max(1, workers);
        this.batch = Math.max(1, batch);
    }

    public SeedOutcomes evaluate(int[] partner, ProgressListener progress) {
        int n = images.count();
        int masks = grid.distinctMasks();
        List<boolean[]> maskList = new ArrayList<>();
        for (int m = 0; m < masks; m++) {
            maskList.add(grid.maskView(m));
        }
        byte[][] outcome = new byte[masks][n];
        float[][] confidence = new float[masks][n];
        int[] labels = images.labels();
        int batches = (n + batch - 1) / batch;
        PrefetchingPipeline.run(pool, batches, workers + 1, b -> {
            int from = b * batch;
            int to = Math.min(n, from + batch);
            int[] low = new int[to - from];
            int[] high = new int[to - from];
            for (int i = from; i < to; i++) {
                low[i - from] = i;
                high[i - from] = partner[i];
            }
            return new HybridMixer(images.shape()).mix(images.pixels(), low, high, maskList);
        }, (b, hybrids) -> {
            int from = b * batch;
            int count = Math.min(n, from + batch) - from;
            for (int m = 0; m < masks; m++) {
                Logits logits = classifier.logits(new Images(count, images.shape(), hybrids[m]));
                float[] p = logits.probabilities();
                for (int j = 0; j < count; j++) {
                    int i = from + j;
                    int a = logits.argmax(j);
                    outcome[m][i] = a == labels[i] ? LOW : (a == labels[partner[i]] ? HIGH : OTHER);
                    confidence[m][i] = p[j * logits.classes() + a];
                }
                progress.advance(count);
            }
        });
        return new SeedOutcomes(partner, outcome, confidence);
    }
}
