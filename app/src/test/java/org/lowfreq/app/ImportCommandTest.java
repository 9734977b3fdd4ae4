package org.lowfreq.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowfreq.datasets.CifarLayout;
import org.lowfreq.datasets.CifarProvider;
import org.lowfreq.reference.ReferenceModelProvider;
import org.lowfreq.spi.Classifier;
import org.lowfreq.spi.Dataset;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.ModelCard;
import org.lowfreq.spi.ModelCardFile;

/**
 * {@code lowfreq import} on the committed fixtures (tools/make-fixtures.py): cards, re-measured
 * accuracy, refusals, and the imported models in {@code eval} and {@code attack}.
 */
class ImportCommandTest {
    private static final String MEAN = "0.4914,0.4822,0.4465";
    private static final String STD = "0.2470,0.2435,0.2616";
    private static String root;

    @BeforeAll
    static void needsCifar10() {
        root = System.getenv("LOWFREQ_DATA");
        Assumptions.assumeTrue(root != null && Files.isRegularFile(Path.of(root, "cifar-10-batches-bin", "test_batch.bin")),
                "CIFAR-10 not found under LOWFREQ_DATA");
    }

    @Test
    void torchScriptImportWritesTheCardAndTheAccuracyOfTheSameWeightsInTheReferenceBackend(@TempDir Path tmp) {
        Path out = tmp.resolve("tiny-pt");
        MainTest.Run r = MainTest.run("--data-dir", root, "-q", "import", fixture("tiny-mlp.pt").toString(), "--arch", "mlp",
                "--mean", MEAN, "--std", STD, "--accuracy-images", "300", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        ModelCard card = ModelCardFile.read(out);
        assertThat(card.backend()).isEqualTo("pytorch");
        assertThat(card.name()).isEqualTo("tiny-pt");
        assertThat(card.dataset()).isEqualTo("cifar10");
        assertThat(card.inputShape().toString()).isEqualTo("32x32x3");
        assertThat(card.classNames()).hasSize(10).startsWith("airplane");
        assertThat(card.properties()).containsEntry("input_layout", "NCHW").containsEntry("input_mean", MEAN)
                .containsEntry("input_std", "0.247,0.2435,0.2616").containsEntry("model_file", "model.pt")
                .containsEntry("clean_accuracy_images", "300")
                // sha256sum tools/fixtures/tiny-mlp.pt (the ONNX one below likewise)
                .containsEntry("source_sha256", "25aa884a97a7cac70a0de61096110a473515ef455e2e59d9314b5bf4a752abe6");
        assertThat(out.resolve("model.pt")).hasSameBinaryContentAs(fixture("tiny-mlp.pt"));
        assertThat(card.cleanAccuracy()).isEqualTo(referenceAccuracy(300));
        assertThat(r.out()).contains("backend pytorch").contains(String.format(java.util.Locale.ROOT, "%.4f", card.cleanAccuracy()));
        assertThat(leftovers(tmp)).isEmpty();

        MainTest.Run eval = MainTest.run("--data-dir", root, "-q", "eval", "--model", out.toString(), "--limit", "300");
        assertThat(eval.out()).contains("tiny-pt (backend pytorch) on cifar10/test (300 images)");
    }

    @Test
    void onnxImportMeasuresTheSameAccuracyAndAttackRefusesIt(@TempDir Path tmp) {
        Path out = tmp.resolve("tiny-onnx");
        MainTest.Run r = MainTest.run("--data-dir", root, "-q", "import", fixture("tiny-mlp.onnx").toString(),
                "--mean", MEAN, "--std", STD, "--accuracy-images", "300", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        ModelCard card = ModelCardFile.read(out);
        assertThat(card.backend()).isEqualTo("onnx");
        assertThat(card.properties()).containsEntry("model_file", "model.onnx")
                .containsEntry("source_sha256", "e8167693815d0f38ac31bc4039ce2b544d2f2dcf7fe8e29b8cf697746da3b225");
        assertThat(card.cleanAccuracy()).isEqualTo(referenceAccuracy(300));

        MainTest.Run attack = MainTest.run("--data-dir", root, "attack", "--model", out.toString(), "--norm", "linf",
                "--n", "4", "--out", tmp.resolve("attack").toString());
        assertThat(attack.code()).isEqualTo(1);
        assertThat(attack.err()).contains("model tiny-onnx (backend onnx) offers no input gradients");
    }

    @Test
    void aWrongClassCountIsRefusedAndLeavesNothingBehind(@TempDir Path tmp) {
        Path out = tmp.resolve("wrong");
        MainTest.Run r = MainTest.run("--data-dir", root, "import", fixture("wrong-classes.pt").toString(),
                "--out", out.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("does not fit the class count: it returns 7 logits per image but cifar10 has 10 classes")
                .contains("hint:").doesNotContain("\tat ");
        assertThat(out).doesNotExist();
        assertThat(leftovers(tmp)).isEmpty();
    }

    @Test
    void aWrongInputShapeIsRefusedNamingBothShapes(@TempDir Path tmp) {
        Path out = tmp.resolve("wrong");
        MainTest.Run r = MainTest.run("--data-dir", root, "import", fixture("wrong-input.onnx").toString(),
                "--out", out.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("does not fit the input shape").contains("[1, 1, 28, 28]").contains("[?, 3, 32, 32]");
        assertThat(out).doesNotExist();
        assertThat(leftovers(tmp)).isEmpty();
    }

    @Test
    void badRequestsAreRefusedBeforeAnythingIsWritten(@TempDir Path tmp) throws Exception {
        MainTest.Run unknown = MainTest.run("--data-dir", root, "import", tmp.resolve("model.bin").toString(),
                "--out", tmp.resolve("a").toString());
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("does not exist");
        Path bin = Files.writeString(tmp.resolve("model.bin"), "x");
        assertThat(MainTest.run("--data-dir", root, "import", bin.toString(), "--out", tmp.resolve("a").toString()).err())
                .contains("cannot tell the format of model.bin").contains("--format");
        assertThat(MainTest.run("--data-dir", root, "import", fixture("tiny-mlp.pt").toString(), "--mean", "0.5",
                "--std", "0.5,0.5", "--out", tmp.resolve("a").toString()).err()).contains("--mean has 1 values but --std has 2");
        assertThat(MainTest.run("--data-dir", root, "import", fixture("tiny-mlp.pt").toString(), "--mean", "0.5",
                "--std", "0.5", "--out", tmp.resolve("a").toString()).err())
                .contains("--mean and --std have 1 values but cifar10 images have 3 channels");
        Files.writeString(Files.createDirectories(tmp.resolve("full")).resolve("x"), "x");
        assertThat(MainTest.run("--data-dir", root, "import", fixture("tiny-mlp.pt").toString(),
                "--out", tmp.resolve("full").toString()).err()).contains("already exists");
        assertThat(tmp.resolve("a")).doesNotExist();
    }

    /** Accuracy of the same weights in the pure-Java reference backend, on the first n test images. */
    private static double referenceAccuracy(int n) {
        Dataset data = new CifarProvider(CifarLayout.cifar10(), false).open(Path.of(root));
        Images images = data.read("test", 0, n);
        try (Classifier c = new ReferenceModelProvider().load(fixture("tiny-mlp-reference"))) {
            int[] pred = c.logits(images).argmax();
            int correct = 0;
            for (int i = 0; i < n; i++) {
                correct += pred[i] == images.labels()[i] ? 1 : 0;
            }
            return (double) correct / n;
        }
    }

    private static java.util.List<Path> leftovers(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().contains(".importing-")).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Path fixture(String name) {
        try {
            return Path.of(ImportCommandTest.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
