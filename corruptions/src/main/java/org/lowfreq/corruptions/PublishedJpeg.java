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
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.plugins.jpeg.JPEGQTable;
import javax.imageio.stream.ImageOutputStream;
import org.lowfreq.spi.AtomicFiles;
import org.lowfreq.spi.ImageShape;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Encodes one uint8 HWC image as a JPEG file the way Hendrycks and Dietterich's scripts saved
 * ImageNet-C and Tiny-ImageNet-C ({@code make_imagenet_c.py}, {@code make_tinyimagenet_c.py} in
 * hendrycks/robustness: {@code Image.fromarray(np.uint8(img)).save(path, quality=85, optimize=True)}):
 * Pillow hands libjpeg quality 85, which scales the JPEG standard's Annex K tables by
 * {@code 200 - 2 * 85 = 30 %} (IJG {@code jpeg_set_quality}, baseline: clamped to 1..255; the tables of
 * {@link LibjpegRoundTrip}), keeps
 * libjpeg's default 2 x 2 luma sampling (4:2:0 chroma) and optimises the Huffman tables. The JDK's
 * writer is given exactly these tables (rather than its own quality-to-scale mapping), optimised Huffman tables, and its default YCbCr sampling, which is 2 x 2
 * luma as well (checked on the written file's SOF marker in the tests). The tables go in through the
 * image metadata, since the JDK's own quality setting maps quality to a different scale of its halved
 * tables. Files are written atomically.
 */
final class PublishedJpeg {
    /** The quality of the published -C sets. */
    static final int QUALITY = 85;
    /** libjpeg's tables at that quality (the JPEG corruption's own implementation of jpeg_set_quality). */
    static final LibjpegRoundTrip TABLES = new LibjpegRoundTrip(QUALITY);

    private PublishedJpeg() {
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
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_COPY_FROM_METADATA); // the tables set below
                ((JPEGImageWriteParam) param).setOptimizeHuffmanTables(true); // Pillow's optimize=True: same pixels, smaller file
                writer.write(null, new IIOImage(img, null, metadata(writer, img, param)), param);
            } finally {
                writer.dispose();
            }
        });
    }

    /**
     * The writer's default metadata for this image (JFIF, YCbCr with 2 x 2 luma sampling for colour)
     * with its quantisation tables replaced by the quality-85 tables: the JDK takes a full image's
     * tables from the metadata, not from the write parameters.
     */
    private static IIOMetadata metadata(ImageWriter writer, BufferedImage img, ImageWriteParam param) throws IOException {
        IIOMetadata meta = writer.getDefaultImageMetadata(new ImageTypeSpecifier(img), param);
        String format = "javax_imageio_jpeg_image_1.0";
        Node root = meta.getAsTree(format);
        NodeList tables = ((Element) root).getElementsByTagName("dqtable");
        for (int i = 0; i < tables.getLength(); i++) {
            IIOMetadataNode t = (IIOMetadataNode) tables.item(i);
            int id = Integer.parseInt(t.getAttribute("qtableId"));
            t.setUserObject(new JPEGQTable(id == 0 ? TABLES.lumaTable() : TABLES.chromaTable()));
        }
        meta.setFromTree(format, root);
        return meta;
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
