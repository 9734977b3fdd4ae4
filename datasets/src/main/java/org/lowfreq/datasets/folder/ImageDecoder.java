package org.lowfreq.datasets.folder;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.lowfreq.datasets.stream.UnreadableExampleException;

/**
 * Decodes one image file with the JDK's ImageIO (JPEG, PNG, BMP, GIF). A file that is missing,
 * truncated or not an image becomes an {@link UnreadableExampleException} naming its path, which the
 * loader refuses or skips as asked.
 *
 * <p>Strict where it matters: ImageIO's JPEG reader decodes a truncated file without an exception
 * (it fills the missing rows with grey and only warns "Premature end of JPEG file"), so that warning
 * counts as a failure here: a half-grey image would otherwise be trained on silently. Other warnings
 * (extraneous bytes before a marker, a CMYK file without an ICC profile) leave a complete image and
 * are ignored, as libjpeg-based readers do.
 *
 * <p>The JDK 17 reader also decodes Adobe CMYK and YCCK JPEGs (ImageNet's training split has a few),
 * so no ImageIO plugin is needed.
 */
public final class ImageDecoder {
    private ImageDecoder() {
    }

    public static BufferedImage decode(Path file) {
        List<String> warnings = new ArrayList<>();
        BufferedImage img;
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new UnreadableExampleException(file.toString(), "missing or not readable", null);
        }
        // a File gives a RandomAccessFile-backed stream: no temporary cache file per image
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new UnreadableExampleException(file.toString(),
                        "not an image format ImageIO can decode (JPEG, PNG, BMP, GIF)", null);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                img = reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnreadableExampleException u) {
                throw u;
            }
            // ImageIO signals some damaged files with runtime exceptions (e.g. IndexOutOfBounds)
            throw new UnreadableExampleException(file.toString(), "not a decodable image (" + e.getMessage() + ")", e);
        }
        List<String> damage = warnings.stream().filter(ImageDecoder::isTruncation).toList();
        if (!damage.isEmpty()) {
            throw new UnreadableExampleException(file.toString(), "damaged image (" + String.join("; ", damage) + ")", null);
        }
        return img;
    }

    /** Whether a file name is one of the image kinds image folders hold (.png, .jpg, .jpeg, any case). */
    public static boolean isImageName(Path p) {
        String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg");
    }

    /** A warning that says the image data stops early (the rest of the image would be invented). */
    static boolean isTruncation(String warning) {
        return warning != null && warning.toLowerCase(java.util.Locale.ROOT).contains("premature end");
    }
}
