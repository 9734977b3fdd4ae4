package org.lowfreq.probes.corruption;

import java.util.List;
import java.util.stream.IntStream;
import org.lowfreq.spi.Corruption;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.Resolution;
import org.lowfreq.spi.Seeds;

/**
 * Corrupts the clean images on the fly with the discovered {@link Corruption}s, seeding image i
 * at (corruption, severity) with {@code Seeds.random(seed, corruption, severity, i)} and storing
 * uint8 steps exactly as {@code lowfreq corrupt} does, so both paths give the same accuracies.
 */
final class GeneratedSource implements CorruptedSource {
    private final List<Corruption> corruptions;
    private final Images clean;
    private final Resolution table;
    private final long seed;
    private final java.util.concurrent.ForkJoinPool pool;

    GeneratedSource(List<Corruption> corruptions, Images clean, Resolution table, long seed,
                    java.util.concurrent.ForkJoinPool pool) {
        this.corruptions = corruptions;
        this.clean = clean;
        this.table = table;
        this.seed = seed;
        this.pool = pool;
    }

    @Override
    public List<String> corruptions() {
        return corruptions.stream().map(Corruption::name).toList();
    }

    @Override
    public Images read(String name, int severity, int n) {
        Corruption c = corruptions.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        int size = clean.shape().size();
        float[] out = new float[n * size];
        pool.submit(() -> IntStream.range(0, n).parallel().forEach(i -> {
            float[] y = c.apply(clean.image(i), clean.shape(), severity, table, Seeds.random(seed, name, severity, (long) i));
            for (int k = 0; k < size; k++) {
                out[i * size + k] = quantise(y[k]);
            }
        })).join();
        return new Images(n, clean.shape(), out, java.util.Arrays.copyOf(clean.labels(), n));
    }

    /** floor(255 v) as the reference's uint8 cast (with the 1e-3 allowance of the corruptions module's runner). */
    static float quantise(float v) {
        int u = (int) Math.floor(v * 255.0 + 1e-3);
        return (u < 0 ? 0 : Math.min(u, 255)) / 255f;
    }
}
