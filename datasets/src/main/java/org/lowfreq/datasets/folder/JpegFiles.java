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

/** Writes RGB images as baseline JPEG files with the JDK's ImageIO, atomically. */
public final class JpegFiles {
    private JpegFiles() {
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
