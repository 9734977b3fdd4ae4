package org.lowfreq.corruptions;

import java.util.ArrayDeque;

/** The few OpenCV operations the reference generator calls, re-implemented after OpenCV 4's definitions. */
final class OpenCvOps {
    private OpenCvOps() {
    }

    /**
     * cv2.resize(img, (0, 0), fx=f, fy=f) with INTER_LINEAR on uint8 HWC: output size
     * round(n * f), source x = (dx + 0.5) / f - 0.5 clamped to the edge, 11-bit fixed-point weights.
     */
    static int[] resizeLinear(int[] img, int h, int w, int c, double f, int[] outSize) {
        int outW = (int) Math.rint(w * f);
        int outH = (int) Math.rint(h * f);
        outSize[0] = outH;
        outSize[1] = outW;
        double scale = 1.0 / f;
        int[] xs = new int[outW];
        int[] xa = new int[outW];
        for (int dx = 0; dx < outW; dx++) {
            double sx = (dx + 0.5) * scale - 0.5;
            int s0 = (int) Math.floor(sx);
            double fx = sx - s0;
            if (s0 < 0) {
                fx = 0;
                s0 = 0;
            }
            if (s0 >= w - 1) {
                fx = 0;
                s0 = w - 1;
            }
            xs[dx] = s0;
            xa[dx] = (int) Math.rint(fx * 2048);
        }
        int[] out = new int[outH * outW * c];
        int[] row0 = new int[outW * c];
        int[] row1 = new int[outW * c];
        for (int dy = 0; dy < outH; dy++) {
            double sy = (dy + 0.5) * scale - 0.5;
            int s0 = (int) Math.floor(sy);
            double fy = sy - s0;
            if (s0 < 0) {
                fy = 0;
                s0 = 0;
            }
            if (s0 >= h - 1) {
                fy = 0;
                s0 = h - 1;
            }
            int b1 = (int) Math.rint(fy * 2048);
            int b0 = 2048 - b1;
            hrow(img, w, c, s0, xs, xa, row0);
            hrow(img, w, c, Math.min(s0 + 1, h - 1), xs, xa, row1);
            for (int i = 0; i < row0.length; i++) {
                int v = (((b0 * (row0[i] >> 4)) >> 16) + ((b1 * (row1[i] >> 4)) >> 16) + 2) >> 2;
                out[dy * outW * c + i] = Pixels.clampByte(v);
            }
        }
        return out;
    }

    private static void hrow(int[] img, int w, int c, int y, int[] xs, int[] xa, int[] row) {
        for (int dx = 0; dx < xs.length; dx++) {
            int s0 = xs[dx];
            int s1 = Math.min(s0 + 1, w - 1);
            int a1 = xa[dx];
            int a0 = 2048 - a1;
            for (int ch = 0; ch < c; ch++) {
                row[dx * c + ch] = img[(y * w + s0) * c + ch] * a0 + img[(y * w + s1) * c + ch] * a1;
            }
        }
    }

    /** cv2.Canny(img, low, high) with a 3 x 3 Sobel (BORDER_REPLICATE) and the L1 gradient norm; 255 = edge. */
    static int[] canny(int[] img, int h, int w, double lowThreshold, double highThreshold) {
        int[] dx = new int[h * w];
        int[] dy = new int[h * w];
        int[] mag = new int[(h + 2) * (w + 2)];
        for (int y = 0; y < h; y++) {
            int ym = Border.NEAREST.fold(y - 1, h);
            int yp = Border.NEAREST.fold(y + 1, h);
            for (int x = 0; x < w; x++) {
                int xm = Border.NEAREST.fold(x - 1, w);
                int xp = Border.NEAREST.fold(x + 1, w);
                int gx = (img[ym * w + xp] + 2 * img[y * w + xp] + img[yp * w + xp])
                        - (img[ym * w + xm] + 2 * img[y * w + xm] + img[yp * w + xm]);
                int gy = (img[yp * w + xm] + 2 * img[yp * w + x] + img[yp * w + xp])
                        - (img[ym * w + xm] + 2 * img[ym * w + x] + img[ym * w + xp]);
                dx[y * w + x] = gx;
                dy[y * w + x] = gy;
                mag[(y + 1) * (w + 2) + x + 1] = Math.abs(gx) + Math.abs(gy);
            }
        }
        int low = (int) Math.floor(lowThreshold);
        int high = (int) Math.floor(highThreshold);
        final int shift = 15;
        final long tg22 = (long) (0.4142135623730950488016887242097 * (1 << shift) + 0.5);
        // 0 = not an edge, 1 = weak candidate, 2 = strong edge
        byte[] map = new byte[h * w];
        ArrayDeque<Integer> stack = new ArrayDeque<>();
        int mw = w + 2;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int m = mag[(y + 1) * mw + x + 1];
                if (m <= low) {
                    continue;
                }
                int gx = dx[y * w + x];
                int gy = dy[y * w + x];
                long xs = Math.abs(gx);
                long ys = (long) Math.abs(gy) << shift;
                long tg22x = xs * tg22;
                int c = (y + 1) * mw + x + 1;
                boolean localMax;
                if (ys < tg22x) {
                    localMax = m > mag[c - 1] && m >= mag[c + 1];
                } else {
                    long tg67x = tg22x + (xs << (shift + 1));
                    if (ys > tg67x) {
                        localMax = m > mag[c - mw] && m >= mag[c + mw];
                    } else {
                        int s = (gx ^ gy) < 0 ? -1 : 1;
                        localMax = m > mag[c - mw - s] && m > mag[c + mw + s];
                    }
                }
                if (localMax) {
                    if (m > high) {
                        map[y * w + x] = 2;
                        stack.push(y * w + x);
                    } else {
                        map[y * w + x] = 1;
                    }
                }
            }
        }
        while (!stack.isEmpty()) {
            int p = stack.pop();
            int py = p / w;
            int px = p % w;
            for (int oy = -1; oy <= 1; oy++) {
                for (int ox = -1; ox <= 1; ox++) {
                    int yy = py + oy;
                    int xx = px + ox;
                    if (yy >= 0 && yy < h && xx >= 0 && xx < w && map[yy * w + xx] == 1) {
                        map[yy * w + xx] = 2;
                        stack.push(yy * w + xx);
                    }
                }
            }
        }
        int[] out = new int[h * w];
        for (int i = 0; i < out.length; i++) {
            out[i] = map[i] == 2 ? 255 : 0;
        }
        return out;
    }

    /**
     * cv2.distanceTransform(src, DIST_L2, 5): two-pass 5 x 5 chamfer distance to the nearest zero
     * pixel with OpenCV's weights 1, 1.4, 2.1969; outside the image counts as far away.
     */
    static double[] distanceTransform(int[] src, int h, int w) {
        final double a = 1.0;
        final double b = 1.4;
        final double c = 2.1969;
        final double far = 1e9;
        double[] d = new double[h * w];
        for (int i = 0; i < d.length; i++) {
            d[i] = src[i] == 0 ? 0 : far;
        }
        int[][] fwd = {{-2, -1}, {-2, 1}, {-1, -2}, {-1, -1}, {-1, 0}, {-1, 1}, {-1, 2}, {0, -1}};
        double[] fw = {c, c, c, b, a, b, c, a};
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = d[y * w + x];
                for (int k = 0; k < fwd.length; k++) {
                    int yy = y + fwd[k][0];
                    int xx = x + fwd[k][1];
                    if (yy >= 0 && xx >= 0 && xx < w) {
                        v = Math.min(v, d[yy * w + xx] + fw[k]);
                    }
                }
                d[y * w + x] = v;
            }
        }
        for (int y = h - 1; y >= 0; y--) {
            for (int x = w - 1; x >= 0; x--) {
                double v = d[y * w + x];
                for (int k = 0; k < fwd.length; k++) {
                    int yy = y - fwd[k][0];
                    int xx = x - fwd[k][1];
                    if (yy < h && xx >= 0 && xx < w) {
                        v = Math.min(v, d[yy * w + xx] + fw[k]);
                    }
                }
                d[y * w + x] = v;
            }
        }
        return d;
    }

    /** cv2.equalizeHist on a uint8 plane. */
    static int[] equalizeHist(int[] src) {
        int[] hist = new int[256];
        for (int v : src) {
            hist[v]++;
        }
        int i = 0;
        while (i < 256 && hist[i] == 0) {
            i++;
        }
        int total = src.length;
        int[] out = new int[src.length];
        if (i == 256 || hist[i] == total) {
            java.util.Arrays.fill(out, i == 256 ? 0 : i);
            return out;
        }
        int[] lut = new int[256];
        float scale = (256 - 1.f) / (total - hist[i]);
        int sum = 0;
        lut[i] = 0;
        for (i++; i < 256; i++) {
            sum += hist[i];
            lut[i] = Pixels.clampByte(Math.round(sum * scale));
        }
        for (int k = 0; k < src.length; k++) {
            out[k] = lut[src[k]];
        }
        return out;
    }

    /**
     * cv2.getAffineTransform(src, dst) inverted, so that it maps destination pixels to source
     * positions: returns the 2 x 3 matrix of the inverse map.
     */
    static double[] inverseAffine(double[] src, double[] dst) {
        // forward M maps src -> dst: dst = M * [x y 1]
        double[] m = solveAffine(src, dst);
        double det = m[0] * m[4] - m[1] * m[3];
        double i00 = m[4] / det;
        double i01 = -m[1] / det;
        double i10 = -m[3] / det;
        double i11 = m[0] / det;
        double i02 = -i00 * m[2] - i01 * m[5];
        double i12 = -i10 * m[2] - i11 * m[5];
        return new double[] {i00, i01, i02, i10, i11, i12};
    }

    private static double[] solveAffine(double[] s, double[] d) {
        // rows: for each point, x' = a x + b y + c, y' = d x + e y + f; solve two 3 x 3 systems
        double[][] a = {{s[0], s[1], 1}, {s[2], s[3], 1}, {s[4], s[5], 1}};
        double[] px = solve3(a, new double[] {d[0], d[2], d[4]});
        double[] py = solve3(a, new double[] {d[1], d[3], d[5]});
        return new double[] {px[0], px[1], px[2], py[0], py[1], py[2]};
    }

    private static double[] solve3(double[][] a, double[] b) {
        double det = det3(a);
        double[] x = new double[3];
        for (int k = 0; k < 3; k++) {
            double[][] m = new double[3][3];
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    m[i][j] = j == k ? b[i] : a[i][j];
                }
            }
            x[k] = det3(m) / det;
        }
        return x;
    }

    private static double det3(double[][] m) {
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    }

    /**
     * cv2.warpAffine with INTER_LINEAR and BORDER_REFLECT_101, given the inverse map: source
     * coordinates quantised to 1/32 pixel as OpenCV's fixed-point remap does.
     */
    static double[] warpAffine(double[] img, int h, int w, int c, double[] inv) {
        double[] out = new double[img.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double sx = Math.rint((inv[0] * x + inv[1] * y + inv[2]) * 32) / 32;
                double sy = Math.rint((inv[3] * x + inv[4] * y + inv[5]) * 32) / 32;
                bilinear(img, h, w, c, sy, sx, Border.REFLECT_101, out, (y * w + x) * c);
            }
        }
        return out;
    }

    /** Bilinear sample at (sy, sx) with out-of-range neighbours folded by {@code border}. */
    static void bilinear(double[] img, int h, int w, int c, double sy, double sx, Border border, double[] out, int o) {
        int y0 = (int) Math.floor(sy);
        int x0 = (int) Math.floor(sx);
        double ty = sy - y0;
        double tx = sx - x0;
        int ya = border.fold(y0, h) * w;
        int yb = border.fold(y0 + 1, h) * w;
        int xa = border.fold(x0, w);
        int xb = border.fold(x0 + 1, w);
        for (int ch = 0; ch < c; ch++) {
            double top = img[(ya + xa) * c + ch] * (1 - tx) + img[(ya + xb) * c + ch] * tx;
            double bottom = img[(yb + xa) * c + ch] * (1 - tx) + img[(yb + xb) * c + ch] * tx;
            out[o + ch] = top * (1 - ty) + bottom * ty;
        }
    }
}
