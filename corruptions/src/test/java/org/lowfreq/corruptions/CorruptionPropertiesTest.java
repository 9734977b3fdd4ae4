package org.lowfreq.corruptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lowfreq.spi.Corruption;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Resolution;
import org.lowfreq.spi.UserInputException;

class CorruptionPropertiesTest {
    private static final Corruptions CORRUPTIONS = new Corruptions(TestData.frost());
    /** Corruptions whose CIFAR-10-C table grows monotonically in strength. */
    private static final Set<String> MONOTONE = Set.of("gaussian_noise", "shot_noise", "impulse_noise", "speckle_noise",
            "defocus_blur", "motion_blur", "zoom_blur", "gaussian_blur", "brightness", "contrast", "pixelate",
            "jpeg_compression", "fog");

    static List<Corruption> all() {
        return CORRUPTIONS.all();
    }

    @Test
    void nineteenInTheOfficialOrder() {
        assertThat(all()).extracting(Corruption::name).containsExactly("gaussian_noise", "shot_noise",
                "impulse_noise", "defocus_blur", "glass_blur", "motion_blur", "zoom_blur", "snow", "frost", "fog",
                "brightness", "contrast", "elastic_transform", "pixelate", "jpeg_compression", "speckle_noise",
                "gaussian_blur", "spatter", "saturate");
        assertThat(CORRUPTIONS.common()).hasSize(15);
        assertThat(CORRUPTIONS.select("extra")).extracting(Corruption::name)
                .containsExactly("speckle_noise", "gaussian_blur", "spatter", "saturate");
        assertThatThrownBy(() -> CORRUPTIONS.byName("rain")).isInstanceOf(UserInputException.class)
                .hasMessageContaining("rain");
    }

    @ParameterizedTest
    @MethodSource("all")
    void keepsShapeAndRangeAndChangesTheImageAtEverySeverity(Corruption c) {
        ImageShape shape = TestData.CIFAR;
        for (int s = 1; s <= 5; s++) {
            for (int k = 0; k < 3; k++) {
                float[] x = TestData.synthetic(shape, k);
                float[] copy = x.clone();
                float[] y = c.apply(x, shape, s, Resolution.CIFAR_32, new SplittableRandom(k * 10 + s));
                assertThat(x).as("input untouched").containsExactly(copy);
                assertThat(y).hasSize(x.length);
                for (float v : y) {
                    assertThat(v).isBetween(0f, 1f);
                }
                assertThat(meanSquaredChange(x, y)).as(c.name() + " severity " + s).isGreaterThan(0);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("all")
    void meanSquaredChangeGrowsWithSeverityWhereTheTableIsMonotone(Corruption c) {
        if (!MONOTONE.contains(c.name())) {
            return;
        }
        double previous = 0;
        double first = 0;
        for (int s = 1; s <= 5; s++) {
            double mse = 0;
            for (int k = 0; k < 12; k++) {
                float[] x = TestData.synthetic(TestData.CIFAR, 100 + k);
                mse += meanSquaredChange(x, c.apply(x, TestData.CIFAR, s, Resolution.CIFAR_32, new SplittableRandom(k)));
            }
            // non-decreasing: motion blur's severities 3 (radius 6, sigma 2) and 4 (radius 8, sigma 2)
            // differ only in kernel taps beyond 3 sigma, so they coincide after rounding, as in the reference
            assertThat(mse).as(c.name() + " severity " + s).isGreaterThanOrEqualTo(previous);
            if (s == 1) {
                first = mse;
            }
            previous = mse;
        }
        assertThat(previous).as(c.name() + " severity 5 vs 1").isGreaterThan(first * 1.1);
    }

    @ParameterizedTest
    @MethodSource("all")
    void sameSeedSameOutputAndOtherResolutionsWork(Corruption c) {
        float[] x = TestData.synthetic(TestData.CIFAR, 7);
        float[] a = c.apply(x, TestData.CIFAR, 3, Resolution.CIFAR_32, new SplittableRandom(42));
        float[] b = c.apply(x, TestData.CIFAR, 3, Resolution.CIFAR_32, new SplittableRandom(42));
        assertThat(a).containsExactly(b);
        ImageShape tiny = new ImageShape(64, 64, 3);
        float[] t = c.apply(TestData.synthetic(tiny, 1), tiny, 5, Resolution.TINY_IMAGENET_64, new SplittableRandom(1));
        assertThat(t).hasSize(tiny.size());
        ImageShape gray = new ImageShape(32, 32, 1);
        float[] g = c.apply(TestData.synthetic(gray, 1), gray, 4, Resolution.CIFAR_32, new SplittableRandom(1));
        assertThat(g).hasSize(gray.size());
    }

    @Test
    void imagenetTableRunsAt224() {
        ImageShape big = new ImageShape(224, 224, 3);
        float[] x = TestData.synthetic(big, 3);
        for (Corruption c : all()) {
            float[] y = c.apply(x, big, 5, Resolution.IMAGENET_224, new SplittableRandom(5));
            assertThat(meanSquaredChange(x, y)).as(c.name()).isGreaterThan(0);
        }
    }

    @Test
    void refusesBadSeverityAndSizesWithoutATable() {
        Corruption c = CORRUPTIONS.byName("contrast");
        float[] x = TestData.synthetic(TestData.CIFAR, 1);
        assertThatThrownBy(() -> c.apply(x, TestData.CIFAR, 6, Resolution.CIFAR_32, new SplittableRandom(1)))
                .isInstanceOf(UserInputException.class).hasMessageContaining("severity 6");
        assertThatThrownBy(() -> Resolution.forSize(28, 28)).isInstanceOf(UserInputException.class);
    }

    static double meanSquaredChange(float[] x, float[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double d = y[i] - x[i];
            s += d * d;
        }
        return s / x.length;
    }
}
