package org.lowfreq.datasets.folder;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.lowfreq.spi.AtomicFiles;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Images;

/** Writes RGB images as baseline JPEG files with the JDK's ImageIO, atomically. */
public final class JpegFiles {
    private JpegFiles() {
    }

    /**
     * Writes image {@code i} of {@code images} (RGB or one channel, floats in [0, 1], rounded to
     * 8 bits) as a JPEG, e.g. a corrupted image in the published -C sets' folder layout.
     */
    public static void write(Images images, int i, Path file, float quality) {
        ImageShape s = images.shape();
        BufferedImage img = new BufferedImage(s.width(), s.height(),
                s.channels() == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        float[] px = images.pixels();
        int o = images.offset(i);
        int c = s.channels();
        for (int y = 0; y < s.height(); y++) {
            for (int x = 0; x < s.width(); x++) {
                int k = o + (y * s.width() + x) * c;
                if (c == 1) {
                    img.getRaster().setSample(x, y, 0, byte8(px[k]));
                } else {
                    img.setRGB(x, y, (byte8(px[k]) << 16) | (byte8(px[k + 1]) << 8) | byte8(px[k + 2]));
                }
            }
        }
        write(img, file, quality);
    }

    private static int byte8(float v) {
        return Math.round(Math.max(0f, Math.min(1f, v)) * 255f);
    }

    /** Writes {@code img} (any RGB type) to {@code file} at {@code quality} in (0, 1]. */
    public static void write(BufferedImage img, Path file, float quality) {
        AtomicFiles.write(file, out -> {
            Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
            if (!writers.hasNext()) {
                throw new IOException("this JDK has no JPEG writer");
            }
            ImageWriter w = writers.next();
            try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
                w.setOutput(ios);
                ImageWriteParam p = w.getDefaultWriteParam();
                p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                p.setCompressionQuality(quality);
                w.write(null, new IIOImage(img, null, null), p);
            } finally {
                w.dispose();
            }
        });
    }
}
