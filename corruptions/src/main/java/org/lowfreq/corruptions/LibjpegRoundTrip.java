package org.lowfreq.corruptions;

/**
 * What a baseline JPEG encode and decode with libjpeg's defaults does to the pixels (the reference
 * saves with Pillow at a quality and reopens; Pillow calls libjpeg(-turbo) with the IJG
 * quantisation tables scaled by quality, 4:2:0 chroma for colour, the accurate integer DCT and
 * fancy upsampling). The entropy coding is lossless, so it is skipped: colour conversion,
 * downsampling, forward DCT and quantisation, then dequantisation, inverse DCT, upsampling and
 * colour conversion, each in libjpeg's fixed-point arithmetic (jccolor, jcsample, jfdctint,
 * jcdctmgr, jidctint, jdsample, jdcolor of IJG libjpeg 6b, which libjpeg-turbo keeps bit for
 * bit). Images whose sides are not multiples of the MCU (16 for colour, 8 for grey) are not
 * handled here: the edge padding of partial blocks is left to a real codec.
 */
final class LibjpegRoundTrip {
    private static final int CONST_BITS = 13;
    private static final int PASS1_BITS = 2;
    private static final int FIX_0_298631336 = 2446;
    private static final int FIX_0_390180644 = 3196;
    private static final int FIX_0_541196100 = 4433;
    private static final int FIX_0_765366865 = 6270;
    private static final int FIX_0_899976223 = 7373;
    private static final int FIX_1_175875602 = 9633;
    private static final int FIX_1_501321110 = 12299;
    private static final int FIX_1_847759065 = 15137;
    private static final int FIX_1_961570560 = 16069;
    private static final int FIX_2_053119869 = 16819;
    private static final int FIX_2_562915447 = 20995;
    private static final int FIX_3_072711026 = 25172;
    private static final int SCALEBITS = 16;
    private static final int ONE_HALF = 1 << (SCALEBITS - 1);

    /** The IJG example tables (JPEG standard, Annex K), natural order. */
    private static final int[] STD_LUMINANCE = {
            16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55,
            14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
            18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
            49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99};
    private static final int[] STD_CHROMINANCE = {
            17, 18, 24, 47, 99, 99, 99, 99, 18, 21, 26, 66, 99, 99, 99, 99,
            24, 26, 56, 99, 99, 99, 99, 99, 47, 66, 99, 99, 99, 99, 99, 99,
            99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99,
            99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99};

    /** libjpeg's post-IDCT range limit: x + 128 clamped to [0, 255], indexed by x & 1023. */
    private static final int[] IDCT_LIMIT = new int[1024];

    static {
        for (int i = 0; i < 1024; i++) {
            int v;
            if (i < 128) {
                v = i + 128;
            } else if (i < 512) {
                v = 255;
            } else if (i < 896) {
                v = 0;
            } else {
                v = i - 896;
            }
            IDCT_LIMIT[i] = v;
        }
    }

    private final int[] lumaQuant;
    private final int[] chromaQuant;

    /** The tables libjpeg's jpeg_set_quality(quality, force_baseline = TRUE) installs. */
    LibjpegRoundTrip(int quality) {
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("JPEG quality " + quality + " is not in 1..100");
        }
        int scale = quality < 50 ? 5000 / quality : 200 - quality * 2;
        lumaQuant = scaled(STD_LUMINANCE, scale);
        chromaQuant = scaled(STD_CHROMINANCE, scale);
    }

    private static int[] scaled(int[] basic, int scale) {
        int[] q = new int[64];
        for (int i = 0; i < 64; i++) {
            long t = ((long) basic[i] * scale + 50L) / 100L;
            q[i] = (int) Math.max(1, Math.min(255, t));
        }
        return q;
    }

    /** The luminance quantisation table, natural order (a copy). */
    int[] lumaTable() {
        return lumaQuant.clone();
    }

    /** The chrominance quantisation table, natural order (a copy). */
    int[] chromaTable() {
        return chromaQuant.clone();
    }

    /** True when this class reproduces the codec for an image of this size and channel count. */
    static boolean handles(int h, int w, int c) {
        int mcu = c == 3 ? 16 : 8;
        return (c == 3 || c == 1) && h % mcu == 0 && w % mcu == 0 && h > 0 && w > 0;
    }

    /** Round-trips a uint8 HWC image (c = 1 or 3, sides multiples of the MCU); returns uint8 HWC. */
    int[] apply(int[] img, int h, int w, int c) {
        if (!handles(h, w, c)) {
            throw new IllegalArgumentException(h + " x " + w + " x " + c + " is not a whole number of MCUs");
        }
        if (c == 1) {
            return plane(img.clone(), h, w, lumaQuant);
        }
        int n = h * w;
        int[] y = new int[n];
        int[] cb = new int[n];
        int[] cr = new int[n];
        for (int p = 0; p < n; p++) {
            int r = img[3 * p];
            int g = img[3 * p + 1];
            int b = img[3 * p + 2];
            y[p] = (19595 * r + 38470 * g + 7471 * b + ONE_HALF) >> SCALEBITS;
            cb[p] = (-11059 * r - 21709 * g + 32768 * b + (128 << SCALEBITS) + ONE_HALF - 1) >> SCALEBITS;
            cr[p] = (32768 * r - 27439 * g - 5329 * b + (128 << SCALEBITS) + ONE_HALF - 1) >> SCALEBITS;
        }
        int hh = h / 2;
        int hw = w / 2;
        int[] yOut = plane(y, h, w, lumaQuant);
        int[] cbOut = upsample(plane(downsample(cb, h, w), hh, hw, chromaQuant), hh, hw);
        int[] crOut = upsample(plane(downsample(cr, h, w), hh, hw, chromaQuant), hh, hw);
        int[] out = new int[3 * n];
        for (int p = 0; p < n; p++) {
            int yy = yOut[p];
            int cbv = cbOut[p] - 128;
            int crv = crOut[p] - 128;
            out[3 * p] = clamp(yy + ((91881 * crv + ONE_HALF) >> SCALEBITS));
            out[3 * p + 1] = clamp(yy + ((-22554 * cbv + ONE_HALF - 46802 * crv) >> SCALEBITS));
            out[3 * p + 2] = clamp(yy + ((116130 * cbv + ONE_HALF) >> SCALEBITS));
        }
        return out;
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : (v > 255 ? 255 : v);
    }

    /** jcsample h2v2_downsample: 2 x 2 sums with the alternating bias 1, 2, 1, 2, ... along each row. */
    private static int[] downsample(int[] p, int h, int w) {
        int hw = w / 2;
        int[] out = new int[(h / 2) * hw];
        for (int y = 0; y < h / 2; y++) {
            int bias = 1;
            int r0 = 2 * y * w;
            int r1 = r0 + w;
            for (int x = 0; x < hw; x++) {
                out[y * hw + x] = (p[r0 + 2 * x] + p[r0 + 2 * x + 1] + p[r1 + 2 * x] + p[r1 + 2 * x + 1] + bias) >> 2;
                bias ^= 3;
            }
        }
        return out;
    }

    /**
     * jdsample h2v2_fancy_upsample: each output sample weighs its nearer input row 3 : 1 against
     * the further one and its nearer column 3 : 1, rounding with +8 and +7 alternately; the rows
     * beyond the top and bottom edges repeat the edge row, the edge columns repeat themselves.
     */
    private static int[] upsample(int[] p, int h, int w) {
        int ow = 2 * w;
        int[] out = new int[4 * h * w];
        int[] colsum = new int[w];
        for (int y = 0; y < h; y++) {
            for (int v = 0; v < 2; v++) {
                int far = v == 0 ? Math.max(y - 1, 0) : Math.min(y + 1, h - 1);
                for (int x = 0; x < w; x++) {
                    colsum[x] = p[y * w + x] * 3 + p[far * w + x];
                }
                int o = (2 * y + v) * ow;
                if (w == 1) {
                    out[o] = (colsum[0] * 4 + 8) >> 4;
                    out[o + 1] = (colsum[0] * 4 + 7) >> 4;
                    continue;
                }
                out[o] = (colsum[0] * 4 + 8) >> 4;
                out[o + 1] = (colsum[0] * 3 + colsum[1] + 7) >> 4;
                for (int x = 1; x < w - 1; x++) {
                    out[o + 2 * x] = (colsum[x] * 3 + colsum[x - 1] + 8) >> 4;
                    out[o + 2 * x + 1] = (colsum[x] * 3 + colsum[x + 1] + 7) >> 4;
                }
                out[o + 2 * w - 2] = (colsum[w - 1] * 3 + colsum[w - 2] + 8) >> 4;
                out[o + 2 * w - 1] = (colsum[w - 1] * 4 + 7) >> 4;
            }
        }
        return out;
    }

    /** Codes one component plane (sides multiples of 8) block by block and returns its decoded samples. */
    private static int[] plane(int[] p, int h, int w, int[] quant) {
        int[] out = new int[h * w];
        int[] block = new int[64];
        for (int by = 0; by < h; by += 8) {
            for (int bx = 0; bx < w; bx += 8) {
                for (int i = 0; i < 8; i++) {
                    for (int j = 0; j < 8; j++) {
                        block[i * 8 + j] = p[(by + i) * w + bx + j] - 128;
                    }
                }
                forwardDct(block);
                for (int k = 0; k < 64; k++) {
                    block[k] = quantise(block[k], quant[k] << 3) * quant[k];
                }
                inverseDct(block, out, by * w + bx, w);
            }
        }
        return out;
    }

    /** jcdctmgr: divide by 8 q rounding half away from zero. */
    private static int quantise(int v, int divisor) {
        if (v < 0) {
            return -((-v + (divisor >> 1)) / divisor);
        }
        return (v + (divisor >> 1)) / divisor;
    }

    private static int descale(long x, int n) {
        return (int) ((x + (1L << (n - 1))) >> n);
    }

    /** jfdctint (IJG 6b) jpeg_fdct_islow, in place; outputs scaled up by 8. */
    private static void forwardDct(int[] d) {
        for (int r = 0; r < 64; r += 8) {
            long tmp0 = d[r] + d[r + 7];
            long tmp7 = d[r] - d[r + 7];
            long tmp1 = d[r + 1] + d[r + 6];
            long tmp6 = d[r + 1] - d[r + 6];
            long tmp2 = d[r + 2] + d[r + 5];
            long tmp5 = d[r + 2] - d[r + 5];
            long tmp3 = d[r + 3] + d[r + 4];
            long tmp4 = d[r + 3] - d[r + 4];
            long tmp10 = tmp0 + tmp3;
            long tmp13 = tmp0 - tmp3;
            long tmp11 = tmp1 + tmp2;
            long tmp12 = tmp1 - tmp2;
            d[r] = (int) ((tmp10 + tmp11) << PASS1_BITS);
            d[r + 4] = (int) ((tmp10 - tmp11) << PASS1_BITS);
            long z1 = (tmp12 + tmp13) * FIX_0_541196100;
            d[r + 2] = descale(z1 + tmp13 * FIX_0_765366865, CONST_BITS - PASS1_BITS);
            d[r + 6] = descale(z1 + tmp12 * -FIX_1_847759065, CONST_BITS - PASS1_BITS);
            long[] odd = odd(tmp4, tmp5, tmp6, tmp7);
            d[r + 7] = descale(odd[0], CONST_BITS - PASS1_BITS);
            d[r + 5] = descale(odd[1], CONST_BITS - PASS1_BITS);
            d[r + 3] = descale(odd[2], CONST_BITS - PASS1_BITS);
            d[r + 1] = descale(odd[3], CONST_BITS - PASS1_BITS);
        }
        for (int c = 0; c < 8; c++) {
            long tmp0 = d[c] + d[c + 56];
            long tmp7 = d[c] - d[c + 56];
            long tmp1 = d[c + 8] + d[c + 48];
            long tmp6 = d[c + 8] - d[c + 48];
            long tmp2 = d[c + 16] + d[c + 40];
            long tmp5 = d[c + 16] - d[c + 40];
            long tmp3 = d[c + 24] + d[c + 32];
            long tmp4 = d[c + 24] - d[c + 32];
            long tmp10 = tmp0 + tmp3;
            long tmp13 = tmp0 - tmp3;
            long tmp11 = tmp1 + tmp2;
            long tmp12 = tmp1 - tmp2;
            d[c] = descale(tmp10 + tmp11, PASS1_BITS);
            d[c + 32] = descale(tmp10 - tmp11, PASS1_BITS);
            long z1 = (tmp12 + tmp13) * FIX_0_541196100;
            d[c + 16] = descale(z1 + tmp13 * FIX_0_765366865, CONST_BITS + PASS1_BITS);
            d[c + 48] = descale(z1 + tmp12 * -FIX_1_847759065, CONST_BITS + PASS1_BITS);
            long[] odd = odd(tmp4, tmp5, tmp6, tmp7);
            d[c + 56] = descale(odd[0], CONST_BITS + PASS1_BITS);
            d[c + 40] = descale(odd[1], CONST_BITS + PASS1_BITS);
            d[c + 24] = descale(odd[2], CONST_BITS + PASS1_BITS);
            d[c + 8] = descale(odd[3], CONST_BITS + PASS1_BITS);
        }
    }

    /** The odd part of the forward DCT: returns the undescaled outputs 7, 5, 3, 1. */
    private static long[] odd(long tmp4, long tmp5, long tmp6, long tmp7) {
        long z1 = tmp4 + tmp7;
        long z2 = tmp5 + tmp6;
        long z3 = tmp4 + tmp6;
        long z4 = tmp5 + tmp7;
        long z5 = (z3 + z4) * FIX_1_175875602;
        tmp4 *= FIX_0_298631336;
        tmp5 *= FIX_2_053119869;
        tmp6 *= FIX_3_072711026;
        tmp7 *= FIX_1_501321110;
        z1 *= -FIX_0_899976223;
        z2 *= -FIX_2_562915447;
        z3 *= -FIX_1_961570560;
        z4 *= -FIX_0_390180644;
        z3 += z5;
        z4 += z5;
        return new long[] {tmp4 + z1 + z3, tmp5 + z2 + z4, tmp6 + z2 + z3, tmp7 + z1 + z4};
    }

    /** jidctint (IJG 6b) jpeg_idct_islow on dequantised coefficients, writing samples into out. */
    private static void inverseDct(int[] in, int[] out, int offset, int stride) {
        int[] ws = new int[64];
        for (int c = 0; c < 8; c++) {
            if (in[c + 8] == 0 && in[c + 16] == 0 && in[c + 24] == 0 && in[c + 32] == 0 && in[c + 40] == 0
                    && in[c + 48] == 0 && in[c + 56] == 0) {
                int dc = in[c] << PASS1_BITS;
                for (int r = 0; r < 8; r++) {
                    ws[r * 8 + c] = dc;
                }
                continue;
            }
            long[] v = idct1(in[c], in[c + 8], in[c + 16], in[c + 24], in[c + 32], in[c + 40], in[c + 48],
                    in[c + 56]);
            for (int r = 0; r < 8; r++) {
                ws[r * 8 + c] = descale(v[r], CONST_BITS - PASS1_BITS);
            }
        }
        final int shift = CONST_BITS + PASS1_BITS + 3;
        for (int r = 0; r < 64; r += 8) {
            int o = offset + (r / 8) * stride;
            if (ws[r + 1] == 0 && ws[r + 2] == 0 && ws[r + 3] == 0 && ws[r + 4] == 0 && ws[r + 5] == 0
                    && ws[r + 6] == 0 && ws[r + 7] == 0) {
                int dc = IDCT_LIMIT[descale(ws[r], PASS1_BITS + 3) & 1023];
                for (int j = 0; j < 8; j++) {
                    out[o + j] = dc;
                }
                continue;
            }
            long[] v = idct1(ws[r], ws[r + 1], ws[r + 2], ws[r + 3], ws[r + 4], ws[r + 5], ws[r + 6], ws[r + 7]);
            for (int j = 0; j < 8; j++) {
                out[o + j] = IDCT_LIMIT[descale(v[j], shift) & 1023];
            }
        }
    }

    /** One 8-point inverse DCT of jidctint, before descaling; returns outputs 0..7. */
    private static long[] idct1(long i0, long i1, long i2, long i3, long i4, long i5, long i6, long i7) {
        long z2 = i2;
        long z3 = i6;
        long z1 = (z2 + z3) * FIX_0_541196100;
        long tmp2 = z1 + z3 * -FIX_1_847759065;
        long tmp3 = z1 + z2 * FIX_0_765366865;
        long tmp0 = (i0 + i4) << CONST_BITS;
        long tmp1 = (i0 - i4) << CONST_BITS;
        long tmp10 = tmp0 + tmp3;
        long tmp13 = tmp0 - tmp3;
        long tmp11 = tmp1 + tmp2;
        long tmp12 = tmp1 - tmp2;
        tmp0 = i7;
        tmp1 = i5;
        tmp2 = i3;
        tmp3 = i1;
        z1 = tmp0 + tmp3;
        z2 = tmp1 + tmp2;
        z3 = tmp0 + tmp2;
        long z4 = tmp1 + tmp3;
        long z5 = (z3 + z4) * FIX_1_175875602;
        tmp0 *= FIX_0_298631336;
        tmp1 *= FIX_2_053119869;
        tmp2 *= FIX_3_072711026;
        tmp3 *= FIX_1_501321110;
        z1 *= -FIX_0_899976223;
        z2 *= -FIX_2_562915447;
        z3 *= -FIX_1_961570560;
        z4 *= -FIX_0_390180644;
        z3 += z5;
        z4 += z5;
        tmp0 += z1 + z3;
        tmp1 += z2 + z4;
        tmp2 += z2 + z3;
        tmp3 += z1 + z4;
        return new long[] {tmp10 + tmp3, tmp11 + tmp2, tmp12 + tmp1, tmp13 + tmp0, tmp13 - tmp0, tmp12 - tmp1,
                tmp11 - tmp2, tmp10 - tmp3};
    }
}
