package org.lowfreq.corruptions;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.random.RandomGenerator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.lowfreq.spi.CorruptionGroup;
import org.lowfreq.spi.Resolution;

/**
 * A JPEG round trip at quality c, as the reference's Pillow save and reopen: IJG tables scaled as
 * libjpeg does, 4:2:0 chroma for colour, accurate integer DCT, fancy upsampling. Images made of
 * whole MCUs go through {@link LibjpegRoundTrip} (the codec's arithmetic without the lossless
 * entropy coding: a 32 px image in microseconds); others through the JDK's ImageIO codec (IJG
 * libjpeg 6b), which also serves as the cross-check in the tests.
 */
final class JpegCompression extends TableCorruption {
    static final double[][] C = {
            {80, 65, 58, 50, 40},
            {65, 58, 50, 40, 25},
            {25, 18, 15, 10, 7}};

    // ImageIO's service lookup costs more than coding a 32 px image, so each worker keeps its own
    // writer and reader (they are not thread-safe, and this corruption must be)
    private final ThreadLocal<ImageWriter> writers = ThreadLocal.withInitial(JpegCompression::newWriter);
    private final ThreadLocal<ImageReader> readers = ThreadLocal.withInitial(JpegCompression::newReader);

    JpegCompression() {
        super("jpeg_compression", CorruptionGroup.MEDIUM, false);
    }

    private static ImageWriter newWriter() {
        Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("jpeg");
        if (!it.hasNext()) {
            throw new IllegalStateException("this JDK has no JPEG writer");
        }
        return it.next();
    }

    private static ImageReader newReader() {
        Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName("jpeg");
        if (!it.hasNext()) {
            throw new IllegalStateException("this JDK has no JPEG reader");
        }
        return it.next();
    }

    /** The codec's arithmetic per quality (index = quality), immutable and shared by all threads. */
    private final LibjpegRoundTrip[] roundTrips = new LibjpegRoundTrip[101];

    {
        for (int q = 1; q <= 100; q++) {
            roundTrips[q] = new LibjpegRoundTrip(q);
        }
    }

    @Override
    float[] corrupt(float[] image, int h, int w, int c, int severity, Resolution table, RandomGenerator rng) {
        return Pixels.fromUint8(corruptUint8(image, h, w, c, severity, table, rng));
    }

    @Override
    int[] corruptUint8(float[] image, int h, int w, int c, int severity, Resolution table, RandomGenerator rng) {
        int quality = (int) value(C, table, severity);
        int[] u = Pixels.toUint8(image);
        if (LibjpegRoundTrip.handles(h, w, c)) {
            return roundTrip(quality).apply(u, h, w, c);
        }
        return viaImageIo(u, h, w, c, quality);
    }

    /** The JDK codec's round trip of a uint8 HWC image (c = 1 or 3). */
    int[] viaImageIo(int[] u, int h, int w, int c, int quality) {
        BufferedImage img = new BufferedImage(w, h, c == 3 ? BufferedImage.TYPE_3BYTE_BGR : BufferedImage.TYPE_BYTE_GRAY);
        byte[] data = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        for (int p = 0; p < h * w; p++) {
            if (c == 3) {
                data[3 * p] = (byte) u[3 * p + 2];
                data[3 * p + 1] = (byte) u[3 * p + 1];
                data[3 * p + 2] = (byte) u[3 * p];
            } else {
                data[p] = (byte) u[p];
            }
        }
        byte[] encoded = encode(writers.get(), img, quality / 100f);
        BufferedImage decoded = decode(readers.get(), encoded);
        int[] out = new int[u.length];
        var raster = decoded.getRaster();
        int[] px = new int[raster.getNumBands()];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                raster.getPixel(x, y, px);
                int o = (y * w + x) * c;
                for (int ch = 0; ch < c; ch++) {
                    out[o + ch] = px[Math.min(ch, px.length - 1)];
                }
            }
        }
        return out;
    }

    private LibjpegRoundTrip roundTrip(int quality) {
        return roundTrips[quality];
    }

    static BufferedImage decode(ImageReader reader, byte[] encoded) {
        try (var in = new MemoryCacheImageInputStream(new ByteArrayInputStream(encoded))) {
            reader.setInput(in);
            return reader.read(0);
        } catch (IOException e) {
            throw new UncheckedIOException("JPEG decoding failed", e);
        } finally {
            reader.setInput(null);
        }
    }

    static byte[] encode(ImageWriter writer, BufferedImage img, float quality) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (var out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(img, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("JPEG encoding failed", e);
        } finally {
            writer.setOutput(null);
        }
        return bytes.toByteArray();
    }
}
