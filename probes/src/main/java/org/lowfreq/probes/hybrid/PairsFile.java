package org.lowfreq.probes.hybrid;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lowfreq.analysis.results.AtomicCsv;
import org.lowfreq.analysis.results.IntegerCsv;
import org.lowfreq.spi.UserInputException;

/**
 * Hybrid pairings given by the user ({@code --pairs FILE}, option {@code pairs}), so that two tools
 * mix identical pairs: a CSV with a header naming {@code index} (the low-frequency source) and
 * {@code partner} (the high-frequency source), and a {@code seed} column when the run has several
 * seeds (one file holds them all). Without a seed column the file is the pairing of a one-seed
 * run. Per seed, a valid pairing lists every image 0..N-1 once as index and once as partner, and
 * never pairs two images of the same class (docs/METHODS.md 1). The first bad row is named. The probe
 * writes the pairings it used to {@code pairs.csv} in this layout, so another tool can read them.
 */
final class PairsFile {
    static final String WRITTEN = "pairs.csv";

    private PairsFile() {
    }

    /** Per seed of the run (in order), partner[i] for each image i. */
    static Map<Long, int[]> read(Path file, int[] labels, List<Long> seeds) {
        IntegerCsv.Table t = IntegerCsv.read(file, List.of("index", "partner"), List.of("seed"));
        int n = labels.length;
        boolean bySeed = t.has("seed");
        if (!bySeed && seeds.size() != 1) {
            throw new UserInputException(file + " has no seed column but the run has " + seeds.size() + " seeds",
                    "add a column 'seed' (the run's seeds are " + seeds.get(0) + ".." + seeds.get(seeds.size() - 1)
                            + "), or run one seed (--seeds 1)");
        }
        Map<Long, int[]> partner = new LinkedHashMap<>();
        Map<Long, int[]> rowOfIndex = new LinkedHashMap<>();
        Map<Long, int[]> rowOfPartner = new LinkedHashMap<>();
        for (long s : seeds) {
            partner.put(s, new int[n]);
            rowOfIndex.put(s, filled(n));
            rowOfPartner.put(s, filled(n));
        }
        for (int r = 0; r < t.rows(); r++) {
            long seed = bySeed ? t.get(r, "seed") : seeds.get(0);
            long index = t.get(r, "index");
            long other = t.get(r, "partner");
            String where = t.where(r);
            if (!partner.containsKey(seed)) {
                throw bad(where, "seed " + seed + " is not a seed of this run (" + seeds + ")");
            }
            if (index < 0 || index >= n) {
                throw bad(where, "index " + index + " is not one of the " + n + " images (0.." + (n - 1) + ")");
            }
            if (other < 0 || other >= n) {
                throw bad(where, "partner " + other + " is not one of the " + n + " images (0.." + (n - 1) + ")");
            }
            int i = (int) index;
            int j = (int) other;
            int[] seenIndex = rowOfIndex.get(seed);
            int[] seenPartner = rowOfPartner.get(seed);
            if (seenIndex[i] >= 0) {
                throw bad(where, "index " + i + " appears a second time for seed " + seed + " (first at line "
                        + t.line()[seenIndex[i]] + ")");
            }
            if (labels[i] == labels[j]) {
                throw bad(where, "partner " + j + " has the same class (" + labels[j] + ") as image " + i);
            }
            if (seenPartner[j] >= 0) {
                throw bad(where, "partner " + j + " is used a second time for seed " + seed + " (first at line "
                        + t.line()[seenPartner[j]] + ")");
            }
            seenIndex[i] = r;
            seenPartner[j] = r;
            partner.get(seed)[i] = j;
        }
        for (long s : seeds) {
            int[] seen = rowOfIndex.get(s);
            int count = (int) Arrays.stream(seen).filter(r -> r >= 0).count();
            if (count != n) {
                int missing = 0;
                while (seen[missing] >= 0) {
                    missing++;
                }
                throw new UserInputException(file + " pairs " + count + " images for seed " + s + ", not " + n
                        + " (first missing index: " + missing + ")", "give one row per image and seed");
            }
        }
        return partner;
    }

    /** Writes the pairings of a run (columns seed, index, partner) atomically. */
    static Path write(Path file, List<Long> seeds, List<int[]> partners) {
        return AtomicCsv.write(file, new String[] {"seed", "index", "partner"}, p -> {
            for (int k = 0; k < seeds.size(); k++) {
                int[] partner = partners.get(k);
                for (int i = 0; i < partner.length; i++) {
                    p.printRecord(seeds.get(k), i, partner[i]);
                }
            }
        });
    }

    private static int[] filled(int n) {
        int[] a = new int[n];
        Arrays.fill(a, -1);
        return a;
    }

    private static UserInputException bad(String where, String what) {
        return new UserInputException(where + ": " + what, "per seed, every image 0..N-1 needs one row "
                + "'index,partner' with a partner of another class, and each image is a partner once");
    }
}
