package org.lowfreq.datasets.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.UserInputException;

class BatchLoaderTest {
    private static final ImageShape SHAPE = new ImageShape(4, 4, 3);

    /**
     * A source whose pixels record (index, first random draw): any mix-up of examples, streams or
     * order shows in the output. Optionally slow, so that workers finish out of order.
     */
    private record Recording(int n, Set<Integer> unreadable, boolean slow, AtomicInteger inFlight, AtomicInteger peak)
            implements ExampleSource {
        Recording(int n) {
            this(n, Set.of(), false, new AtomicInteger(), new AtomicInteger());
        }

        @Override
        public int size() {
            return n;
        }

        @Override
        public ImageShape shape() {
            return SHAPE;
        }

        @Override
        public int label(int index) {
            return index % 7;
        }

        @Override
        public void produce(int index, SplittableRandom rng, float[] dst, int offset) {
            if (unreadable.contains(index)) {
                throw new UnreadableExampleException("class/img" + index + ".JPEG", "not a JPEG", null);
            }
            peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            if (slow && index % 3 == 0) {
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            for (int k = 0; k < SHAPE.size(); k++) {
                dst[offset + k] = k == 0 ? index / 1000f : (float) rng.nextDouble();
            }
            inFlight.decrementAndGet();
        }

        @Override
        public String describe(int index) {
            return "img" + index;
        }
    }

    private static List<float[]> drain(ExampleSource src, int[] order, LoaderSettings s, List<int[]> labels) {
        List<float[]> out = new ArrayList<>();
        try (BatchLoader loader = new BatchLoader(src, order, s, null)) {
            while (loader.hasNext()) {
                try (Batch b = loader.next()) {
                    out.add(b.images().pixels().clone());
                    labels.add(b.images().labels().clone());
                }
            }
        }
        return out;
    }

    @Test
    void sameBatchesForZeroOneAndFourWorkers() {
        Recording src = new Recording(203, Set.of(), true, new AtomicInteger(), new AtomicInteger());
        int[] order = ExampleOrder.shuffled(203, new SplittableRandom(5));
        List<int[]> l0 = new ArrayList<>();
        List<int[]> l1 = new ArrayList<>();
        List<int[]> l4 = new ArrayList<>();
        List<float[]> w0 = drain(src, order, LoaderSettings.of(16, 0, 9, "augment", 2), l0);
        List<float[]> w1 = drain(src, order, LoaderSettings.of(16, 1, 9, "augment", 2), l1);
        List<float[]> w4 = drain(src, order, LoaderSettings.of(16, 4, 9, "augment", 2), l4);
        assertThat(w0).hasSize(13);
        for (int k = 0; k < w0.size(); k++) {
            assertThat(w1.get(k)).containsExactly(w0.get(k));
            assertThat(w4.get(k)).containsExactly(w0.get(k));
            assertThat(l4.get(k)).containsExactly(l0.get(k));
        }
        // batch k holds order[16k ..] in order: the first pixel encodes the index
        assertThat(w4.get(3)[0]).isEqualTo(order[48] / 1000f);
        assertThat(w4.get(12)).hasSize(11 * SHAPE.size());
        assertThat(src.peak().get()).isGreaterThan(1); // the workers did run in parallel
    }

    @Test
    void anotherEpochOrSeedGivesOtherAugmentation() {
        Recording src = new Recording(20);
        int[] order = ExampleOrder.sequential(20);
        List<float[]> a = drain(src, order, LoaderSettings.of(20, 2, 9, "augment", 0), new ArrayList<>());
        List<float[]> b = drain(src, order, LoaderSettings.of(20, 2, 9, "augment", 1), new ArrayList<>());
        List<float[]> c = drain(src, order, LoaderSettings.of(20, 2, 10, "augment", 0), new ArrayList<>());
        assertThat(a.get(0)[1]).isNotEqualTo(b.get(0)[1]).isNotEqualTo(c.get(0)[1]);
    }

    @Test
    void liveImagesNeverExceedTheQueueWithASlowConsumer() throws InterruptedException {
        Recording src = new Recording(1000);
        LoaderSettings s = new LoaderSettings(10, 3, 4, 1, "augment", 0, UnreadablePolicy.REFUSE);
        try (BatchLoader loader = BatchLoader.sequential(src, s, null)) {
            int seen = 0;
            while (loader.hasNext()) {
                try (Batch b = loader.next()) {
                    seen += b.count();
                    Thread.sleep(1); // the workers get ahead and must stop at the bound
                }
            }
            assertThat(seen).isEqualTo(1000);
            assertThat(loader.peakLiveImages()).isLessThanOrEqualTo(4 * 10).isGreaterThanOrEqualTo(2 * 10);
        }
    }

    @Test
    void holdingBatchesOpenStopsTheWorkersAtTheBound() throws Exception {
        Recording src = new Recording(500);
        LoaderSettings s = new LoaderSettings(5, 2, 3, 1, "augment", 0, UnreadablePolicy.REFUSE);
        try (BatchLoader loader = BatchLoader.sequential(src, s, null)) {
            List<Batch> held = new ArrayList<>();
            held.add(loader.next());
            held.add(loader.next());
            held.add(loader.next());
            Thread.sleep(50);
            assertThat(loader.peakLiveImages()).isEqualTo(15);
            assertThatThrownBy(loader::next).isInstanceOf(IllegalStateException.class).hasMessageContaining("held open");
            held.forEach(Batch::close);
            try (Batch b = loader.next()) {
                assertThat(b.number()).isEqualTo(3);
            }
        }
    }

    @Test
    void skippedImagesAreReportedByPathAndLeftOutOfTheirBatch() {
        Recording src = new Recording(30, Set.of(3, 17), false, new AtomicInteger(), new AtomicInteger());
        List<String> reports = new ArrayList<>();
        LoaderSettings s = LoaderSettings.of(10, 2, 1, "augment", 0).withUnreadable(UnreadablePolicy.SKIP);
        int total = 0;
        try (BatchLoader loader = new BatchLoader(src, ExampleOrder.sequential(30), s, reports::add)) {
            List<List<String>> perBatch = new ArrayList<>();
            while (loader.hasNext()) {
                try (Batch b = loader.next()) {
                    total += b.count();
                    perBatch.add(b.skipped());
                    for (int i : b.indices()) {
                        assertThat(i).isNotIn(3, 17);
                    }
                }
            }
            assertThat(perBatch.get(0)).containsExactly("class/img3.JPEG");
            assertThat(perBatch.get(1)).containsExactly("class/img17.JPEG");
            assertThat(loader.skipped()).containsExactly("class/img3.JPEG", "class/img17.JPEG");
        }
        assertThat(total).isEqualTo(28);
        assertThat(reports).hasSize(2).allMatch(r -> r.contains("cannot read class/img"));
    }

    @Test
    void refusedImageStopsWithItsPath() {
        Recording src = new Recording(30, Set.of(17), false, new AtomicInteger(), new AtomicInteger());
        LoaderSettings s = LoaderSettings.of(10, 3, 1, "augment", 0);
        try (BatchLoader loader = BatchLoader.sequential(src, s, null)) {
            loader.next().close();
            assertThatThrownBy(loader::next).isInstanceOf(UserInputException.class)
                    .hasMessageContaining("class/img17.JPEG")
                    .satisfies(e -> assertThat(((UserInputException) e).hint()).contains("--on-unreadable skip"));
        }
    }

    @Test
    void queueSmallerThanTheWorkersIsRefused() {
        assertThatThrownBy(() -> new LoaderSettings(8, 4, 2, 1, "a", 0, UnreadablePolicy.REFUSE))
                .isInstanceOf(UserInputException.class).hasMessageContaining("at least one batch per worker");
    }

    @Test
    void askingForMoreWhileHoldingEveryLiveBatchSaysToCloseOne() {
        Recording src = new Recording(50);
        LoaderSettings s = new LoaderSettings(5, 2, 2, 1, "augment", 0, UnreadablePolicy.REFUSE);
        try (BatchLoader loader = BatchLoader.sequential(src, s, null)) {
            Batch a = loader.next();
            Batch b = loader.next();
            assertThatThrownBy(loader::next).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("close a batch");
            a.close();
            try (Batch c = loader.next()) {
                assertThat(c.number()).isEqualTo(2); // the refused call lost nothing
            }
            b.close();
        }
    }

    @Test
    void skipReportsComeInBatchOrderWhateverOrderTheWorkersFinishIn() {
        Recording inner = new Recording(20, Set.of(3, 17), false, new AtomicInteger(), new AtomicInteger());
        ExampleSource slowFirstBatch = new ExampleSource() {
            @Override
            public int size() {
                return inner.size();
            }

            @Override
            public ImageShape shape() {
                return inner.shape();
            }

            @Override
            public int label(int index) {
                return inner.label(index);
            }

            @Override
            public void produce(int index, SplittableRandom rng, float[] dst, int offset) {
                if (index == 1) { // before image 3 is met
                    try {
                        Thread.sleep(200); // batch 0 finishes long after batch 1 has met image 17
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                inner.produce(index, rng, dst, offset);
            }

            @Override
            public String describe(int index) {
                return inner.describe(index);
            }
        };
        List<String> reports = new ArrayList<>();
        LoaderSettings s = LoaderSettings.of(10, 2, 1, "augment", 0).withUnreadable(UnreadablePolicy.SKIP);
        try (BatchLoader loader = BatchLoader.sequential(slowFirstBatch, s, reports::add)) {
            while (loader.hasNext()) {
                loader.next().close();
            }
            assertThat(loader.skipped()).containsExactly("class/img3.JPEG", "class/img17.JPEG");
        }
        assertThat(reports).hasSize(2);
        assertThat(reports.get(0)).contains("img3.JPEG");
        assertThat(reports.get(1)).contains("img17.JPEG");
    }
}
