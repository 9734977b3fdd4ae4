package org.lowfreq.corruptions;

import java.util.List;
import java.util.random.RandomGenerator;
import org.lowfreq.spi.CorruptionGroup;
import org.lowfreq.spi.Resolution;
import org.lowfreq.spi.UserInputException;

/**
 * c0 x + c1 frost on the uint8 scale, the frost being a random crop of one of the first five
 * photographs (the reference draws randint(5), so frost6 is never used).
 */
final class Frost extends TableCorruption {
    static final double[][][] C = {
            {{1, 0.2}, {1, 0.3}, {0.9, 0.4}, {0.85, 0.4}, {0.75, 0.45}},
            {{1, 0.3}, {0.9, 0.4}, {0.8, 0.45}, {0.75, 0.5}, {0.7, 0.55}},
            {{1, 0.4}, {0.8, 0.6}, {0.7, 0.7}, {0.65, 0.7}, {0.6, 0.75}}};

    private final FrostImages images;

    Frost(FrostImages images) {
        super("frost", CorruptionGroup.LOW, false);
        this.images = images;
    }

    @Override
    boolean needsColour() {
        return true;
    }

    @Override
    float[] corrupt(float[] image, int h, int w, int c, int severity, Resolution table, RandomGenerator rng) {
        double[] p = row(C, table, severity);
        List<FrostImages.Photo> photos = images.photos(table);
        FrostImages.Photo photo = photos.get(Sampling.randint(rng, 0, 5));
        if (photo.height() <= h || photo.width() <= w) {
            throw new UserInputException("frost photographs (" + photo.height() + " x " + photo.width()
                    + " at this table) are too small for " + h + " x " + w + " images",
                    "use the table of the images' resolution");
        }
        int y0 = Sampling.randint(rng, 0, photo.height() - h);
        int x0 = Sampling.randint(rng, 0, photo.width() - w);
        int[] u = Pixels.toUint8(image);
        float[] out = new float[image.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int f = ((y0 + y) * photo.width() + x0 + x) * 3;
                int o = (y * w + x) * 3;
                for (int ch = 0; ch < 3; ch++) {
                    double v = p[0] * u[o + ch] + p[1] * photo.rgb()[f + ch];
                    out[o + ch] = (float) (Math.min(255.0, Math.max(0.0, v)) / 255.0);
                }
            }
        }
        return out;
    }
}
