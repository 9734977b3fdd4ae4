package org.lowfreq.probes.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowfreq.probes.heatmap.FourierHeatMapProbe;
import org.lowfreq.probes.hybrid.HybridEvaluator;
import org.lowfreq.probes.hybrid.HybridImageProbe;
import org.lowfreq.probes.hybrid.Sinks;
import org.lowfreq.probes.hybrid.SyntheticRings;
import org.lowfreq.spi.Classifier;
import org.lowfreq.spi.InMemoryDataset;
import org.lowfreq.spi.Options;

/**
 * The probes on a streamable data set that refuses any read of more than a few images give the same
 * numbers as on the same images held in memory: they stream, and streaming changes nothing.
 */
class StreamingConsumersTest {
    private static final SyntheticRings RINGS = new SyntheticRings(5);
    private static final InMemoryDataset DATA = RINGS.dataset(120, 6);

    private static StreamOnlyDataset streamOnly() {
        return new StreamOnlyDataset(DATA.name(), DATA.classNames(), Map.of("test", DATA.read("test", 0, 120)), 8);
    }

    @Test
    void theHybridProbeStreamsItsSourcesAndMatchesTheInMemoryRunBitForBit(@TempDir Path dir) throws Exception {
        Classifier model = RINGS.bandClassifier(-1, 0.16);
        Options o = Options.of("seeds", "2", "bootstrap", "20", "batch-size", "16", "examples", "3");
        HybridImageProbe.Result memory = new HybridImageProbe().measure(Sinks.context(model, DATA, o, 3, 2,
                Files.createDirectories(dir.resolve("a")), new Sinks()));
        StreamOnlyDataset streamed = streamOnly();
        Sinks rows = new Sinks();
        HybridImageProbe.Result stream = new HybridImageProbe().measure(Sinks.context(model, streamed, o, 3, 2,
                Files.createDirectories(dir.resolve("b")), rows));
        assertThat(streamed.reads.get()).isZero();
        for (int k = 0; k < 2; k++) {
            HybridEvaluator.SeedOutcomes m = memory.outcomes().get(k);
            HybridEvaluator.SeedOutcomes s = stream.outcomes().get(k);
            assertThat(s.partner()).isEqualTo(m.partner());
            assertThat(s.outcome()).isEqualTo(m.outcome());
            assertThat(s.confidence()).isEqualTo(m.confidence());
        }
        assertThat(stream.meanD()).isEqualTo(memory.meanD());
        assertThat(Files.readAllBytes(dir.resolve("b/hybrid-examples.png")))
                .isEqualTo(Files.readAllBytes(dir.resolve("a/hybrid-examples.png")));
        // a known answer still holds on the streamed run: the low-pass model follows the low image above its ring
        assertThat(stream.meanD()[stream.meanD().length - 1]).isGreaterThan(0.9);
    }

    @Test
    void theFourierHeatMapStreamsInBatchesAndMatchesTheInMemoryRun(@TempDir Path dir) {
        Classifier model = RINGS.bandClassifierLinear(-1, 0.16);
        Options o = Options.of("eps", "3", "images", "50", "figures", "false");
        FourierHeatMapProbe.Result memory = new FourierHeatMapProbe().measure(Sinks.context(model, DATA, o, 5, 2, dir,
                new Sinks()));
        StreamOnlyDataset streamed = streamOnly();
        FourierHeatMapProbe.Result stream = new FourierHeatMapProbe().measure(Sinks.context(model, streamed, o, 5, 2, dir,
                new Sinks()));
        assertThat(streamed.reads.get()).isZero();
        assertThat(stream.errorRate()).isEqualTo(memory.errorRate());
        assertThat(stream.cleanErrorRate()).isEqualTo(memory.cleanErrorRate());
    }

    @Test
    void theCorruptionProbeStreamsTheCleanSplitAndTheStoredSet(@TempDir Path dir) throws Exception {
        Classifier model = RINGS.bandClassifierLinear(-1, 0.5);
        // severity s scales the images towards black by 0.15 s (stored as uint8, as -C sets are)
        Path set = dir.resolve("set");
        org.lowfreq.spi.Images clean = DATA.read("test", 0, 120);
        for (String c : List.of("contrast", "fog")) {
            List<org.lowfreq.spi.Images> sev = new ArrayList<>();
            for (int s = 1; s <= 5; s++) {
                float[] px = clean.pixels().clone();
                for (int k = 0; k < px.length; k++) {
                    px[k] *= (float) (1 - (c.equals("fog") ? 0.1 : 0.15) * s);
                }
                sev.add(clean.withPixels(px));
            }
            org.lowfreq.datasets.CorruptedSet.writeCorruption(set, c, sev);
        }
        org.lowfreq.datasets.CorruptedSet.writeLabels(set, clean.labels());
        Options o = Options.of("from", set.toString(), "spectrum_images", "30");
        List<org.lowfreq.spi.ResultRow> memory = Collections.synchronizedList(new ArrayList<>());
        List<org.lowfreq.spi.ResultRow> stream = Collections.synchronizedList(new ArrayList<>());
        new org.lowfreq.probes.corruption.CorruptionProbe().run(new org.lowfreq.spi.ProbeContext(model, DATA, "test", o,
                0, 2, Files.createDirectories(dir.resolve("a")), org.lowfreq.spi.ProgressListener.NONE, memory::add));
        StreamOnlyDataset streamed = streamOnly();
        new org.lowfreq.probes.corruption.CorruptionProbe().run(new org.lowfreq.spi.ProbeContext(model, streamed, "test",
                o, 0, 2, Files.createDirectories(dir.resolve("b")), org.lowfreq.spi.ProgressListener.NONE, stream::add));
        assertThat(streamed.reads.get()).isZero();
        assertThat(stream).hasSameSizeAs(memory);
        for (int i = 0; i < memory.size(); i++) {
            var m = memory.get(i);
            var s = stream.get(i);
            assertThat(s.metric()).isEqualTo(m.metric());
            if (m.metric().equals("f_half_cpp")) {
                // the spectrum is averaged per batch here, so the last bits may differ
                assertThat(s.value()).isCloseTo(m.value(), org.assertj.core.data.Offset.offset(1e-9));
            } else {
                assertThat(s.value()).as(m.toString()).isEqualTo(m.value());
            }
        }
    }
}
