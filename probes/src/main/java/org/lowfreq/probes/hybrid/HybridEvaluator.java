package org.lowfreq.probes.hybrid;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.lowfreq.datasets.stream.Batch;
import org.lowfreq.probes.data.BatchStream;
import org.lowfreq.probes.data.SplitStream;
import org.lowfreq.spi.Classifier;
import org.lowfreq.spi.Dataset;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.InMemoryDataset;
import org.lowfreq.spi.Logits;
import org.lowfreq.spi.ProgressListener;

/**
 * Classifies the hybrids of one pairing under every distinct mask of a {@link MixGrid}. The source
 * images are streamed from the split in the order of the pairs (the low sources in index order, their
 * high partners in partner order: two {@link SplitStream}s in step), so only a few batches are ever
 * in memory. Batches of pairs are mixed on a worker pool, a few batches ahead of the model, and
 * classified on the calling thread in batch order. Each hybrid's outcome depends only on its two
 * source images and mask, so results do not depend on batch size or thread count (for a backend whose
 * logits of an image do not depend on the rest of its batch).
 */
public final class HybridEvaluator {
    /** Outcome codes. */
    public static final byte LOW = 0;
    public static final byte HIGH = 1;
    public static final byte OTHER = 2;

    private final Classifier classifier;
    private final Dataset data;
    private final String split;
    private final int[] labels;
    private final ImageShape shape;
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

    /**
     * @param labels the split's labels ({@link Dataset#labels})
     * @param workers mixing threads, and decoding threads of each source stream of a streamable data set
     */
    public HybridEvaluator(Classifier classifier, Dataset data, String split, int[] labels, MixGrid grid,
                           ExecutorService pool, int workers, int batch) {
        this.classifier = classifier;
        this.data = data;
        this.split = split;
        this.labels = labels;
        this.shape = data.shape();
        this.grid = grid;
        this.pool = pool;
        this.workers = Math.max(1, workers);
        this.batch = Math.max(1, batch);
    }

    /** Images held in memory (benchmarks, tests). */
    public HybridEvaluator(Classifier classifier, Images images, MixGrid grid, ExecutorService pool, int workers,
                           int batch) {
        this(classifier, new InMemoryDataset("images", List.of(), images.shape(), java.util.Map.of("images", images)),
                "images", images.labels(), grid, pool, workers, batch);
    }

    public SeedOutcomes evaluate(int[] partner, ProgressListener progress) {
        int n = labels.length;
        int masks = grid.distinctMasks();
        List<boolean[]> maskList = new ArrayList<>();
        for (int m = 0; m < masks; m++) {
            maskList.add(grid.maskView(m));
        }
        byte[][] outcome = new byte[masks][n];
        float[][] confidence = new float[masks][n];
        int batches = (n + batch - 1) / batch;
        int size = shape.size();
        try (BatchStream lows = SplitStream.first(data, split, n, batch, workers);
             BatchStream highs = SplitStream.open(data, split, partner, batch, workers)) {
            PrefetchingPipeline.run(pool, batches, workers + 1, b -> {
                // low sources then high sources of the batch's pairs, in one array the mixer indexes
                try (Batch low = lows.next(); Batch high = highs.next()) {
                    int count = low.count();
                    if (high.count() != count) {
                        throw new IllegalStateException("source streams out of step at batch " + b);
                    }
                    float[] pixels = new float[2 * count * size];
                    System.arraycopy(low.images().pixels(), 0, pixels, 0, count * size);
                    System.arraycopy(high.images().pixels(), 0, pixels, count * size, count * size);
                    return pixels;
                }
            }, (b, pixels) -> {
                int count = pixels.length / (2 * size);
                int[] low = new int[count];
                int[] high = new int[count];
                for (int j = 0; j < count; j++) {
                    low[j] = j;
                    high[j] = count + j;
                }
                return new HybridMixer(shape).mix(pixels, low, high, maskList);
            }, (b, hybrids) -> {
                int from = b * batch;
                int count = Math.min(n, from + batch) - from;
                for (int m = 0; m < masks; m++) {
                    Logits logits = classifier.logits(new Images(count, shape, hybrids[m]));
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
        }
        return new SeedOutcomes(partner, outcome, confidence);
    }
}
