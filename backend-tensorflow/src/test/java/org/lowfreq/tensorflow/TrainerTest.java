package org.lowfreq.tensorflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowfreq.spi.Classifier;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.InMemoryDataset;
import org.lowfreq.spi.ModelCard;
import org.lowfreq.spi.ModelCardFile;
import org.lowfreq.spi.Options;
import org.lowfreq.spi.ProgressListener;
import org.lowfreq.spi.TrainingSpec;
import org.lowfreq.spi.UserInputException;

class TrainerTest {
    private final TensorFlowModelProvider provider = new TensorFlowModelProvider(SessionOptions.threads(1));
    private final InMemoryDataset data = TinyModels.patternData(240, 60, 3);

    private static TrainingSpec spec(String family, double sigma, int epochs, boolean resume, Options options) {
        return new TrainingSpec(family, "resnet18", 4, sigma, 0, false, epochs, 32, 0.05, 0, 1, 0, 0, resume, options);
    }

    @Test
    void trainsALearnableTaskAndSavesACompleteModel(@TempDir Path dir) {
        Path out = provider.trainer().orElseThrow().train(spec("blur", 0.5, 3, false, Options.EMPTY), data,
                dir.resolve("m"), ProgressListener.NONE);
        ModelCard card = ModelCardFile.read(out);
        assertThat(card.cleanAccuracy()).isGreaterThan(0.6);
        assertThat(card.blurSigma()).isEqualTo(0.5);
        assertThat(card.properties()).containsKeys("tensorflow_version", "weight_decay", "training_seconds",
                "normalisation_mean", "lr_schedule");
        assertThat(Files.exists(out.resolve("checkpoints/last"))).isFalse();
        try (Classifier c = provider.load(out)) {
            Images test = data.readAll("test");
            int[] pred = c.logits(test).argmax();
            int correct = 0;
            for (int i = 0; i < pred.length; i++) {
                correct += pred[i] == test.labels()[i] ? 1 : 0;
            }
            assertThat((double) correct / pred.length).isEqualTo(card.cleanAccuracy());
        }
    }

    @Test
    void resumeAfterAnInterruptedEpochFinishesTheRequestedEpochs(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("m");
        TrainingSpec first = spec("baseline", 0, 3, false, Options.EMPTY);
        // stop the run in the middle of its second epoch, as a kill would
        ProgressListener killer = new ProgressListener() {
            int epochs;
            long steps;

            @Override
            public void start(String task, long total) {
                if (task.startsWith("epoch")) {
                    epochs++;
                    steps = 0;
                }
            }

            @Override
            public void advance(long n) {
                if (epochs == 2 && ++steps == 3) {
                    throw new IllegalStateException("killed");
                }
            }
        };
        assertThatThrownBy(() -> provider.trainer().orElseThrow().train(first, data, out, killer))
                .hasMessage("killed");
        assertThat(ModelCardFile.exists(out)).isFalse();
        assertThat(state(out).getProperty("completed_epochs")).isEqualTo("1");
        // a resume with other settings is refused, naming each setting that differs as old -> new
        assertThatThrownBy(() -> provider.trainer().orElseThrow().train(spec("baseline", 0.5, 3, true, Options.EMPTY),
                data, out, ProgressListener.NONE)).hasMessageContaining("blur-sigma: 0.0 -> 0.5")
                .hasMessageNotContaining("epochs:");
        // checkpoints follow the umask like any folder (not createTempDirectory's 0700)
        Path plain = Files.createDirectory(dir.resolve("plain"));
        assertThat(Files.getPosixFilePermissions(out.resolve("checkpoints/last")))
                .isEqualTo(Files.getPosixFilePermissions(plain));
        // a killed save leaves a temporary folder: the resumed run removes it
        Path debris = Files.createDirectories(out.resolve("checkpoints/.epoch1.5e2f.tmp"));

        int[] epochsRun = {0};
        ProgressListener counter = new ProgressListener() {
            @Override
            public void start(String task, long total) {
                if (task.startsWith("epoch")) {
                    epochsRun[0]++;
                }
            }

            @Override
            public void advance(long n) {
            }
        };
        // more epochs than the interrupted run asked for continue it (the epoch count is no resume setting)
        provider.trainer().orElseThrow().train(spec("baseline", 0, 4, true, Options.EMPTY), data, out, counter);
        assertThat(epochsRun[0]).isEqualTo(3);
        assertThat(debris).doesNotExist();
        assertThat(state(out).getProperty("completed_epochs")).isEqualTo("4");
        assertThat(ModelCardFile.read(out).properties()).containsEntry("epochs", "4");
        try (Classifier c = provider.load(out)) {
            assertThat(c.logits(data.read("test", 0, 4)).count()).isEqualTo(4);
        }
        // resuming a finished run changes nothing
        epochsRun[0] = 0;
        provider.trainer().orElseThrow().train(spec("baseline", 0, 4, true, Options.EMPTY), data, out, counter);
        assertThat(epochsRun[0]).isZero();
        // a finished model keeps no checkpoints: adding epochs to it is refused in one sentence, model untouched
        String card = Files.readString(out.resolve(ModelCardFile.FILE_NAME));
        assertThatThrownBy(() -> provider.trainer().orElseThrow().train(spec("baseline", 0, 6, true, Options.EMPTY),
                data, out, counter)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("finished 4 epochs").hasMessageContaining("to 6 epochs")
                .satisfies(e -> assertThat(((UserInputException) e).hint()).contains("new --out folder")
                        .contains("--epochs 6"));
        assertThat(epochsRun[0]).isZero();
        assertThat(Files.readString(out.resolve(ModelCardFile.FILE_NAME))).isEqualTo(card);
    }

    @Test
    void fineTuningCopiesEveryLayerButKeepsItsOwnBlur(@TempDir Path dir) {
        Path base = provider.trainer().orElseThrow().train(spec("baseline", 0, 1, false, Options.EMPTY), data,
                dir.resolve("base"), ProgressListener.NONE);
        Path tuned = provider.trainer().orElseThrow().train(
                spec("blur", 1.0, 1, false, Options.of("init-from", base.toString())), data, dir.resolve("tuned"),
                ProgressListener.NONE);
        ModelCard card = ModelCardFile.read(tuned);
        assertThat(card.blurSigma()).isEqualTo(1.0);
        assertThat(card.properties()).containsEntry("init_from", base.toString()).containsKey("init_note");
    }

    @Test
    void adversarialAndAugmentationFamiliesTrain(@TempDir Path dir) {
        for (String[] f : new String[][] {{"adversarial", "pgd-steps", "2"}, {"augmentation", "augmentation", "augmix"},
                {"augmentation", "augmentation", "noise"}}) {
            Path out = provider.trainer().orElseThrow().train(spec(f[0], 0, 1, false, Options.of(f[1], f[2])), data,
                    dir.resolve(f[0] + f[2]), ProgressListener.NONE);
            assertThat(ModelCardFile.read(out).family()).isEqualTo(f[0]);
        }
    }

    private static Properties state(Path out) {
        Properties p = new Properties();
        try (var r = Files.newBufferedReader(out.resolve("checkpoints").resolve("state.properties"))) {
            p.load(r);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        return p;
    }
}
