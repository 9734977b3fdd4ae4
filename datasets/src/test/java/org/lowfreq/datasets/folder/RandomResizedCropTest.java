package org.lowfreq.datasets.folder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class RandomResizedCropTest {
    private static final RandomResizedCrop RRC = RandomResizedCrop.IMAGENET;

    @Test
    void boxesRespectTheScaleAndRatioBoundsAndFit() {
        SplittableRandom rng = new SplittableRandom(1);
        int w = 500;
        int h = 375;
        double minArea = 1;
        double maxArea = 0;
        for (int t = 0; t < 5000; t++) {
            CropBox b = RRC.box(w, h, rng);
            assertThat(b.fitsIn(w, h)).as(b.toString()).isTrue();
            double area = (double) b.width() * b.height() / (w * h);
            double ratio = (double) b.width() / b.height();
            // rounding each side to whole pixels moves area and ratio by at most about one pixel
            assertThat(area).isBetween(0.08 - 2.0 * (b.width() + b.height()) / (w * h), 1.0);
            assertThat(ratio).isBetween(0.75 * (1 - 1.0 / b.height()) - 1e-9, 4.0 / 3.0 * (1 + 1.0 / b.height()) + 1e-9);
            minArea = Math.min(minArea, area);
            maxArea = Math.max(maxArea, area);
        }
        assertThat(minArea).isLessThan(0.1);
        assertThat(maxArea).isGreaterThan(0.8);
    }

    @Test
    void positionIsUniformOverTheFreeRange() {
        // a full-height 4:3 box in a 4:3 image has no freedom; small boxes range over the whole image
        SplittableRandom rng = new SplittableRandom(2);
        int left = 0;
        int right = 0;
        for (int t = 0; t < 2000; t++) {
            CropBox b = RRC.box(400, 300, rng);
            if (b.x() + b.width() / 2 < 200) {
                left++;
            } else {
                right++;
            }
        }
        assertThat((double) left / (left + right)).isCloseTo(0.5, within(0.05));
    }

    @Test
    void fallbackIsTheCentralCropAtTheNearestAllowedRatio() {
        // 1000 x 10: every try is too tall or too wide; torchvision falls back to h = 10, w = round(10 x 4/3) = 13
        CropBox wide = RRC.box(1000, 10, new SplittableRandom(3));
        assertThat(wide).isEqualTo(new CropBox((1000 - 13) / 2, 0, 13, 10));
        CropBox tall = RRC.fallback(10, 1000);
        assertThat(tall).isEqualTo(new CropBox(0, (1000 - 13) / 2, 10, 13));
        assertThat(RRC.fallback(40, 40)).isEqualTo(new CropBox(0, 0, 40, 40));
    }

    /** An image whose red channel is the column and green the row: the output shows where it was cut from. */
    private static BufferedImage coordinates(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, (x << 16) | (y << 8));
            }
        }
        return img;
    }

    @Test
    void theViewCutsTheDrawnBoxResizesItAndFlipsWhenDrawn() {
        BufferedImage img = coordinates(250, 200);
        ImageView view = ImageViews.randomResizedCrop(32, RRC);
        int flips = 0;
        for (long seed = 0; seed < 40; seed++) {
            // replay the stream the view draws from: the box, then the flip
            SplittableRandom replay = new SplittableRandom(seed);
            CropBox b = RRC.box(250, 200, replay);
            boolean flip = replay.nextBoolean();
            flips += flip ? 1 : 0;
            float[] out = new float[32 * 32 * 3];
            view.render(img, new SplittableRandom(seed), out, 0);
            int leftCol = flip ? 31 : 0;
            int rightCol = flip ? 0 : 31;
            // columns and rows of the output run across the box (bilinear: within about one source pixel per output pixel)
            double tol = 1.5 + Math.max(b.width(), b.height()) / 32.0;
            assertThat(out[3 * leftCol] * 255).isCloseTo((float) b.x(), within((float) tol));
            assertThat(out[3 * rightCol] * 255).isCloseTo((float) (b.x() + b.width() - 1), within((float) tol));
            assertThat(out[1] * 255).isCloseTo((float) b.y(), within((float) tol));
            assertThat(out[3 * (31 * 32) + 1] * 255).isCloseTo((float) (b.y() + b.height() - 1), within((float) tol));
        }
        assertThat(flips).isBetween(8, 32);
    }

    @Test
    void padCropFlipShiftsByAtMostThePadAndReflects() {
        BufferedImage img = coordinates(64, 64);
        ImageView view = ImageViews.padCropFlip(64, 4);
        for (long seed = 0; seed < 20; seed++) {
            SplittableRandom replay = new SplittableRandom(seed);
            int dy = replay.nextInt(9) - 4;
            int dx = replay.nextInt(9) - 4;
            boolean flip = replay.nextBoolean();
            float[] out = new float[64 * 64 * 3];
            view.render(img, new SplittableRandom(seed), out, 0);
            for (int y = 0; y < 64; y += 9) {
                for (int x = 0; x < 64; x += 7) {
                    int sx = reflect((flip ? 63 - x : x) + dx);
                    int sy = reflect(y + dy);
                    int o = 3 * (y * 64 + x);
                    assertThat(Math.round(out[o] * 255)).isEqualTo(sx);
                    assertThat(Math.round(out[o + 1] * 255)).isEqualTo(sy);
                }
            }
        }
    }

    private static int reflect(int i) {
        return i < 0 ? -i : i > 63 ? 126 - i : i;
    }

    @Test
    void evaluationTakesCropSizedImagesAsTheyAreOnlyWhenAsked() {
        BufferedImage img = coordinates(224, 224);
        float[] taken = new float[224 * 224 * 3];
        ImageViews.evaluation(256, 224, true).render(img, null, taken, 0);
        assertThat(Math.round(taken[3 * 223] * 255)).isEqualTo(223);
        assertThat(Math.round(taken[3 * (100 * 224 + 7) + 1] * 255)).isEqualTo(100);
        float[] resized = new float[224 * 224 * 3];
        ImageViews.evaluation(256, 224, false).render(img, null, resized, 0);
        // 224 -> 256 then the central 224: column 0 shows source column (16 + 0.5) x 224/256 - 0.5 = 13.9
        assertThat(resized[0] * 255).isCloseTo(13.9f, within(1f));
    }
}
