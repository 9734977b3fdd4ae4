package org.lowfreq.corruptions;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.lowfreq.spi.Resolution;
import org.lowfreq.spi.UserInputException;

/**
 * The six frost photographs of the reference (hendrycks/robustness, ImageNet-C/create_c/),
 * found in a folder, verified by MD5 and decoded on first use, then kept resized per severity
 * table (the reference shrinks them by 0.2 for 32 px and 0.3 for 64 px images).
 */
public final class FrostImages {
    /** File name and MD5 of each photograph, in the reference's order. */
    static final List<String[]> FILES = List.of(
            new String[] {"frost1.png", "6ead634ace1f366d77e87078b465863c"},
            new String[] {"frost2.png", "98f0d2b1d74a048d3bc9c7ecfd886939"},
            new String[] {"frost3.png", "b3ed8eb147824261888e730f916c0d8b"},
            new String[] {"frost4.jpg", "d70b9d6aa0b1fe7bd8133b113787e078"},
            new String[] {"frost5.jpg", "50984ae2c871b7df2c28f1d71ca460a0"},
            new String[] {"frost6.jpg", "bd01b8fc7c34a4ff3265c6fb476cff7b"});
    static final double[] SCALE = {0.2, 0.3, 1.0};
    public static final String ENV = "LOWFREQ_FROST_DIR";

    /** One decoded RGB uint8 photograph. */
    record Photo(int height, int width, int[] rgb) {
    }

    private final Path dir;
    private final Map<Resolution, List<Photo>> cache = new EnumMap<>(Resolution.class);

    public FrostImages(Path dir) {
        this.dir = dir;
    }

    /** The folder named by {@code LOWFREQ_FROST_DIR}, else {@code ../shared/corruptions/frost}. */
    public static FrostImages fromEnvironment() {
        String env = System.getenv(ENV);
        return new FrostImages(Path.of(env != null && !env.isBlank() ? env : "../shared/corruptions/frost"));
    }

    public Path dir() {
        return dir;
    }

    /** The photographs scaled for a table (loaded and verified on first call). */
    synchronized List<Photo> photos(Resolution table) {
        List<Photo> p = cache.get(table);
        if (p == null) {
            List<Photo> originals = cache.containsKey(Resolution.IMAGENET_224) ? cache.get(Resolution.IMAGENET_224) : load();
            cache.put(Resolution.IMAGENET_224, originals);
            double scale = SCALE[table.ordinal()];
            p = scale == 1.0 ? originals : originals.stream().map(o -> {
                int[] size = new int[2];
                int[] r = OpenCvOps.resizeLinear(o.rgb(), o.height(), o.width(), 3, scale, size);
                return new Photo(size[0], size[1], r);
            }).toList();
            cache.put(table, p);
        }
        return p;
    }

    private List<Photo> load() {
        if (!Files.isDirectory(dir)) {
            throw new UserInputException("frost images folder " + dir.toAbsolutePath() + " does not exist",
                    "set " + ENV + " to the folder holding frost1.png .. frost6.jpg (from hendrycks/robustness, "
                            + "ImageNet-C/create_c/)");
        }
        return FILES.stream().map(f -> read(dir.resolve(f[0]), f[1])).toList();
    }

    private static Photo read(Path file, String md5) {
        if (!Files.isRegularFile(file)) {
            throw new UserInputException("frost image " + file.toAbsolutePath() + " is missing",
                    "copy it from hendrycks/robustness, ImageNet-C/create_c/, or set " + ENV);
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("MD5");
            byte[] bytes;
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                bytes = in.readAllBytes();
            }
            String actual = HexFormat.of().formatHex(digest.digest());
            if (!actual.equals(md5)) {
                throw new UserInputException("frost image " + file.toAbsolutePath() + " has MD5 " + actual
                        + ", expected " + md5, "replace it with the original from hendrycks/robustness");
            }
            BufferedImage img = ImageIO.read(new java.io.ByteArrayInputStream(bytes));
            if (img == null) {
                throw new UserInputException("cannot decode frost image " + file.toAbsolutePath());
            }
            int h = img.getHeight();
            int w = img.getWidth();
            int[] rgb = new int[h * w * 3];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int argb = img.getRGB(x, y);
                    int o = (y * w + x) * 3;
                    rgb[o] = (argb >> 16) & 0xFF;
                    rgb[o + 1] = (argb >> 8) & 0xFF;
                    rgb[o + 2] = argb & 0xFF;
                }
            }
            return new Photo(h, w, rgb);
        } catch (IOException e) {
            throw new UserInputException("cannot read frost image " + file.toAbsolutePath() + ": " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
