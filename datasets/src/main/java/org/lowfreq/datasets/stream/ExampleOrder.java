package org.lowfreq.datasets.stream;

import java.util.SplittableRandom;

/** Orders in which a {@link BatchLoader} delivers examples. */
public final class ExampleOrder {
    private ExampleOrder() {
    }

    /** 0, 1, ..., n - 1. */
    public static int[] sequential(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        return p;
    }

    /** A uniform random permutation of 0..n-1 (Fisher-Yates), fixed by {@code rng}. */
    public static int[] shuffled(int n, SplittableRandom rng) {
        int[] p = sequential(n);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
