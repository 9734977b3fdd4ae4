package org.lowfreq.tensorflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.ModelCard;
import org.lowfreq.spi.ModelCardFile;
import org.lowfreq.spi.Options;
import org.lowfreq.spi.ProgressListener;
import org.lowfreq.spi.TrainingSpec;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.types.TFloat32;

/**
 * ResNet-50 at 224 px trained from a streamed ImageNet-layout JPEG tree, then fine-tuned from with
 * a blur layer: the fine-tuned model starts from every variable of the source, bit for bit. Tiny on
 * purpose (width 8, 2 classes, 3 images each, batch 2, one epoch of two steps).
 */
class ResNet50StreamingTest {
    private final TensorFlowModelProvider provider = new TensorFlowModelProvider(SessionOptions.threads(2));

    private static TrainingSpec spec(String family, double sigma, Options options) {
        return new TrainingSpec(family, "resnet50", 8, sigma, 0, false, 1, 2, 0.01, 3, 2, 0, 0, false,
                options.with("loader-workers", "2").with("inference-batch-size", "2"));
    }

    @Test
    void trainsAt224FromTheStreamingLoaderAndFineTunesFromEveryNonBlurWeight(@TempDir Path dir) {
        StreamedFolderData.writeTree(dir.resolve("tree"), List.of("n01", "n02"), 3, 1, 240, 11);
        StreamedFolderData data = new StreamedFolderData(dir.resolve("tree"), 256, 224);

        Path base = provider.trainer().orElseThrow().train(spec("baseline", 0, Options.EMPTY), data, dir.resolve("base"),
                ProgressListener.NONE);
        ModelCard card = ModelCardFile.read(base);
        assertThat(card.inputShape()).isEqualTo(new ImageShape(224, 224, 3));
        assertThat(Double.parseDouble(card.properties().get("best_validation_loss"))).isFinite();
        // 6 images: 1 validation, 5 to train on (the last batch of one left out), the 2 of val/ as test
        assertThat(card.properties()).containsEntry("train_images", "5").containsEntry("validation_images", "1")
                .containsEntry("test_images", "2").containsEntry("test_split", "val")
                .containsEntry("augmentation", "horizontal flip (test tree)").containsKeys("data_wait_seconds", "step_seconds")
                .doesNotContainKey("option.loader-workers");

        // the trainer's fine-tuning start: a new graph with a blur layer, initialised, then init-from copied in
        ModelSpec blurred = new ModelSpec("resnet50", 8, new ImageShape(224, 224, 3), 2, new float[] {0.5f, 0.5f, 0.5f},
                new float[] {0.2f, 0.2f, 0.2f}, 3, null);
        try (Graph graph = new Graph()) {
            ModelGraph mg = new ModelGraph(graph, blurred, 99, 1e-4);
            Map<String, FineTuneWeights.Assigner> assign = FineTuneWeights.assigners(graph, mg);
            try (Session session = new Session(graph, SessionOptions.threads(2).config());
                 SavedModelBundle src = SavedModelBundle.load(base.toString(), SavedModelBundle.DEFAULT_TAG)) {
                session.initialize();
                FineTuneWeights.copyWeights(base, assign, session);
                Map<String, String> srcVars = FineTuneWeights.layerVariables(src.graph());
                assertThat(assign.keySet()).containsExactlyInAnyOrderElementsOf(srcVars.keySet());
                assertThat(assign).hasSizeGreaterThan(100); // every conv, dense and batch-norm variable of ResNet-50
                for (var e : assign.entrySet()) {
                    try (Result mine = session.runner().fetch(e.getValue().variable()).run();
                         Result theirs = src.session().runner().fetch(srcVars.get(e.getKey())).run()) {
                        assertThat(Tensors.floats(mine.get(0))).as(e.getKey()).isEqualTo(Tensors.floats(theirs.get(0)));
                    }
                }
            }
        }

        Path tuned = provider.trainer().orElseThrow().train(spec("blur", 3, Options.of("init-from", base.toString())), data,
                dir.resolve("blur3"), ProgressListener.NONE);
        ModelCard tunedCard = ModelCardFile.read(tuned);
        assertThat(tunedCard.blurSigma()).isEqualTo(3);
        assertThat(tunedCard.properties()).containsEntry("init_from", base.toString());
        assertThat(Double.parseDouble(tunedCard.properties().get("best_validation_loss"))).isFinite();
    }
}
