package org.lowfreq.probes.corruption;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.lowfreq.datasets.stream.Batch;
import org.lowfreq.probes.data.BatchStream;
import org.lowfreq.probes.data.SplitStream;
import org.lowfreq.spi.Corruption;
import org.lowfreq.spi.Dataset;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.Resolution;
import org.lowfreq.spi.Seeds;

/**
 * Corrupts the clean images on the fly with the discovered {@link Corruption}s, seeding image i
 * at (corruption, severity) with {@code Seeds.random(seed, corruption, severity, i)} and storing
 * uint8 steps exactly as {@code lowfreq corrupt} does, so both paths give the same accuracies. The
 * clean split is streamed a batch at a time and each batch corrupted on a worker pool.
 */
final class GeneratedSource implements CorruptedSource {
    private final List<Corruption> corruptions;
    private final Dataset clean;
    private final String split;
    private final Resolution table;
    private final long seed;
    private final ForkJoinPool pool;

    GeneratedSource(List<Corruption> corruptions, Dataset clean, String split, Resolution table, long seed,
                    ForkJoinPool pool) {
        this.corruptions = corruptions;
        this.clean = clean;
        this.split = split;
        this.table = table;
        this.seed = seed;
        this.pool = pool;
    }

    @Override
    public List<String> corruptions() {
        return corruptions.stream().map(Corruption::name).toList();
    }

    @Override
    public BatchStream stream(String name, int severity, int n, int batch) {
        Corruption c = corruptions.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        BatchStream source = SplitStream.first(clean, split, n, batch, pool.getParallelism());
        return new BatchStream() {
            @Override
            public boolean hasNext() {
                return source.hasNext();
            }

            @Override
            public Batch next() {
                try (Batch b = source.next()) {
                    Images corrupted = corrupt(c, severity, b.images(), b.indices());
                    return new Batch(b.number(), corrupted, b.indices(), b.skipped(), () -> { });
                }
            }

            @Override
            public void close() {
                source.close();
            }
        };
    }

    private Images corrupt(Corruption c, int severity, Images images, int[] indices) {
        int size = images.shape().size();
        float[] out = new float[images.count() * size];
        pool.submit(() -> IntStream.range(0, images.count()).parallel().forEach(j -> {
            float[] y = c.apply(images.image(j), images.shape(), severity, table,
                    Seeds.random(seed, c.name(), severity, (long) indices[j]));
            for (int k = 0; k < size; k++) {
                out[j * size + k] = quantise(y[k]);
            }
        })).join();
        return images.withPixels(out).withLabels(images.labels().clone());
    }

    @Override
    public boolean alignedWithClean() {
        return true;
    }

    @Override
    public String inputConversion() {
        return "";
    }

    /** floor(255 v) as the reference's uint8 cast (with the 1e-3 allowance of the corruptions module's runner). */
    static float quantise(float v) {
        int u = (int) Math.floor(v * 255.0 + 1e-3);
        return (u < 0 ? 0 : Math.min(u, 255)) / 255f;
    }
}
