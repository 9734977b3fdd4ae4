package org.lowfreq.corruptions;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pillow's Image.resize(size, Image.BOX) on uint8 images: separable, horizontal pass first (into
 * a uint8 intermediate), box filter x in (-0.5, 0.5] scaled by max(1, in / out), coefficients in
 * 22-bit fixed point with rounding, as Pillow's Resample.c does. The vertical pass adds whole
 * rows (a loop the JIT vectorises); the coefficients of each (input, output) size are computed once.
 */
final class PillowBoxResize {
    private static final int PRECISION_BITS = 32 - 8 - 2;
    private static final int ONE = 1 << PRECISION_BITS;
    private static final Map<Long, Axis> AXES = new ConcurrentHashMap<>();

    /**
     * For each output index: the input indices and fixed-point weights of its taps. Taps of
     * weight 0 are dropped (they add nothing to Pillow's integer sums either).
     */
    private record Axis(int[][] index, int[][] weights, int[] gather) {
        Axis(int[][] index, int[][] weights) {
            this(index, weights, gatherOf(index, weights));
        }
    }

    private PillowBoxResize() {
    }

    static int[] resize(int[] img, int h, int w, int c, int outH, int outW) {
        int[] rows = outH != h ? axis(h, outH).gather() : identity(h);
        int[] cols = outW != w ? axis(w, outW).gather() : identity(w);
        if (rows != null && cols != null) {
            // every output takes one input value whole (e.g. any BOX enlargement): a plain gather
            int[] out = new int[outH * outW * c];
            int o = 0;
            for (int y = 0; y < outH; y++) {
                int rowIn = rows[y] * w * c;
                for (int x = 0; x < outW; x++) {
                    System.arraycopy(img, rowIn + cols[x] * c, out, o, c);
                    o += c;
                }
            }
            return out;
        }
        int[] tmp = img;
        if (outW != w) {
            tmp = horizontal(img, h, w, c, outW);
        }
        if (outH != h) {
            tmp = vertical(tmp, h, outW, c, outH);
        }
        return tmp == img ? img.clone() : tmp;
    }

    /** The source index of each output when every output has a single full-weight tap, else null. */
    private static int[] gatherOf(int[][] index, int[][] weights) {
        int[] src = new int[index.length];
        for (int o = 0; o < src.length; o++) {
            if (weights[o].length != 1 || weights[o][0] != ONE) {
                return null;
            }
            src[o] = index[o][0];
        }
        return src;
    }

    private static int[] identity(int n) {
        int[] src = new int[n];
        for (int i = 0; i < n; i++) {
            src[i] = i;
        }
        return src;
    }

    private static Axis axis(int inSize, int outSize) {
        return AXES.computeIfAbsent(((long) inSize << 32) | outSize, k -> coefficients(inSize, outSize));
    }

    private static Axis coefficients(int inSize, int outSize) {
        double scale = (double) inSize / outSize;
        double filterscale = Math.max(scale, 1.0);
        double support = 0.5 * filterscale;
        int[][] index = new int[outSize][];
        int[][] kk = new int[outSize][];
        for (int xx = 0; xx < outSize; xx++) {
            double center = (xx + 0.5) * scale;
            double ss = 1.0 / filterscale;
            int xmin = Math.max((int) (center - support + 0.5), 0);
            int xmax = Math.min((int) (center + support + 0.5), inSize) - xmin;
            double[] k = new double[Math.max(xmax, 0)];
            double ww = 0;
            for (int x = 0; x < xmax; x++) {
                double t = (x + xmin - center + 0.5) * ss;
                double v = (t > -0.5 && t <= 0.5) ? 1.0 : 0.0;
                k[x] = v;
                ww += v;
            }
            int[] ik = new int[k.length];
            int nonZero = 0;
            for (int x = 0; x < k.length; x++) {
                double v = ww != 0 ? k[x] / ww : k[x];
                ik[x] = v < 0 ? (int) (-0.5 + v * (1 << PRECISION_BITS)) : (int) (0.5 + v * (1 << PRECISION_BITS));
                if (ik[x] != 0) {
                    nonZero++;
                }
            }
            index[xx] = new int[nonZero];
            kk[xx] = new int[nonZero];
            for (int x = 0, t = 0; x < k.length; x++) {
                if (ik[x] != 0) {
                    index[xx][t] = xmin + x;
                    kk[xx][t] = ik[x];
                    t++;
                }
            }
        }
        return new Axis(index, kk);
    }

    private static int clip8(int ss) {
        int v = ss >> PRECISION_BITS;
        return v < 0 ? 0 : (v > 255 ? 255 : v);
    }

    /** Pillow's horizontal pass (RGB unrolled, as Pillow does for its 3- and 4-band images). */
    private static int[] horizontal(int[] img, int h, int w, int c, int outW) {
        Axis a = axis(w, outW);
        int[] out = new int[h * outW * c];
        int half = 1 << (PRECISION_BITS - 1);
        for (int y = 0; y < h; y++) {
            int rowIn = y * w * c;
            int o = y * outW * c;
            for (int xx = 0; xx < outW; xx++) {
                int[] k = a.weights()[xx];
                int[] at = a.index()[xx];
                if (k.length == 1 && k[0] == ONE) {
                    // a single full-weight tap: (v << 22 + half) >> 22 = v, a plain copy
                    System.arraycopy(img, rowIn + at[0] * c, out, o, c);
                    o += c;
                } else if (c == 3) {
                    int s0 = half;
                    int s1 = half;
                    int s2 = half;
                    for (int t = 0; t < k.length; t++) {
                        int wt = k[t];
                        int p = rowIn + 3 * at[t];
                        s0 += img[p] * wt;
                        s1 += img[p + 1] * wt;
                        s2 += img[p + 2] * wt;
                    }
                    out[o++] = clip8(s0);
                    out[o++] = clip8(s1);
                    out[o++] = clip8(s2);
                } else {
                    for (int ch = 0; ch < c; ch++) {
                        int ss = half;
                        for (int t = 0; t < k.length; t++) {
                            ss += img[rowIn + at[t] * c + ch] * k[t];
                        }
                        out[o++] = clip8(ss);
                    }
                }
            }
        }
        return out;
    }

    /** Pillow's vertical pass: each output row is a weighted sum of whole input rows. */
    private static int[] vertical(int[] img, int h, int w, int c, int outH) {
        Axis a = axis(h, outH);
        int row = w * c;
        int[] out = new int[outH * row];
        int[] acc = new int[row];
        for (int yy = 0; yy < outH; yy++) {
            int[] k = a.weights()[yy];
            if (k.length == 1 && k[0] == ONE) {
                System.arraycopy(img, a.index()[yy][0] * row, out, yy * row, row);
                continue;
            }
            java.util.Arrays.fill(acc, 1 << (PRECISION_BITS - 1));
            for (int t = 0; t < k.length; t++) {
                int wt = k[t];
                int off = a.index()[yy][t] * row;
                for (int j = 0; j < row; j++) {
                    acc[j] += img[off + j] * wt;
                }
            }
            int o = yy * row;
            for (int j = 0; j < row; j++) {
                out[o + j] = clip8(acc[j]);
            }
        }
        return out;
    }
}
