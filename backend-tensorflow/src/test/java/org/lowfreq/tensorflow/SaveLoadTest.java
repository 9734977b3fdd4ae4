package org.lowfreq.tensorflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowfreq.spi.Classifier;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.ModelCard;
import org.lowfreq.spi.ModelCardFile;
import org.lowfreq.spi.UserInputException;

class SaveLoadTest {
    private final TensorFlowModelProvider provider = new TensorFlowModelProvider(SessionOptions.DEFAULT);

    @Test
    void loadedModelGivesBitIdenticalLogits(@TempDir Path dir) {
        ModelSpec spec = TinyModels.spec(1.0, null);
        Images images = TinyModels.randomImages(5, spec.input(), 3);
        float[] before = TinyModels.exportUntrained(dir, spec, 11, images);
        assertThat(provider.canLoad(dir)).isTrue();
        try (Classifier c = provider.load(dir)) {
            float[] after = c.logits(images).values();
            assertThat(after).containsExactly(before);
            assertThat(c.card().blurSigma()).isEqualTo(1.0);
        }
    }

    @Test
    void cardWithOtherClassCountIsRefused(@TempDir Path dir) {
        ModelSpec spec = TinyModels.spec(0, null);
        TinyModels.exportUntrained(dir, spec, 1, TinyModels.randomImages(1, spec.input(), 1));
        ModelCard good = ModelCardFile.read(dir);
        ModelCardFile.write(dir, new ModelCard(good.name(), good.family(), good.arch(), good.backend(), good.inputShape(),
                List.of("a", "b", "c", "d"), 0, 0, "x", 0, Double.NaN, Map.of()));
        assertThatThrownBy(() -> provider.load(dir)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("does not match its model card").hasMessageContaining("4 classes");
    }

    @Test
    void cardWithOtherInputShapeIsRefused(@TempDir Path dir) {
        ModelSpec spec = TinyModels.spec(0, null);
        TinyModels.exportUntrained(dir, spec, 1, TinyModels.randomImages(1, spec.input(), 1));
        ModelCard good = ModelCardFile.read(dir);
        ModelCardFile.write(dir, new ModelCard(good.name(), good.family(), good.arch(), good.backend(),
                new ImageShape(16, 16, 3), good.classNames(), 0, 0, "x", 0, Double.NaN, Map.of()));
        assertThatThrownBy(() -> provider.load(dir)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("does not match its model card").hasMessageContaining("16x16x3");
    }

    @Test
    void folderWithoutSavedModelIsRefused(@TempDir Path dir) {
        ModelSpec spec = TinyModels.spec(0, null);
        ModelCardFile.write(dir, TinyModels.card(spec, "empty"));
        assertThat(provider.canLoad(dir)).isFalse();
        assertThatThrownBy(() -> provider.load(dir)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("saved_model.pb");
    }

    @Test
    void cardClaimingABlurTheGraphDoesNotApplyIsRefused(@TempDir Path dir) {
        ModelSpec spec = TinyModels.spec(0, null);
        TinyModels.exportUntrained(dir, spec, 1, TinyModels.randomImages(1, spec.input(), 1));
        ModelCard good = ModelCardFile.read(dir);
        ModelCardFile.write(dir, withPreprocessing(good, 2.5, Map.of()));
        assertThatThrownBy(() -> provider.load(dir)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("blur_sigma: card 2.5, graph 0.0");
    }

    @Test
    void cardWithOtherNormalisationIsRefusedAndTheTrueOneLoads(@TempDir Path dir) {
        ModelSpec spec = TinyModels.spec(1.0, null); // mean 0.5,0.4,0.3 and std 0.25,0.2,0.3
        TinyModels.exportUntrained(dir, spec, 1, TinyModels.randomImages(1, spec.input(), 1));
        ModelCard good = ModelCardFile.read(dir);
        ModelCardFile.write(dir, withPreprocessing(good, 1.0,
                Map.of("normalisation_mean", "0.5,0.4,0.3", "normalisation_std", "0.25,0.2,0.3")));
        List<String> warnings = new java.util.ArrayList<>();
        try (Classifier c = new TensorFlowModelProvider(SessionOptions.DEFAULT, warnings::add).load(dir)) {
            assertThat(c.card().blurSigma()).isEqualTo(1.0);
        }
        assertThat(warnings).isEmpty();
        ModelCardFile.write(dir, withPreprocessing(good, 1.0,
                Map.of("normalisation_mean", "0.5,0.4,0.3", "normalisation_std", "1,1,1")));
        assertThatThrownBy(() -> provider.load(dir)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("normalisation_std: card 1,1,1, graph 0.25,0.2,0.3")
                .message().doesNotContain("normalisation_mean");
    }

    @Test
    void graphWithoutARecordLoadsWithOneWarningWhenItsCardClaimsABlur(@TempDir Path dir) throws Exception {
        ModelSpec spec = TinyModels.spec(0, null);
        exportWithoutRecord(dir, spec);
        ModelCardFile.write(dir, TinyModels.card(spec, "old"));
        List<String> warnings = new java.util.ArrayList<>();
        TensorFlowModelProvider p = new TensorFlowModelProvider(SessionOptions.DEFAULT, warnings::add);
        try (Classifier c = p.load(dir)) {
            assertThat(c.card().name()).isEqualTo("old");
        }
        assertThat(warnings).isEmpty(); // the card claims no preprocessing: nothing goes unchecked
        ModelCardFile.write(dir, withPreprocessing(ModelCardFile.read(dir), 2.5, Map.of()));
        try (Classifier c = p.load(dir)) {
            assertThat(c.card().blurSigma()).isEqualTo(2.5);
        }
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).contains("no preprocessing record").contains("blur_sigma 2.5").doesNotContain("\n");
    }

    private static ModelCard withPreprocessing(ModelCard c, double blurSigma, Map<String, String> properties) {
        return new ModelCard(c.name(), c.family(), c.arch(), c.backend(), c.inputShape(), c.classNames(), blurSigma,
                c.pcaComponents(), c.dataset(), c.seed(), c.cleanAccuracy(), properties);
    }

    /** A model as exported before graphs carried a preprocessing record: the inference network only. */
    private static void exportWithoutRecord(Path dir, ModelSpec spec) throws java.io.IOException {
        try (org.tensorflow.Graph g = new org.tensorflow.Graph()) {
            org.tensorflow.op.Ops tf = org.tensorflow.op.Ops.create(g);
            var images = tf.withName(ModelGraph.INPUT).placeholder(org.tensorflow.types.TFloat32.class,
                    org.tensorflow.op.core.Placeholder.shape(org.tensorflow.ndarray.Shape.of(-1, 8, 8, 3)));
            var logits = tf.withName(ModelGraph.OUTPUT).identity(new NetworkBuilder(tf, spec, 1).logits(images, false));
            assertThat(g.operation(PreprocessingRecord.OP_NAME)).isNull();
            try (org.tensorflow.Session s = new org.tensorflow.Session(g)) {
                s.initialize();
                org.tensorflow.SavedModelBundle.exporter(dir.toString()).withSession(s)
                        .withSignature(org.tensorflow.Signature.builder().key(ModelGraph.SIGNATURE_KEY)
                                .input(ModelGraph.INPUT, images).output(ModelGraph.OUTPUT, logits).build())
                        .export();
            }
        }
    }
}
