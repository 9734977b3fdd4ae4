package org.lowfreq.corruptions;

/** How an index outside [0, n) is folded back, in the conventions of the libraries the reference calls. */
enum Border {
    /** Edge pixel repeated (scipy/skimage "nearest", OpenCV BORDER_REPLICATE, ImageMagick edge). */
    NEAREST,
    /** Half-sample symmetric d c b a | a b c d (scipy "reflect"). */
    REFLECT,
    /** Whole-sample symmetric d c b | a b c d (OpenCV BORDER_REFLECT_101, the OpenCV default). */
    REFLECT_101;

    int fold(int i, int n) {
        if (i >= 0 && i < n) {
            return i;
        }
        switch (this) {
            case NEAREST:
                return i < 0 ? 0 : n - 1;
            case REFLECT: {
                int period = 2 * n;
                int m = Math.floorMod(i, period);
                return m >= n ? period - 1 - m : m;
            }
            default: {
                if (n == 1) {
                    return 0;
                }
                int period = 2 * n - 2;
                int m = Math.floorMod(i, period);
                return m >= n ? period - m : m;
            }
        }
    }
}
