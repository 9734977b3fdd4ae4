package org.lowfreq.corruptions;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowfreq.spi.ImageShape;

/** The JPEG files of the folder layout are encoded as Pillow's save(quality=85, optimize=True) encodes. */
class PublishedJpegTest {
    /** JPEG zig-zag order: position k of a DQT segment holds natural index ZIGZAG[k]. */
    private static final int[] ZIGZAG = {
            0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14,
            21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53,
            60, 61, 54, 47, 55, 62, 63};

    /** The Annex K luminance table in natural order, typed in from the JPEG standard. */
    private static final int[] ANNEX_K_LUMA = {
            16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56,
            14, 17, 22, 29, 51, 87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
            49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99};

    /** A smooth image whose channels differ (red bright, blue dark), so a swapped channel order shows. */
    private static byte[] image(ImageShape s) {
        byte[] b = new byte[s.size()];
        for (int y = 0; y < s.height(); y++) {
            for (int x = 0; x < s.width(); x++) {
                for (int c = 0; c < s.channels(); c++) {
                    b[(y * s.width() + x) * s.channels() + c] = (byte) (200 - 70 * c + (x - y) / 2);
                }
            }
        }
        return b;
    }

    /** The payload of the first marker {@code code} after the SOI, or null. */
    private static byte[] segment(byte[] jpeg, int code, int nth) {
        int seen = 0;
        int p = 2;
        while (p + 4 <= jpeg.length && (jpeg[p] & 0xFF) == 0xFF) {
            int marker = jpeg[p + 1] & 0xFF;
            int len = (jpeg[p + 2] & 0xFF) << 8 | (jpeg[p + 3] & 0xFF);
            if (marker == code && seen++ == nth) {
                return java.util.Arrays.copyOfRange(jpeg, p + 4, p + 2 + len);
            }
            if (marker == 0xDA) {
                return null;
            }
            p += 2 + len;
        }
        return null;
    }

    /** Quantisation tables by id (natural order) from every DQT segment. */
    private static int[][] tables(byte[] jpeg) {
        int[][] out = new int[4][];
        for (int nth = 0; ; nth++) {
            byte[] dqt = segment(jpeg, 0xDB, nth);
            if (dqt == null) {
                return out;
            }
            for (int p = 0; p < dqt.length; p += 65) {
                int id = dqt[p] & 0x0F;
                assertThat(dqt[p] >> 4).as("8-bit table").isZero();
                out[id] = new int[64];
                for (int k = 0; k < 64; k++) {
                    out[id][ZIGZAG[k]] = dqt[p + 1 + k] & 0xFF;
                }
            }
        }
    }

    /** IJG's jpeg_quality_scaling of a table, written out here from libjpeg's jcparam.c. */
    private static int[] scaled(int[] base, int quality) {
        int scale = quality < 50 ? 5000 / quality : 200 - 2 * quality;
        int[] out = new int[base.length];
        for (int i = 0; i < base.length; i++) {
            out[i] = Math.max(1, Math.min(255, (base[i] * scale + 50) / 100));
        }
        return out;
    }

    @Test
    void qualityEightyFiveScalesTheAnnexKTablesByThirtyPercentAsLibjpegDoes() {
        int[] luma = PublishedJpeg.TABLES.lumaTable();
        assertThat(luma).isEqualTo(scaled(ANNEX_K_LUMA, 85));
        // (16 * 30 + 50) / 100 = 5, (11 * 30 + 50) / 100 = 3, (99 * 30 + 50) / 100 = 30, (121 * 30 + 50) / 100 = 36, (92 * 30 + 50) / 100 = 28
        assertThat(luma[0]).isEqualTo(5);
        assertThat(luma[1]).isEqualTo(3);
        assertThat(luma[63]).isEqualTo(30);
        assertThat(luma[53]).isEqualTo(36);
        assertThat(luma[57]).isEqualTo(28);
        assertThat(PublishedJpeg.TABLES.chromaTable()[0]).isEqualTo((17 * 30 + 50) / 100);
    }

    @Test
    void theWrittenFileCarriesTheQualityEightyFiveTablesAnd420Chroma(@TempDir Path dir) throws Exception {
        ImageShape s = new ImageShape(64, 64, 3);
        byte[] px = image(s);
        Path f = dir.resolve("a/b/x.JPEG");
        PublishedJpeg.write(f, px, 0, s);
        byte[] jpeg = Files.readAllBytes(f);
        int[][] q = tables(jpeg);
        assertThat(q[0]).isEqualTo(scaled(ANNEX_K_LUMA, 85));
        assertThat(q[1][0]).isEqualTo((17 * 30 + 50) / 100);
        assertThat(q[1][63]).isEqualTo((99 * 30 + 50) / 100);
        // SOF0: precision, height, width, 3 components; Y sampled 2 x 2, Cb and Cr 1 x 1 (4:2:0)
        byte[] sof = segment(jpeg, 0xC0, 0);
        assertThat(sof).isNotNull();
        assertThat(sof[5]).isEqualTo((byte) 3);
        assertThat(sof[7] & 0xFF).isEqualTo(0x22);
        assertThat(sof[10] & 0xFF).isEqualTo(0x11);
        assertThat(sof[13] & 0xFF).isEqualTo(0x11);
        // the decoded image is the input up to JPEG's loss, channels in RGB order
        BufferedImage back = ImageIO.read(f.toFile());
        double err = 0;
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                int rgb = back.getRGB(x, y);
                int o = (y * 64 + x) * 3;
                err += Math.abs(((rgb >> 16) & 0xFF) - (px[o] & 0xFF)) + Math.abs(((rgb >> 8) & 0xFF) - (px[o + 1] & 0xFF))
                        + Math.abs((rgb & 0xFF) - (px[o + 2] & 0xFF));
            }
        }
        assertThat(err / s.size()).isLessThan(2);
        assertThat(dir.resolve("a/b").toFile().list()).containsExactly("x.JPEG");
    }

    @Test
    void aGrayImageIsOneComponentWithTheLumaTable(@TempDir Path dir) throws Exception {
        ImageShape s = new ImageShape(16, 16, 1);
        Path f = dir.resolve("g.JPEG");
        PublishedJpeg.write(f, image(s), 0, s);
        byte[] jpeg = Files.readAllBytes(f);
        assertThat(segment(jpeg, 0xC0, 0)[5]).isEqualTo((byte) 1);
        assertThat(tables(jpeg)[0]).isEqualTo(scaled(ANNEX_K_LUMA, 85));
        assertThat(ImageIO.read(f.toFile()).getRaster().getNumBands()).isEqualTo(1);
    }
}
