package org.lowfreq.attacks;

/**
 * One slot of {@link PgdSweep}: an (image, epsilon level) PGD run in progress, or, once the image
 * left the sweep, its FMN refinement. PgdSweep starts and steps it; {@link SweepLadders} hands
 * slots to the levels of images still sweeping.
 */
final class SweepSlot {
    /** The level of a slot still on its clean image, waiting for the sweep's first-order start level. */
    static final int ESTIMATE = -1;

    final int image;
    int level;
    int step;
    float[] delta;
    /** Set once the image left the sweep and runs its FMN refinement in this slot. */
    FmnTrack fmn;

    /** A slot whose first gradient call is on the clean image (level {@link #ESTIMATE}). */
    SweepSlot(int image, int d) {
        this.image = image;
        this.level = ESTIMATE;
        this.delta = new float[d];
    }
}
