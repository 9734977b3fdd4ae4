package org.lowfreq.tensorflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bench's input-gradient workload runs through the exported network opened as a
 * {@link TensorFlowClassifier}, the class {@code lowfreq attack} measures with the same
 * {@code InputGradientBench}; speed itself is reported, never asserted.
 */
class TensorFlowBenchmarkTest {
    @Test
    void theInputGradientWorkloadRunsThroughTheSavedModelClassifierAndLeavesNoFolderBehind() throws Exception {
        List<String> log = new ArrayList<>();
        java.nio.file.Path tmp = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"));
        long before;
        try (var s = java.nio.file.Files.list(tmp)) {
            before = s.filter(p -> p.getFileName().toString().startsWith("lowfreq-bench-")).count();
        }
        TensorFlowBenchmark.Throughput t = TensorFlowBenchmark.run("resnet18", 1, 4, 1, 1, SessionOptions.DEFAULT, log::add);
        assertThat(t.inputGradient()).isPositive().isFinite();
        assertThat(log).hasSize(3).last().asString().startsWith("input-gradient");
        try (var s = java.nio.file.Files.list(tmp)) {
            assertThat(s.filter(p -> p.getFileName().toString().startsWith("lowfreq-bench-")).count()).isEqualTo(before);
        }
    }

    @Test
    void theTracedBenchNamesTheConvolutionsOfTheTrainingStepAndOfInference() {
        List<String> log = new ArrayList<>();
        TensorFlowBenchmark.run("resnet18", 1, 4, 1, 2, SessionOptions.DEFAULT, true, true, log::add);
        assertThat(log).hasSize(5);
        assertThat(log.get(1)).startsWith("train by op type, ").contains("Conv2DBackpropFilter");
        assertThat(log.get(3)).startsWith("inference by op type, ").contains("Conv2D");
    }
}
