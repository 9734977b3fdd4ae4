package org.lowfreq.attacks;

import java.util.Arrays;
import java.util.List;
import java.util.function.ObjIntConsumer;

import org.lowfreq.spi.AdversarialExample;

/**
 * Per image, which epsilon levels of the sweep are running, have failed or succeeded, in the
 * sweep with FMN in its slots; it decides when an image's sweep result is known (the lowest
 * level that succeeds, all below it failed: the sequential sweep's answer) and then turns it
 * into an FMN slot.
 */
final class SweepLadders {
    /**
     * The most levels of one image's sweep that run at once. When no image waits, a free slot
     * runs an image's next epsilon before its current one has ended (each (image, epsilon) run is
     * independent: same seed, same trajectory), so an image that needs several epsilons does not
     * leave a tail of nearly empty calls; a level above the lowest success is never started, and
     * one still running when a lower level succeeds is dropped. 2: the deep images of the trained
     * ResNet-18s need 3 to 6 levels; more at once spends more on levels a lower success makes moot.
     */
    static final int LEVELS_AT_ONCE = 2;

    private final int[] nextLevel;
    private final int[] lowestOpen;
    private final int[] successLevel;
    private final AdversarialExample[] success;
    private final boolean[][] failed;
    /** Images whose sweep result is known: their remaining sweep slots are dropped. */
    final boolean[] resolved;
    private final FmnTrack.Settings fmn;
    private final float[] x0;
    private final int d;
    private final long[] ids;
    private final AdversarialExample[] best;
    /** Number of epsilon levels in the grid. */
    private final int levels;
    /** The sweep's slot count. */
    private final int slots;
    /** (Re)starts a slot at a level: the sweep's seeded random start on the slot's image. */
    private final ObjIntConsumer<SweepSlot> start;

    SweepLadders(int n, int levels, int slots, FmnTrack.Settings fmn, float[] x0, int d, long[] ids,
                 AdversarialExample[] best, ObjIntConsumer<SweepSlot> start) {
        nextLevel = new int[n];
        Arrays.fill(nextLevel, -1);
        lowestOpen = new int[n];
        successLevel = new int[n];
        Arrays.fill(successLevel, levels);
        success = new AdversarialExample[n];
        failed = new boolean[n][levels];
        resolved = new boolean[n];
        this.fmn = fmn;
        this.x0 = x0;
        this.d = d;
        this.ids = ids;
        this.best = best;
        this.levels = levels;
        this.slots = slots;
        this.start = start;
    }

    void started(int i, int level) {
        lowestOpen[i] = level;
        nextLevel[i] = level + 1;
    }

    /** Fills free slots with the next levels of images still sweeping (lowest image first). */
    void speculate(List<SweepSlot> active) {
        int[] running = new int[nextLevel.length];
        for (SweepSlot s : active) {
            if (s.fmn == null) {
                running[s.image]++;
            }
        }
        for (int i = 0; i < nextLevel.length && active.size() < slots; i++) {
            while (active.size() < slots && !resolved[i] && nextLevel[i] >= 0 && running[i] > 0
                    && running[i] < LEVELS_AT_ONCE && nextLevel[i] < successLevel[i]) {
                SweepSlot s = new SweepSlot(i, d);
                start.accept(s, nextLevel[i]++);
                active.add(s);
                running[i]++;
            }
        }
    }

    /** The level of s succeeded; the image's FMN slot when that settles its sweep, else null. */
    SweepSlot succeeded(SweepSlot s, AdversarialExample found) {
        int i = s.image;
        if (s.level == SweepSlot.ESTIMATE) {
            best[i] = found; // already adversarial
            return refine(s);
        }
        if (s.level < successLevel[i]) {
            successLevel[i] = s.level;
            success[i] = found;
        }
        return settle(i) ? refine(new SweepSlot(i, d)) : null;
    }

    /** The last iterate of s's level failed: s moves on to the image's next level, or leaves (false). */
    boolean failedAt(SweepSlot s, AdversarialExample failure) {
        int i = s.image;
        failed[i][s.level] = true;
        best[i] = Attacks.better(best[i], failure);
        boolean moves = nextLevel[i] < successLevel[i];
        if (moves) {
            start.accept(s, nextLevel[i]++);
        }
        return moves;
    }

    /** True when image i's sweep result is now known (and stored in best). */
    boolean settle(int i) {
        if (resolved[i]) {
            return false;
        }
        while (lowestOpen[i] < levels && failed[i][lowestOpen[i]]) {
            lowestOpen[i]++;
        }
        if (lowestOpen[i] < levels && lowestOpen[i] == successLevel[i]) {
            best[i] = success[i];
        } else if (lowestOpen[i] < levels) {
            return false;
        }
        resolved[i] = true;
        return true;
    }

    /** Turns s into image s.image's FMN refinement, from its sweep result. */
    SweepSlot refine(SweepSlot s) {
        resolved[s.image] = true;
        s.fmn = new FmnTrack(fmn, Arrays.copyOfRange(x0, s.image * d, s.image * d + d), ids[s.image], best[s.image]);
        return s;
    }
}
