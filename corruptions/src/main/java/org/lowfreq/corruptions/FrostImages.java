package org.lowfreq.corruptions;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The six frost photographs of the reference (hendrycks/robustness, ImageNet-C/create_c/,
 * Apache-2.0). By default the copies shipped in this jar; an override folder ({@code --frost-dir},
 * else {@code LOWFREQ_FROST_DIR}) is checked file by file against the MD5s when it is chosen, so a
 * wrong folder is refused before any work starts. Photographs are decoded on first use and kept
 * resized per severity table (the reference shrinks them by 0.2 for 32 px and 0.3 for 64 px).
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
    /** The environment variable that overrides the bundled photographs. */
    public static final String ENV = "LOWFREQ_FROST_DIR";
    /** The command-line option that overrides the bundled photographs (and the variable). */
    public static final String FLAG = "--frost-dir";
    private static final String RESOURCE_FOLDER = "frost/";

    /** One decoded RGB uint8 photograph. */
    record Photo(int height, int width, int[] rgb) {
    }

    /** Null for the copies in this jar. */
    private final Path dir;
    private final Map<Resolution, List<Photo>> cache = new EnumMap<>(Resolution.class);

    private FrostImages(Path dir) {
        this.dir = dir;
    }

    /** The photographs shipped in this jar. */
    public static FrostImages bundled() {
        return new FrostImages(null);
    }

    /**
     * The photographs in {@code dir}, checked now: all six present with their MD5s.
     *
     * @throws UserInputException naming the folder, the flag and the variable when a file is missing or differs
     */
    public static FrostImages folder(Path dir) {
        FrostImages f = new FrostImages(dir);
        if (!Files.isDirectory(dir)) {
            throw new UserInputException("frost folder " + dir.toAbsolutePath() + " does not exist (given by " + FLAG
                    + " or " + ENV + ")", f.overrideHint());
        }
        for (String[] file : FILES) {
            f.bytes(file[0], file[1]);
        }
        return f;
    }

    /** {@code flag} when given, else the value of {@code LOWFREQ_FROST_DIR} when set, else the bundled copies. */
    public static FrostImages resolve(Path flag, String environmentValue) {
        if (flag != null) {
            return folder(flag);
        }
        if (environmentValue != null && !environmentValue.isBlank()) {
            return folder(Path.of(environmentValue));
        }
        return bundled();
    }

    /**
     * Like {@link #resolve}, but an override folder is checked only when frost is first generated
     * (with the same messages): for plugin discovery, which must not fail for commands that never
     * generate frost.
     */
    public static FrostImages resolveOnFirstUse(Path flag, String environmentValue) {
        if (flag != null) {
            return new FrostImages(flag);
        }
        if (environmentValue != null && !environmentValue.isBlank()) {
            return new FrostImages(Path.of(environmentValue));
        }
        return bundled();
    }

    /** {@link #resolve} with this process's {@code LOWFREQ_FROST_DIR}. */
    public static FrostImages fromEnvironment(Path flag) {
        return resolve(flag, System.getenv(ENV));
    }

    /** Where the photographs come from, for logs: the override folder or "bundled". */
    public String origin() {
        return dir == null ? "bundled" : dir.toString();
    }

    /** The photographs scaled for a table (loaded and verified on first call). */
    synchronized List<Photo> photos(Resolution table) {
        List<Photo> p = cache.get(table);
        if (p == null) {
            List<Photo> originals = cache.containsKey(Resolution.IMAGENET_224) ? cache.get(Resolution.IMAGENET_224)
                    : FILES.stream().map(f -> decode(f[0], bytes(f[0], f[1]))).toList();
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

    private String overrideHint() {
        return "point " + FLAG + " (or " + ENV + ") at a folder holding the six originals frost1.png .. frost6.jpg "
                + "of hendrycks/robustness, ImageNet-C/create_c/, or set neither to use the copies in the jar";
    }

    private byte[] bytes(String name, String md5) {
        byte[] bytes;
        String where;
        if (dir == null) {
            where = "bundled " + RESOURCE_FOLDER + name;
            try (InputStream in = FrostImages.class.getResourceAsStream(RESOURCE_FOLDER + name)) {
                if (in == null) {
                    throw new IllegalStateException("the corruptions jar lacks " + where);
                }
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + where, e);
            }
        } else {
            Path file = dir.resolve(name);
            where = file.toAbsolutePath().toString();
            if (!Files.isRegularFile(file)) {
                throw new UserInputException("frost image " + where + " is missing (folder given by " + FLAG
                        + " or " + ENV + ")", overrideHint());
            }
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UserInputException("cannot read frost image " + where + ": " + e.getMessage(), overrideHint());
            }
        }
        String actual = md5(bytes);
        if (!actual.equals(md5)) {
            if (dir == null) {
                throw new IllegalStateException(where + " has MD5 " + actual + ", expected " + md5);
            }
            throw new UserInputException("frost image " + where + " has MD5 " + actual + ", expected " + md5
                    + " (folder given by " + FLAG + " or " + ENV + ")", overrideHint());
        }
        return bytes;
    }

    static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no MD5", e);
        }
    }

    private Photo decode(String name, byte[] bytes) {
        BufferedImage img;
        try {
            img = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            img = null;
        }
        if (img == null) {
            throw new IllegalStateException("cannot decode frost image " + name + " from " + origin());
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
    }
}
