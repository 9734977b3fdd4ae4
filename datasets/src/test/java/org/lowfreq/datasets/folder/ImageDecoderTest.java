package org.lowfreq.datasets.folder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowfreq.datasets.stream.UnreadableExampleException;

class ImageDecoderTest {
    @TempDir
    Path dir;

    @Test
    void fourChannelJpegsDecodeToRgb() throws Exception {
        // ImageNet's training split holds a few CMYK JPEGs; they must decode, not be reported unreadable
        WritableRaster r = Raster.createBandedRaster(java.awt.image.DataBuffer.TYPE_BYTE, 24, 16, 4, null);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 24; x++) {
                r.setPixel(x, y, new int[] {30, 120, 200, 10});
            }
        }
        Path f = dir.resolve("cmyk.JPEG");
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter w = writers.next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(f.toFile())) {
            w.setOutput(out);
            w.write(null, new IIOImage(r, null, null), null);
        } finally {
            w.dispose();
        }
        // the Adobe APP14 marker (transform 2) that makes the four channels YCCK, as Photoshop writes CMYK files
        byte[] jpeg = java.nio.file.Files.readAllBytes(f);
        byte[] adobe = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 2};
        byte[] marked = new byte[jpeg.length + adobe.length];
        System.arraycopy(jpeg, 0, marked, 0, 2);
        System.arraycopy(adobe, 0, marked, 2, adobe.length);
        System.arraycopy(jpeg, 2, marked, 2 + adobe.length, jpeg.length - 2);
        java.nio.file.Files.write(f, marked);
        BufferedImage img = ImageDecoder.decode(f);
        assertThat(img.getWidth()).isEqualTo(24);
        assertThat(img.getHeight()).isEqualTo(16);
        BufferedImage rgb = org.lowfreq.datasets.ImageResize.toRgb(img);
        assertThat(rgb.getRGB(3, 4)).isEqualTo(rgb.getRGB(20, 12)); // a flat colour stays flat
    }

    @Test
    void missingFileAndTextAreNamed() {
        Path missing = dir.resolve("absent.JPEG");
        assertThatThrownBy(() -> ImageDecoder.decode(missing)).isInstanceOf(UnreadableExampleException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("missing");
        Path text = org.lowfreq.datasets.testing.SyntheticImageTrees.textAsImage(dir.resolve("t.JPEG"));
        assertThatThrownBy(() -> ImageDecoder.decode(text)).isInstanceOf(UnreadableExampleException.class)
                .hasMessageContaining(text.toString()).satisfies(e ->
                        assertThat(((UnreadableExampleException) e).source()).isEqualTo(text.toString()));
    }

    @Test
    void imagesWrittenAsJpegReadBackCloseToTheirValues() {
        float[] px = new float[2 * 16 * 16 * 3];
        for (int k = 0; k < 16 * 16; k++) {
            px[3 * k] = 0.8f;
            px[3 * k + 1] = 0.2f;
            px[3 * k + 2] = 0.5f;
            px[768 + 3 * k] = 0.1f;
            px[768 + 3 * k + 1] = 0.9f;
            px[768 + 3 * k + 2] = 0.3f;
        }
        org.lowfreq.spi.Images imgs = new org.lowfreq.spi.Images(2, new org.lowfreq.spi.ImageShape(16, 16, 3), px, null);
        Path f = dir.resolve("fog/3/n01/b.JPEG");
        JpegFiles.write(imgs, 1, f, 0.95f);
        int rgb = ImageDecoder.decode(f).getRGB(7, 9);
        // a flat colour survives JPEG within a few levels (chroma subsampling of a flat image loses nothing)
        assertThat((rgb >> 16) & 0xff).isCloseTo(Math.round(0.1f * 255), org.assertj.core.api.Assertions.within(3));
        assertThat((rgb >> 8) & 0xff).isCloseTo(Math.round(0.9f * 255), org.assertj.core.api.Assertions.within(3));
        assertThat(rgb & 0xff).isCloseTo(Math.round(0.3f * 255), org.assertj.core.api.Assertions.within(3));
    }
}
