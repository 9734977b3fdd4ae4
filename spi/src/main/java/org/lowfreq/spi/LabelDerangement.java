package org.lowfreq.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Element-wise derangements of a label vector (docs/METHODS.md sections 1 and 3): a permutation of the
 * labels in which no position keeps its own label, and from it a pairing of images in which every
 * image is used once as the second source and the two sources always differ in class.
 *
 * <p>Procedure: shuffle all labels; then, while some positions still hold their own label,
 * re-shuffle the values at those positions among themselves. When all of them hold one and the
 * same label, shuffling among themselves cannot help, so as many randomly chosen other positions
 * join the set being re-shuffled. After {@value #MAX_ROUNDS} rounds (never seen in practice) each
 * remaining fixed point is repaired by a swap with a position that takes neither label, which
 * always exists when a derangement exists at all (no class holds more than half the labels).
 */
public final class LabelDerangement {
    static final int MAX_ROUNDS = 10_000;

    private LabelDerangement() {
    }

    /** A derangement of {@code labels}: same multiset, {@code result[i] != labels[i]} for every i. */
    public static int[] labels(int[] labels, RandomGenerator rng) {
        int n = labels.length;
        checkFeasible(labels);
        int[] out = labels.clone();
        shuffle(out, allPositions(n), rng);
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<Integer> fixed = fixedPoints(labels, out);
            if (fixed.isEmpty()) {
                return out;
            }
            if (allSameLabel(fixed, labels)) {
                boolean[] in = new boolean[n];
                fixed.forEach(i -> in[i] = true);
                int want = fixed.size();
                int added = 0;
                while (added < want) {
                    int j = rng.nextInt(n);
                    if (!in[j]) {
                        in[j] = true;
                        fixed.add(j);
                        added++;
                    }
                }
            }
            shuffle(out, fixed.stream().mapToInt(Integer::intValue).toArray(), rng);
        }
        repair(labels, out);
        return out;
    }

    /**
     * A pairing: {@code partner[i]} is the image whose class is {@code derangedLabels[i]}, chosen by
     * a random permutation within each class, so each image is a partner exactly once and
     * {@code labels[partner[i]] != labels[i]}.
     */
    public static int[] pairing(int[] labels, RandomGenerator rng) {
        int[] high = labels(labels, rng);
        int classes = 0;
        for (int l : labels) {
            classes = Math.max(classes, l + 1);
        }
        List<List<Integer>> members = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            members.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            members.get(labels[i]).add(i);
        }
        int[] partner = new int[labels.length];
        int[] used = new int[classes];
        List<int[]> permuted = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            int[] m = members.get(c).stream().mapToInt(Integer::intValue).toArray();
            shuffle(m, allPositions(m.length), rng);
            permuted.add(m);
        }
        for (int i = 0; i < labels.length; i++) {
            int c = high[i];
            partner[i] = permuted.get(c)[used[c]++];
        }
        return partner;
    }

    private static void checkFeasible(int[] labels) {
        int n = labels.length;
        if (n < 2) {
            throw new UserInputException("a derangement needs at least 2 labelled images, got " + n);
        }
        java.util.Map<Integer, Integer> counts = new java.util.HashMap<>();
        for (int l : labels) {
            if (l < 0) {
                throw new UserInputException("labels must be >= 0, got " + l);
            }
            counts.merge(l, 1, Integer::sum);
        }
        for (var e : counts.entrySet()) {
            if (2L * e.getValue() > n) {
                throw new UserInputException("no derangement exists: class " + e.getKey() + " holds "
                        + e.getValue() + " of " + n + " labels (more than half)",
                        "use a subset with more balanced classes");
            }
        }
    }

    private static int[] allPositions(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        return p;
    }

    /** Fisher-Yates on the values at the given positions. */
    private static void shuffle(int[] values, int[] positions, RandomGenerator rng) {
        for (int k = positions.length - 1; k > 0; k--) {
            int j = rng.nextInt(k + 1);
            int a = positions[k];
            int b = positions[j];
            int t = values[a];
            values[a] = values[b];
            values[b] = t;
        }
    }

    private static List<Integer> fixedPoints(int[] labels, int[] out) {
        List<Integer> fixed = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == out[i]) {
                fixed.add(i);
            }
        }
        return fixed;
    }

    private static boolean allSameLabel(List<Integer> positions, int[] labels) {
        int first = labels[positions.get(0)];
        for (int i : positions) {
            if (labels[i] != first) {
                return false;
            }
        }
        return true;
    }

    private static void repair(int[] labels, int[] out) {
        for (int i = 0; i < labels.length; i++) {
            if (out[i] != labels[i]) {
                continue;
            }
            int c = labels[i];
            boolean swapped = false;
            for (int j = 0; j < labels.length && !swapped; j++) {
                if (labels[j] != c && out[j] != c) {
                    out[i] = out[j];
                    out[j] = c;
                    swapped = true;
                }
            }
            if (!swapped) {
                throw new IllegalStateException("derangement repair failed at position " + i);
            }
        }
    }
}
