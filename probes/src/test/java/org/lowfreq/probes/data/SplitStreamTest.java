package org.lowfreq.probes.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lowfreq.datasets.stream.Batch;
import org.lowfreq.datasets.stream.ExampleOrder;
import org.lowfreq.datasets.stream.StreamableDataset;
import org.lowfreq.spi.Dataset;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.InMemoryDataset;
import org.lowfreq.spi.UserInputException;

class SplitStreamTest {
    private static final ImageShape SHAPE = new ImageShape(3, 2, 3);

    /** Image i holds the value i / 100 + k / 1e4 at position k, labelled i % 5. */
    static Images numbered(int n) {
        float[] px = new float[n * SHAPE.size()];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 5;
            for (int k = 0; k < SHAPE.size(); k++) {
                px[i * SHAPE.size() + k] = i / 100f + k / 1e4f;
            }
        }
        return new Images(n, SHAPE, px, labels);
    }

    /** A data set that records the size of every read and refuses reads above a bound. */
    static final class CountingDataset implements Dataset {
        final InMemoryDataset inner;
        final List<Integer> reads = new ArrayList<>();
        final int bound;

        CountingDataset(Images images, int bound) {
            this.inner = new InMemoryDataset("counted", List.of("a", "b", "c", "d", "e"), SHAPE, Map.of("test", images));
            this.bound = bound;
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public List<String> classNames() {
            return inner.classNames();
        }

        @Override
        public ImageShape shape() {
            return SHAPE;
        }

        @Override
        public List<String> splits() {
            return inner.splits();
        }

        @Override
        public int size(String split) {
            return inner.size(split);
        }

        @Override
        public Images read(String split, int from, int count) {
            if (count > bound) {
                throw new IllegalStateException("read of " + count + " > " + bound);
            }
            reads.add(count);
            return inner.read(split, from, count);
        }
    }

    private static List<Images> drain(BatchStream s) {
        List<Images> out = new ArrayList<>();
        try (s) {
            while (s.hasNext()) {
                try (Batch b = s.next()) {
                    out.add(SplitStream.copy(b.images()));
                }
            }
        }
        return out;
    }

    @Test
    void aDatasetThatIsNotStreamableIsReadInRunsOfConsecutiveIndicesNeverMoreThanABatch() {
        Images all = numbered(23);
        CountingDataset d = new CountingDataset(all, 4);
        int[] order = {5, 6, 7, 8, 0, 22, 21, 9, 10, 11, 3};
        List<Images> batches = drain(SplitStream.open(d, "test", order, 4, 0));
        assertThat(batches).extracting(Images::count).containsExactly(4, 4, 3);
        Images joined = Images.concat(batches);
        assertThat(joined.pixels()).isEqualTo(all.select(order).pixels());
        assertThat(joined.labels()).isEqualTo(all.select(order).labels());
        // {5,6,7,8} in one read; {0},{22},{21},{9} one each; {10,11},{3}
        assertThat(d.reads).containsExactly(4, 1, 1, 1, 1, 2, 1);
    }

    @Test
    void aStreamableDatasetIsStreamedByTheLoaderAndGivesTheSameImages() {
        Images all = numbered(30);
        StreamOnlyDataset d = new StreamOnlyDataset("s", List.of("a", "b", "c", "d", "e"), Map.of("test", all), 0);
        int[] order = ExampleOrder.shuffled(30, new SplittableRandom(3));
        Images joined = Images.concat(drain(SplitStream.open(d, "test", order, 7, 2)));
        assertThat(joined.pixels()).isEqualTo(all.select(order).pixels());
        assertThat(joined.labels()).isEqualTo(all.select(order).labels());
        assertThat(d.reads.get()).isZero();
        assertThat(SplitStream.read(d, "test", new int[] {29, 0}, 1).pixels()).isEqualTo(all.select(new int[] {29, 0}).pixels());
    }

    @Test
    void anIndexOutsideTheSplitIsRefusedByName() {
        CountingDataset d = new CountingDataset(numbered(5), 5);
        assertThatThrownBy(() -> SplitStream.open(d, "test", new int[] {0, 5}, 2, 0))
                .isInstanceOf(UserInputException.class).hasMessageContaining("image 5").hasMessageContaining("(5 images)");
    }

    @Test
    void aLimitIsAViewThatReadsNothingUntilAskedAndKeepsAStreamableSetStreamable() {
        Images all = numbered(40);
        CountingDataset d = new CountingDataset(all, 40);
        Dataset limited = LimitedDataset.of(d, "test", 30);
        assertThat(d.reads).isEmpty();
        assertThat(limited.size("test")).isEqualTo(30);
        assertThat(limited.labels("test")).hasSize(30);
        assertThat(limited.read("test", 28, 2).pixels()).isEqualTo(all.slice(28, 30).pixels());
        assertThatThrownBy(() -> limited.read("test", 29, 2)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("first 30 images");
        assertThat(LimitedDataset.of(d, "test", 0)).isSameAs(d);
        assertThat(LimitedDataset.of(d, "test", 40)).isSameAs(d);

        StreamOnlyDataset s = new StreamOnlyDataset("s", List.of("a", "b", "c", "d", "e"), Map.of("test", all), 0);
        Dataset view = LimitedDataset.of(s, "test", 12);
        assertThat(view).isInstanceOf(StreamableDataset.class);
        assertThat(((StreamableDataset) view).examples("test", false).size()).isEqualTo(12);
        // a streamable set (image folders, listed class by class) keeps 12 images spread evenly: floor(i 40 / 12)
        int[] spread = {0, 3, 6, 10, 13, 16, 20, 23, 26, 30, 33, 36};
        Images taken = Images.concat(drain(SplitStream.first(view, "test", 12, 5, 1)));
        assertThat(taken.pixels()).isEqualTo(all.select(spread).pixels());
        assertThat(view.labels("test")).isEqualTo(all.select(spread).labels());
        assertThat(view.read("test", 3, 2).pixels()).isEqualTo(all.select(new int[] {10, 13}).pixels());
    }
}
