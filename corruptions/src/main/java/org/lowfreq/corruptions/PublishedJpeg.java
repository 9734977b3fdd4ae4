package org.lowfreq.corruptions;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.jpeg.JPEGHuffmanTable;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.plugins.jpeg.JPEGQTable;
import javax.imageio.stream.ImageOutputStream;
import org.lowfreq.spi.AtomicFiles;
import org.lowfreq.spi.ImageShape;

/**
 * Encodes one uint8 HWC image as a JPEG file the way Hendrycks and Dietterich's scripts saved
 * ImageNet-C and Tiny-ImageNet-C ({@code make_imagenet_c.py}, {@code make_tinyimagenet_c.py} in
 * hendrycks/robustness: {@code Image.fromarray(np.uint8(img)).save(path, quality=85, optimize=True)}):
 * Pillow hands libjpeg quality 85, which scales the JPEG standard's Annex K tables by
 * {@code 200 - 2 * 85 = 30 %} (IJG {@code jpeg_quality_scaling}, baseline: clamped to 1..255), keeps
 * libjpeg's default 2 x 2 luma sampling (4:2:0 chroma) and optimises the Huffman tables. The JDK's
 * writer is given exactly these tables (computed here in integers, rather than through its own
 * quality-to-scale mapping), optimised Huffman tables, and its default YCbCr sampling, which is 2 x 2
 * luma as well (checked on the written file's SOF marker in the tests). Files are written atomically.
 */
final class PublishedJpeg {
    /** The quality of the published -C sets. */
    static final int QUALITY = 85;

    private PublishedJpeg() {
    }

    /** IJG's quality scaling of a base table (natural order): (q * scale + 50) / 100, clamped to 1..255. */
    static int[] scaled(int[] base, int quality) {
        int scale = quality < 50 ? 5000 / quality : 200 - 2 * quality;
        int[] out = new int[base.length];
        for (int i = 0; i < base.length; i++) {
            int q = (base[i] * scale + 50) / 100;
            out[i] = Math.max(1, Math.min(255, q));
        }
        return out;
    }

    /**
     * Writes image {@code offset / shape.size()} of {@code uint8} (HWC, 1 or 3 channels) to {@code file}.
     */
    static void write(Path file, byte[] uint8, int offset, ImageShape shape) {
        BufferedImage img = toImage(uint8, offset, shape);
        AtomicFiles.write(file, out -> {
            Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
            if (!writers.hasNext()) {
                throw new IOException("this Java runtime has no JPEG writer");
            }
            ImageWriter writer = writers.next();
            try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(ios);
                writer.write(null, new IIOImage(img, null, null), param(writer, shape.channels()));
            } finally {
                writer.dispose();
            }
        });
    }

    private static ImageWriteParam param(ImageWriter writer, int channels) {
        JPEGImageWriteParam p = (JPEGImageWriteParam) writer.getDefaultWriteParam();
        JPEGQTable luma = new JPEGQTable(scaled(JPEGQTable.K1Luminance.getTable(), QUALITY));
        JPEGQTable chroma = new JPEGQTable(scaled(JPEGQTable.K2Chrominance.getTable(), QUALITY));
        JPEGQTable[] q = channels == 1 ? new JPEGQTable[] {luma} : new JPEGQTable[] {luma, chroma};
        JPEGHuffmanTable[] dc = channels == 1 ? new JPEGHuffmanTable[] {JPEGHuffmanTable.StdDCLuminance}
                : new JPEGHuffmanTable[] {JPEGHuffmanTable.StdDCLuminance, JPEGHuffmanTable.StdDCChrominance};
        JPEGHuffmanTable[] ac = channels == 1 ? new JPEGHuffmanTable[] {JPEGHuffmanTable.StdACLuminance}
                : new JPEGHuffmanTable[] {JPEGHuffmanTable.StdACLuminance, JPEGHuffmanTable.StdACChrominance};
        p.setEncodeTables(q, dc, ac);
        p.setOptimizeHuffmanTables(true); // Pillow's optimize=True: smaller files, the same pixels
        return p;
    }

    private static BufferedImage toImage(byte[] uint8, int offset, ImageShape shape) {
        int h = shape.height();
        int w = shape.width();
        if (shape.channels() == 1) {
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
            byte[] dst = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
            System.arraycopy(uint8, offset, dst, 0, h * w);
            return img;
        }
        if (shape.channels() != 3) {
            throw new IllegalArgumentException("JPEG needs 1 or 3 channels, got " + shape);
        }
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        byte[] dst = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        for (int p = 0; p < h * w; p++) {
            dst[3 * p] = uint8[offset + 3 * p + 2];
            dst[3 * p + 1] = uint8[offset + 3 * p + 1];
            dst[3 * p + 2] = uint8[offset + 3 * p];
        }
        return img;
    }
}
