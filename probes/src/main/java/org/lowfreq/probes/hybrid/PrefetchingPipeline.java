package org.lowfreq.probes.hybrid;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Runs numbered tasks on a worker pool, a few ahead, and hands their results to the calling
 * thread strictly in task order. Used to prepare the next batches of perturbed images while the
 * model classifies the current one, so that preparation overlaps inference and the results do not
 * depend on scheduling.
 */
public final class PrefetchingPipeline {
    private PrefetchingPipeline() {
    }

    /** Consumer of task results in order; may throw unchecked exceptions. */
    public interface OrderedConsumer<T> {
        void accept(int task, T result);
    }

    /**
     * @param pool    worker pool for {@code produce}
     * @param tasks   number of tasks, numbered 0..tasks-1
     * @param ahead   how many tasks may be in flight (>= 1)
     * @param produce builds the result of a task (on a worker)
     * @param consume uses it (on the calling thread, in task order)
     */
    public static <T> void run(ExecutorService pool, int tasks, int ahead, IntFunction<T> produce,
                               OrderedConsumer<T> consume) {
        run(pool, tasks, ahead, task -> task, (task, input) -> produce.apply(task), consume);
    }

    /**
     * As {@link #run(ExecutorService, int, int, IntFunction, OrderedConsumer)}, with each task's input
     * fetched first on the calling thread, in task order (e.g. the next batch of a stream, which only
     * one thread may read), and then turned into the result on a worker.
     *
     * @param fetch   the input of a task (on the calling thread, in task order)
     * @param produce builds the result of a task from its input (on a worker)
     */
    public static <S, T> void run(ExecutorService pool, int tasks, int ahead, IntFunction<S> fetch,
                                  java.util.function.BiFunction<Integer, S, T> produce, OrderedConsumer<T> consume) {
        Deque<Future<T>> inFlight = new ArrayDeque<>();
        int next = 0;
        try {
            for (int t = 0; t < tasks; t++) {
                while (next < tasks && inFlight.size() < Math.max(1, ahead)) {
                    int task = next++;
                    S input = fetch.apply(task);
                    inFlight.addLast(pool.submit(() -> produce.apply(task, input)));
                }
                T result = await(inFlight.removeFirst());
                consume.accept(t, result);
            }
        } finally {
            inFlight.forEach(f -> f.cancel(true));
        }
    }

    private static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a worker", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        }
    }
}
