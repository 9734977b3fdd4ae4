package org.lowfreq.spi;

/** Which per-resolution severity table a corruption uses. */
public enum Resolution {
    /** CIFAR-10-C. */
    CIFAR_32(32),
    /** Tiny-ImageNet-C. */
    TINY_IMAGENET_64(64),
    /** ImageNet-C. */
    IMAGENET_224(224);

    private final int size;

    Resolution(int size) {
        this.size = size;
    }

    public int size() {
        return size;
    }

    /** The table for square images of this size; refuses sizes without one. */
    public static Resolution forSize(int height, int width) {
        for (Resolution r : values()) {
            if (r.size == height && r.size == width) {
                return r;
            }
        }
        throw new UserInputException("no corruption severity table for " + height + " x " + width + " images",
                "tables exist for 32, 64 and 224 px; name one explicitly (--table cifar32|tiny64|imagenet224) "
                        + "or resize the images");
    }

    public static Resolution parse(String s) {
        return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "cifar32", "32", "cifar" -> CIFAR_32;
            case "tiny64", "64", "tiny-imagenet" -> TINY_IMAGENET_64;
            case "imagenet224", "224", "imagenet" -> IMAGENET_224;
            default -> throw new UserInputException("unknown severity table '" + s + "'",
                    "use cifar32, tiny64 or imagenet224");
        };
    }
}
