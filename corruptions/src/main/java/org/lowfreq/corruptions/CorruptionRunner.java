package org.lowfreq.corruptions;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.lowfreq.spi.Corruption;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.ProgressListener;
import org.lowfreq.spi.Resolution;
import org.lowfreq.spi.Seeds;

/**
 * Applies corruptions to batches on a pool of worker threads. Image i of a data set (its index in
 * the data set, not in the batch) at (corruption, severity) gets its own generator
 * {@code Seeds.random(seed, corruption, severity, i)}, so results never depend on batch size,
 * thread count or order.
 */
public final class CorruptionRunner implements AutoCloseable {
    private final ForkJoinPool pool;
    private final long seed;

    public CorruptionRunner(long seed, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.seed = seed;
        this.pool = new ForkJoinPool(threads);
    }

    public long seed() {
        return seed;
    }

    /**
     * Corrupts a batch whose first image has data-set index {@code firstIndex}.
     *
     * @return a new batch with the same labels
     */
    public Images apply(Corruption corruption, int severity, Resolution table, Images batch, int firstIndex,
                        ProgressListener progress) {
        int size = batch.shape().size();
        float[] out = new float[batch.pixels().length];
        run(batch.count(), i -> {
            float[] image = batch.image(i);
            float[] c = corruption.apply(image, batch.shape(), severity, table,
                    Seeds.random(seed, corruption.name(), severity, (long) firstIndex + i));
            System.arraycopy(c, 0, out, i * size, size);
            progress.advance(1);
        });
        return batch.withPixels(out);
    }

    /**
     * Corrupts a batch straight into uint8 HWC bytes (how -C sets are stored), truncating as
     * the reference's {@code np.uint8} cast does.
     */
    public void applyToBytes(Corruption corruption, int severity, Resolution table, Images batch, int firstIndex,
                             byte[] dest, int destOffset, ProgressListener progress) {
        int[] indices = new int[batch.count()];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = firstIndex + i;
        }
        applyToBytes(corruption, severity, table, batch, indices, dest, destOffset, progress);
    }

    /**
     * As {@link #applyToBytes(Corruption, int, Resolution, Images, int, byte[], int, ProgressListener)}
     * for a batch of any images of the data set: image i of the batch is image {@code indices[i]} of the
     * data set, whose index fixes its random stream.
     */
    public void applyToBytes(Corruption corruption, int severity, Resolution table, Images batch, int[] indices,
                             byte[] dest, int destOffset, ProgressListener progress) {
        int size = batch.shape().size();
        run(batch.count(), i -> {
            var rng = Seeds.random(seed, corruption.name(), severity, (long) indices[i]);
            int o = destOffset + i * size;
            if (corruption instanceof TableCorruption own) {
                int[] u = own.applyUint8(batch.image(i), batch.shape(), severity, table, rng);
                for (int k = 0; k < size; k++) {
                    dest[o + k] = (byte) u[k];
                }
            } else {
                float[] c = corruption.apply(batch.image(i), batch.shape(), severity, table, rng);
                for (int k = 0; k < size; k++) {
                    dest[o + k] = (byte) toUint8(c[k]);
                }
            }
            progress.advance(1);
        });
    }

    /**
     * floor(255 v) as the reference's uint8 cast, with a 1e-3 allowance so that values that are
     * exactly k / 255 (JPEG, pixelate, motion blur) do not fall to k - 1 through float round-off.
     */
    public static int toUint8(float v) {
        // truncation equals floor here: anything below 0 is clamped to 0 anyway
        int u = (int) (v * 255.0 + 1e-3);
        return u < 0 ? 0 : (u > 255 ? 255 : u);
    }

    /** Runs {@code body} for 0..n-1 on the runner's threads (e.g. encoding the files of a chunk). */
    public void forEach(int n, java.util.function.IntConsumer body) {
        run(n, body);
    }

    private void run(int n, java.util.function.IntConsumer body) {
        try {
            pool.submit(() -> IntStream.range(0, n).parallel().forEach(body)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    @Override
    public void close() {
        pool.shutdown();
    }
}
