package org.lowfreq.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.InMemoryDataset;
import org.lowfreq.spi.Loss;
import org.lowfreq.spi.LossGradient;
import org.lowfreq.spi.Options;
import org.lowfreq.spi.ProgressListener;
import org.lowfreq.spi.TrainingSpec;
import org.lowfreq.spi.UserInputException;

class DenseClassifierTest {
    private static final ImageShape SHAPE = new ImageShape(4, 4, 3);

    private static Images randomImages(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] px = new float[n * SHAPE.size()];
        for (int i = 0; i < px.length; i++) {
            px[i] = (float) (0.2 + 0.6 * r.nextDouble());
        }
        return new Images(n, SHAPE, px);
    }

    @ParameterizedTest(name = "hidden={0} loss={1}")
    @CsvSource({"0, CROSS_ENTROPY", "0, LOGIT_MARGIN", "8, CROSS_ENTROPY", "8, LOGIT_MARGIN"})
    void inputGradientMatchesCentralFiniteDifferences(int hidden, Loss loss) {
        DenseClassifier model = new DenseClassifier(DenseClassifier.card("m", "mlp", SHAPE, 5),
                DenseWeights.random(SHAPE.size(), hidden, 5, 11));
        Images x = randomImages(3, 5);
        int[] targets = {1, 4, 0};
        LossGradient g = model.lossGradient(x, targets, loss);
        double h = 1e-3;
        SplittableRandom pick = new SplittableRandom(3);
        for (int probe = 0; probe < 40; probe++) {
            int k = pick.nextInt(x.pixels().length);
            int i = k / SHAPE.size();
            float[] plus = x.pixels().clone();
            float[] minus = x.pixels().clone();
            plus[k] += (float) h;
            minus[k] -= (float) h;
            double fd = (model.lossGradient(x.withPixels(plus), targets, loss).loss()[i]
                    - model.lossGradient(x.withPixels(minus), targets, loss).loss()[i]) / (2 * h);
            assertThat((double) g.gradient()[k]).as("pixel %d", k).isCloseTo(fd, org.assertj.core.data.Offset.offset(2e-3));
        }
    }

    @Test
    void crossEntropyLossIsMinusLogSoftmaxOfTheTarget() {
        DenseClassifier model = DenseClassifier.linear("l", new ImageShape(1, 1, 1), 2, new float[] {1, -1}, new float[] {0, 0});
        Images x = new Images(1, new ImageShape(1, 1, 1), new float[] {0.5f});
        // logits 0.5 and -0.5: -log(e^-0.5 / (e^0.5 + e^-0.5)) = log(1 + e)
        assertThat((double) model.lossGradient(x, new int[] {1}, Loss.CROSS_ENTROPY).loss()[0])
                .isCloseTo(Math.log(1 + Math.E), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(model.lossGradient(x, new int[] {1}, Loss.LOGIT_MARGIN).loss()[0]).isEqualTo(1f);
    }

    @Test
    void trainsToSeparateTwoBrightnessClassesAndRoundTripsOnDisk(@TempDir Path dir) {
        SplittableRandom r = new SplittableRandom(0);
        int n = 200;
        float[] px = new float[n * SHAPE.size()];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            for (int j = 0; j < SHAPE.size(); j++) {
                px[i * SHAPE.size() + j] = (float) (labels[i] == 0 ? 0.3 * r.nextDouble() : 0.7 + 0.3 * r.nextDouble());
            }
        }
        Images imgs = new Images(n, SHAPE, px, labels);
        InMemoryDataset ds = new InMemoryDataset("toy", java.util.List.of("dark", "bright"), SHAPE,
                Map.of("train", imgs, "test", imgs));
        TrainingSpec spec = new TrainingSpec("baseline", "mlp", 6, 0, 0, false, 5, 16, 0.5, 3, 1, 0, 0, false, Options.EMPTY);
        Path out = new SgdTrainer().train(spec, ds, dir.resolve("toy-mlp"), ProgressListener.NONE);
        ReferenceModelProvider provider = new ReferenceModelProvider();
        assertThat(provider.canLoad(out)).isTrue();
        try (var loaded = provider.load(out)) {
            assertThat(loaded.card().cleanAccuracy()).isGreaterThan(0.95);
            assertThat(SgdTrainer.accuracy((DenseClassifier) loaded, imgs)).isEqualTo(loaded.card().cleanAccuracy());
        }
        // same seed, same weights
        Path again = new SgdTrainer().train(spec, ds, dir.resolve("again"), ProgressListener.NONE);
        assertThat(((DenseClassifier) provider.load(again)).weights().w1())
                .isEqualTo(((DenseClassifier) provider.load(out)).weights().w1());
    }

    @Test
    void refusesTruncatedWeights(@TempDir Path dir) throws Exception {
        DenseClassifier model = new DenseClassifier(DenseClassifier.card("m", "linear", SHAPE, 3),
                DenseWeights.random(SHAPE.size(), 0, 3, 1));
        ReferenceModelProvider.save(model, dir);
        Path w = dir.resolve(ReferenceModelProvider.WEIGHTS);
        byte[] bytes = Files.readAllBytes(w);
        Files.write(w, java.util.Arrays.copyOf(bytes, bytes.length - 1));
        assertThatThrownBy(() -> new ReferenceModelProvider().load(dir))
                .isInstanceOf(UserInputException.class).hasMessageContaining("weights.bin").hasMessageContaining("truncated");
    }

    @Test
    void everyFlippedByteOfTheWeightsIsRefusedNamingTheFile(@TempDir Path dir) throws Exception {
        DenseClassifier model = new DenseClassifier(DenseClassifier.card("m", "linear", SHAPE, 3),
                DenseWeights.random(SHAPE.size(), 0, 3, 1));
        ReferenceModelProvider.save(model, dir);
        Path w = dir.resolve(ReferenceModelProvider.WEIGHTS);
        byte[] good = Files.readAllBytes(w);
        // header (4 ints) + 48 x 3 weights + 3 biases + the CRC32C
        assertThat(good).hasSize(16 + (48 * 3 + 3) * 4 + 4);
        java.util.List<String> warnings = new java.util.ArrayList<>();
        ReferenceModelProvider provider = new ReferenceModelProvider(warnings::add);
        for (int k = 0; k < good.length; k++) {
            byte[] bad = good.clone();
            bad[k] ^= (byte) 0x01;
            Files.write(w, bad);
            assertThatThrownBy(() -> provider.load(dir)).as("byte %d flipped", k)
                    .isInstanceOf(UserInputException.class).hasMessageContaining(w.toString());
        }
        byte[] bad = good.clone();
        bad[100] ^= (byte) 0x01; // inside w1: a value like any other, only the checksum tells
        Files.write(w, bad);
        assertThatThrownBy(() -> provider.load(dir)).isInstanceOf(UserInputException.class)
                .hasMessageContaining(w + " is damaged").hasMessageContaining("checksum");
        Files.write(w, good);
        assertThat(((DenseClassifier) provider.load(dir)).weights().w1()).isEqualTo(model.weights().w1());
        assertThat(warnings).isEmpty();
    }

    @Test
    void weightsWrittenBeforeTheChecksumLoadWithOneWarning(@TempDir Path dir) throws Exception {
        DenseClassifier model = new DenseClassifier(DenseClassifier.card("m", "linear", SHAPE, 3),
                DenseWeights.random(SHAPE.size(), 0, 3, 2));
        ReferenceModelProvider.save(model, dir);
        // the older layout, written by hand: "LFRW", inputs, hidden, classes, w1, b1 (no checksum)
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream o = new java.io.DataOutputStream(bytes);
        o.writeInt(0x4C465257);
        o.writeInt(SHAPE.size());
        o.writeInt(0);
        o.writeInt(3);
        for (float[] a : new float[][] {model.weights().w1(), model.weights().b1()}) {
            for (float v : a) {
                o.writeFloat(v);
            }
        }
        Path w = dir.resolve(ReferenceModelProvider.WEIGHTS);
        Files.write(w, bytes.toByteArray());
        java.util.List<String> warnings = new java.util.ArrayList<>();
        DenseClassifier loaded = (DenseClassifier) new ReferenceModelProvider(warnings::add).load(dir);
        assertThat(loaded.weights().w1()).isEqualTo(model.weights().w1());
        assertThat(warnings).singleElement().asString().contains(w.toString()).contains("no checksum");
    }
}
