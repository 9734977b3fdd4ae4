package org.lowfreq.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lowfreq.spi.Classifier;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.InMemoryDataset;
import org.lowfreq.spi.Norm;
import org.lowfreq.spi.Options;
import org.lowfreq.spi.ProgressListener;
import org.lowfreq.spi.TrainingSpec;
import org.lowfreq.tensorflow.SessionOptions;
import org.lowfreq.tensorflow.TensorFlowModelProvider;

/**
 * On a tiny trained TensorFlow ResNet, the sweep with the Brendel-Bethge refinement ends at a
 * median minimal epsilon no larger than the sweep with FMN, on the same images and targets (issue
 * 17, point 2). Both medians are printed.
 */
class BrendelBethgeResNetTest {
    private static final ImageShape SHAPE = new ImageShape(8, 8, 3);
    private static final int IMAGES = 12;
    private static final TensorFlowModelProvider PROVIDER = new TensorFlowModelProvider(SessionOptions.threads(1));
    @TempDir
    static Path dir;
    private static Path model;
    private static Images test;

    @BeforeAll
    static void train() {
        InMemoryDataset data = new InMemoryDataset("patterns", List.of("left", "right", "bottom"), SHAPE,
                Map.of("train", patterns(240, 3), "test", patterns(IMAGES, 4)));
        TrainingSpec spec = new TrainingSpec("baseline", "resnet18", 4, 0, 0, false, 2, 32, 0.05, 0, 1, 0, 0, false,
                Options.EMPTY);
        model = PROVIDER.trainer().orElseThrow().train(spec, data, dir.resolve("m"), ProgressListener.NONE);
        test = data.readAll("test");
    }

    /** Three learnable classes: a bright square top-left, top-right or in the bottom half, on noise. */
    private static Images patterns(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] px = new float[n * SHAPE.size()];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int c = rng.nextInt(3);
            labels[i] = c;
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    boolean on = c == 0 ? y < 4 && x < 4 : c == 1 ? y < 4 && x >= 4 : y >= 4;
                    for (int ch = 0; ch < 3; ch++) {
                        px[i * SHAPE.size() + (y * 8 + x) * 3 + ch] = (float) (0.3 * rng.nextDouble() + (on ? 0.6 : 0.1));
                    }
                }
            }
        }
        return new Images(n, SHAPE, px, labels);
    }

    @ParameterizedTest
    @EnumSource(Norm.class)
    void brendelBethgesMedianEpsilonIsAtMostFmns(Norm norm, @TempDir Path out) {
        ProtocolSettings fmn = ProtocolSettings.defaults(norm, IMAGES).withBatchSize(IMAGES);
        ProtocolSettings bb = fmn.withRefinement(Refinement.BB);
        int[] targets = MinimalEpsilonProtocol.targets(test.labels(), 0);
        try (Classifier m = PROVIDER.load(model)) {
            MinimalEpsilonProtocol.Outcome withFmn = new MinimalEpsilonProtocol(fmn).run(m, test, targets, out.resolve("fmn"),
                    ProgressListener.NONE);
            MinimalEpsilonProtocol.Outcome withBb = new MinimalEpsilonProtocol(bb).run(m, test, targets, out.resolve("bb"),
                    ProgressListener.NONE);
            double medianFmn = EpsilonStatistics.medianOfSuccesses(withFmn.minimalEpsilon());
            double medianBb = EpsilonStatistics.medianOfSuccesses(withBb.minimalEpsilon());
            System.out.printf("tiny ResNet, %s, %d images: median minimal epsilon over successes: sweep + FMN %.6f "
                            + "(%d found, %.1f s), sweep + Brendel-Bethge %.6f (%d found, %.1f s)%n", norm.label(), IMAGES,
                    medianFmn, withFmn.found(), withFmn.seconds(), medianBb, withBb.found(), withBb.seconds());
            for (int i = 0; i < IMAGES; i++) {
                System.out.printf("  image %d: FMN %.6f  BB %.6f %s%n", i, withFmn.minimalEpsilon()[i],
                        withBb.minimalEpsilon()[i], withBb.notes()[i]);
            }
            assertThat(withBb.found()).isEqualTo(withFmn.found()); // both start from the same PGD sweep
            assertThat(withFmn.found()).isGreaterThanOrEqualTo(IMAGES / 2);
            assertThat(medianBb).isLessThanOrEqualTo(medianFmn);
        }
    }
}
