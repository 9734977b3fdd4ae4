package org.lowfreq.spi;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Derives independent seeds from a base seed and a path of names and numbers, so that e.g. the
 * noise of image i at (corruption, severity) depends only on (seed, corruption, severity, i),
 * never on batch, thread or order.
 */
public final class Seeds {
    private Seeds() {
    }

    /** A seed for the given path below {@code seed}; equal inputs give equal seeds. */
    public static long derive(long seed, Object... path) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        for (Object part : path) {
            if (part instanceof Number n && !(part instanceof Double) && !(part instanceof Float)) {
                h = mix(h ^ mix(n.longValue() + 0x632BE59BD9B4E019L));
            } else {
                byte[] bytes = String.valueOf(part).getBytes(StandardCharsets.UTF_8);
                for (byte b : bytes) {
                    h = mix(h ^ (b & 0xFF) ^ 0x1F);
                }
                h = mix(h ^ bytes.length);
            }
        }
        return h;
    }

    /** A generator for the given path below {@code seed}. */
    public static SplittableRandom random(long seed, Object... path) {
        return new SplittableRandom(derive(seed, path));
    }

    // SplitMix64's finaliser: a bijection with good avalanche.
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
