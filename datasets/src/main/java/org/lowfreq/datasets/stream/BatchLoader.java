package org.lowfreq.datasets.stream;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.lowfreq.spi.Images;
import org.lowfreq.spi.Seeds;
import org.lowfreq.spi.UserInputException;

/**
 * Streams the examples of an {@link ExampleSource} in a given order, in batches, made on a pool of
 * worker threads a bounded number of batches ahead of the consumer.
 *
 * <p><b>Determinism.</b> Batch k holds the examples {@code order[k B .. (k + 1) B)}, and example i
 * gets the random stream {@code Seeds.random(seed, stream, epoch, i)}; a worker makes a whole batch.
 * So the batches are the same, bit for bit, for any number of workers (0 included), and come out in
 * order whatever order the workers finish in.
 *
 * <p><b>Bounded memory.</b> At most {@code queueBatches} batches are alive at once: being made,
 * finished and waiting, or held by the consumer until it closes them. A new batch is only started
 * when one is closed, so the loader never holds more than {@code queueBatches x batchSize} images,
 * whatever the size of the data set. Full-size pixel buffers are recycled through a pool, so a long
 * run allocates them once.
 *
 * <p><b>Unreadable examples</b> are refused (the error names the file) or skipped, as
 * {@link LoaderSettings#unreadable()} says; a skipped example is reported through the listener given
 * to the constructor and listed in its batch and in {@link #skipped()}, when its batch is delivered,
 * so reports come in batch order whatever order the workers finish in.
 *
 * <p>Not thread-safe: one consumer calls {@link #next()}.
 */
public final class BatchLoader implements AutoCloseable {
    private final ExampleSource source;
    private final int[] order;
    private final LoaderSettings settings;
    private final Consumer<String> skipReport;
    private final int batches;
    private final int imageSize;
    private final ExecutorService workers;
    private final List<CompletableFuture<Batch>> pending = new ArrayList<>();
    private final BlockingQueue<float[]> pool;
    private final AtomicInteger closedBatches = new AtomicInteger();
    private final AtomicLong liveImages = new AtomicLong();
    private final AtomicLong peakLiveImages = new AtomicLong();
    private final List<String> skipped = Collections.synchronizedList(new ArrayList<>());
    /** Report lines of the skipped examples of batches made but not yet delivered, by batch number. */
    private final Map<Integer, List<String>> skipMessages = new ConcurrentHashMap<>();
    private int submitted;
    private int delivered;
    private boolean closed;

    /**
     * @param order      example indices in the order to deliver them (a permutation for training,
     *                   0..n-1 for evaluation, any subset)
     * @param skipReport told the reason for each skipped example (naming it), when its batch is delivered
     */
    public BatchLoader(ExampleSource source, int[] order, LoaderSettings settings, Consumer<String> skipReport) {
        this.source = Objects.requireNonNull(source);
        this.order = order.clone();
        this.settings = Objects.requireNonNull(settings);
        this.skipReport = skipReport == null ? s -> { } : skipReport;
        for (int i : this.order) {
            Objects.checkIndex(i, source.size());
        }
        this.batches = (this.order.length + settings.batchSize() - 1) / settings.batchSize();
        this.imageSize = source.shape().size();
        this.pool = new ArrayBlockingQueue<>(Math.max(1, settings.queueBatches()));
        this.workers = settings.workers() == 0 ? null : Executors.newFixedThreadPool(settings.workers(), r -> {
            Thread t = new Thread(r, "lowfreq-loader");
            t.setDaemon(true); // a consumer that dies must not keep the JVM alive
            return t;
        });
    }

    /** All examples of {@code source} in index order (evaluation). */
    public static BatchLoader sequential(ExampleSource source, LoaderSettings settings, Consumer<String> skipReport) {
        return new BatchLoader(source, ExampleOrder.sequential(source.size()), settings, skipReport);
    }

    /** Number of batches this loader delivers. */
    public int batchCount() {
        return batches;
    }

    public boolean hasNext() {
        return delivered < batches;
    }

    /**
     * The next batch, in order; waits for it when the workers have not finished it yet.
     *
     * @throws UserInputException naming the file when an unreadable example is refused
     */
    public Batch next() {
        if (closed) {
            throw new IllegalStateException("loader is closed");
        }
        if (!hasNext()) {
            throw new java.util.NoSuchElementException("all " + batches + " batches delivered");
        }
        if (workers == null) {
            return deliver(make(delivered++));
        }
        fill();
        CompletableFuture<Batch> f;
        synchronized (this) {
            if (delivered >= submitted) {
                // every live batch is in the consumer's hands: waiting would never end
                throw new IllegalStateException("all " + settings.queueBatches() + " live batches are held open;"
                        + " close a batch before asking for the next, or use a larger queue");
            }
            f = pending.set(delivered, null); // drop the reference: a delivered batch belongs to the consumer
        }
        delivered++;
        try {
            Batch b = deliver(f.get());
            fill();
            return b;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for batch " + (delivered - 1));
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        }
    }

    /** Descriptions of the examples skipped in the batches delivered so far, in delivery order. */
    public List<String> skipped() {
        synchronized (skipped) {
            return List.copyOf(skipped);
        }
    }

    /** The most images the loader has held at once (made, waiting or not yet closed). */
    public long peakLiveImages() {
        return peakLiveImages.get();
    }

    /** Reports a batch's skipped examples as it goes to the consumer. */
    private Batch deliver(Batch b) {
        skipped.addAll(b.skipped());
        List<String> messages = skipMessages.remove(b.number());
        if (messages != null) {
            messages.forEach(skipReport);
        }
        return b;
    }

    /** Starts batches until the bound of live batches is reached. */
    private synchronized void fill() {
        while (!closed && submitted < batches && submitted - closedBatches.get() < settings.queueBatches()) {
            int k = submitted++;
            pending.add(CompletableFuture.supplyAsync(() -> make(k), workers));
        }
    }

    private Batch make(int k) {
        int from = k * settings.batchSize();
        int capacity = Math.min(settings.batchSize(), order.length - from);
        track(capacity);
        float[] buffer = pool.poll();
        if (buffer == null) {
            buffer = new float[settings.batchSize() * imageSize];
        }
        int[] labels = new int[capacity];
        int[] indices = new int[capacity];
        List<String> left = new ArrayList<>();
        int m = 0;
        try {
            for (int j = 0; j < capacity; j++) {
                int index = order[from + j];
                SplittableRandom rng = Seeds.random(settings.seed(), settings.stream(), settings.epoch(), index);
                try {
                    source.produce(index, rng, buffer, m * imageSize);
                } catch (UnreadableExampleException e) {
                    if (settings.unreadable() == UnreadablePolicy.REFUSE) {
                        throw new UserInputException(e.getMessage(),
                                "remove or replace the file; lowfreq train and lowfreq data bench can leave unreadable images out with"
                                        + " --on-unreadable skip (each is reported by path)", e);
                    }
                    left.add(e.source());
                    skipMessages.computeIfAbsent(k, x -> new ArrayList<>()).add(e.getMessage());
                    continue;
                }
                labels[m] = source.label(index);
                indices[m] = index;
                m++;
            }
        } catch (RuntimeException e) {
            pool.offer(buffer);
            release(capacity);
            throw e;
        }
        boolean full = m == settings.batchSize();
        // Images needs an array of exactly count x size floats: a short batch gets its own copy
        float[] pixels = full ? buffer : Arrays.copyOf(buffer, m * imageSize);
        if (!full) {
            pool.offer(buffer);
        }
        float[] recycled = full ? buffer : null;
        AtomicBoolean done = new AtomicBoolean();
        Images images = new Images(m, source.shape(), pixels, m == capacity ? labels : Arrays.copyOf(labels, m));
        return new Batch(k, images, m == capacity ? indices : Arrays.copyOf(indices, m), left, () -> {
            if (done.compareAndSet(false, true)) {
                if (recycled != null) {
                    pool.offer(recycled);
                }
                release(capacity);
                if (workers != null) {
                    fill();
                }
            }
        });
    }

    private void track(int images) {
        long now = liveImages.addAndGet(images);
        peakLiveImages.accumulateAndGet(now, Math::max);
    }

    private void release(int images) {
        liveImages.addAndGet(-images);
        closedBatches.incrementAndGet();
    }

    private static RuntimeException unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t instanceof RuntimeException r ? r : new IllegalStateException(t);
    }

    /** Stops the workers; batches not yet delivered are dropped. Safe to call twice. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        if (workers != null) {
            synchronized (this) {
                for (CompletableFuture<Batch> f : pending) {
                    if (f != null) {
                        f.cancel(true);
                    }
                }
            }
            workers.shutdownNow();
            try {
                workers.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
