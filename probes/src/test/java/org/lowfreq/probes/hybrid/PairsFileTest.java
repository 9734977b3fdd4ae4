package org.lowfreq.probes.hybrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowfreq.spi.InMemoryDataset;
import org.lowfreq.spi.Options;
import org.lowfreq.spi.UserInputException;

class PairsFileTest {
    private static final int[] LABELS = {0, 0, 1, 1};

    private static Path file(Path dir, String... lines) throws Exception {
        return Files.write(dir.resolve("pairs.csv"), List.of(lines));
    }

    @Test
    void readsOnePairingPerSeed(@TempDir Path dir) throws Exception {
        Map<Long, int[]> p = PairsFile.read(file(dir, "seed,index,partner", "5,0,2", "5,1,3", "5,2,1", "5,3,0",
                "6,3,1", "6,2,0", "6,1,2", "6,0,3"), LABELS, List.of(5L, 6L));
        assertThat(p.get(5L)).containsExactly(2, 3, 1, 0);
        assertThat(p.get(6L)).containsExactly(3, 2, 0, 1);
        // without a seed column: the pairing of a one-seed run
        assertThat(PairsFile.read(file(dir, "index,partner", "0,3", "1,2", "2,0", "3,1"), LABELS, List.of(9L)).get(9L))
                .containsExactly(3, 2, 0, 1);
    }

    @Test
    void refusesAFileThatIsNotAValidPairingNamingTheFirstBadRow(@TempDir Path dir) throws Exception {
        String h = "seed,index,partner";
        assertRefused(file(dir, h, "0,0,2", "0,1,0", "0,2,1", "0,3,3"), "line 3", "partner 0 has the same class");
        assertRefused(file(dir, h, "0,0,2", "0,1,2", "0,2,0", "0,3,1"), "line 3", "partner 2 is used a second time");
        assertRefused(file(dir, h, "0,0,2", "0,0,3", "0,2,0", "0,3,1"), "line 3", "index 0 appears a second time");
        assertRefused(file(dir, h, "0,0,2", "0,1,3", "0,4,0"), "line 4", "index 4 is not one of the 4 images");
        assertRefused(file(dir, h, "0,0,7"), "line 2", "partner 7 is not one of the 4 images");
        assertRefused(file(dir, h, "0,0,2", "0,1,3", "0,2,0"), "pairs 3 images for seed 0, not 4", "first missing index: 3");
        assertRefused(file(dir, h, "3,0,2"), "line 2", "seed 3 is not a seed of this run");
        assertThatThrownBy(() -> PairsFile.read(file(dir, "index,partner", "0,2"), LABELS, List.of(0L, 1L)))
                .isInstanceOf(UserInputException.class).hasMessageContaining("no seed column but the run has 2 seeds");
        assertRefused(file(dir, "seed,index,other", "0,0,2"), "no column 'partner'", "");
    }

    @Test
    void aRunWithTheWrittenPairsRepeatsItselfAndOtherPairsChangeTheCurve(@TempDir Path a, @TempDir Path b,
                                                                         @TempDir Path c) throws Exception {
        SyntheticRings rings = new SyntheticRings(11);
        InMemoryDataset data = rings.dataset(60, 12);
        var model = rings.bandClassifier(-1, 0.16);
        Options o = Options.of("seeds", "2", "bootstrap", "0", "figures", "false");
        HybridImageProbe.Result first = new HybridImageProbe().measure(Sinks.context(model, data, o, 4, 1, a, new Sinks()));
        Path written = a.resolve(PairsFile.WRITTEN);
        assertThat(Files.readAllLines(written)).hasSize(1 + 2 * 60).first().isEqualTo("seed,index,partner");
        HybridImageProbe.Result again = new HybridImageProbe().measure(Sinks.context(model, data,
                o.with("pairs", written.toString()), 4, 1, b, new Sinks()));
        for (int k = 0; k < 2; k++) {
            assertThat(again.outcomes().get(k).partner()).containsExactly(first.outcomes().get(k).partner());
        }
        assertThat(again.meanD()).containsExactly(first.meanD());
        // seed 0's pairing for a run whose seeds are 0 and 1 (base seed 0): another pairing, another curve
        int[] labels = data.readAll("test").labels();
        List<String> lines = new ArrayList<>(List.of("seed,index,partner"));
        for (long s = 0; s < 2; s++) {
            int[] p = org.lowfreq.spi.LabelDerangement.pairing(labels, org.lowfreq.spi.Seeds.random(100 + s, "x"));
            for (int i = 0; i < p.length; i++) {
                lines.add(s + "," + i + "," + p[i]);
            }
        }
        Path other = Files.write(c.resolve("other.csv"), lines);
        HybridImageProbe.Result moved = new HybridImageProbe().measure(Sinks.context(model, data,
                o.with("pairs", other.toString()), 0, 1, c, new Sinks()));
        assertThat(moved.outcomes().get(0).partner()).isNotEqualTo(first.outcomes().get(0).partner());
        assertThat(Files.readAllLines(c.resolve(PairsFile.WRITTEN))).containsExactlyElementsOf(lines);
    }

    private static void assertRefused(Path f, String where, String what) {
        assertThatThrownBy(() -> PairsFile.read(f, LABELS, List.of(0L))).isInstanceOf(UserInputException.class)
                .hasMessageContaining(where).hasMessageContaining(what);
    }
}
