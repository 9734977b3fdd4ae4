package org.lowfreq.tensorflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Images;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.types.TFloat32;

class ArchitectureTest {

    /**
     * Kernel counts: ResNet-18 = stem + 16 convs + 3 shortcuts + head; ResNet-50 = stem + 48 + 4 + head.
     * Head inputs: 8w (basic blocks) or 32w (bottlenecks, expansion 4).
     */
    @ParameterizedTest
    @CsvSource({"resnet18, 1, 21, 8", "resnet18, 3, 21, 8", "resnet50, 3, 54, 32"})
    void buildsTheNetworkAndReturnsOneLogitPerClass(String arch, int channels, int kernels, int headInputsPerWidth) {
        ImageShape shape = new ImageShape(32, 32, channels);
        float[] ones = new float[channels];
        java.util.Arrays.fill(ones, 1f);
        ModelSpec spec = new ModelSpec(arch, 2, shape, 7, new float[channels], ones, 0, null);
        try (Graph g = new Graph()) {
            ModelGraph mg = new ModelGraph(g, spec, 0, 1e-4);
            assertThat(mg.network.decayed()).hasSize(kernels);
            long headInputs = mg.network.variables().get("fc.kernel").shape().get(0);
            assertThat(headInputs).isEqualTo(2L * headInputsPerWidth);
            Images images = TinyModels.randomImages(3, shape, 1);
            try (Session s = new Session(g);
                 TFloat32 x = Tensors.images(images.pixels(), 0, 3, 32, 32, channels)) {
                s.initialize();
                try (Result r = s.runner().feed(mg.images, x).fetch(mg.logits).run()) {
                    assertThat(r.get(0).shape().asArray()).containsExactly(3, 7);
                }
            }
        }
    }

    /**
     * Downsampling: the feature map the head pools is input/8 for ResNet-18 (3x3 stride-1 stem, no
     * max-pool, three stride-2 stages), so 4x4 at 32 px and 8x8 at 64 px (the Tiny-ImageNet variant,
     * backend-tensorflow/README.md), and input/32 for ResNet-50 (stride-2 stem, max-pool, three
     * stride-2 stages): 7x7 at 224 px. Read off the graph's static shapes, so no 224 px forward pass.
     */
    @ParameterizedTest
    @CsvSource({"resnet18, 32, 1, 4, 8", "resnet18, 64, 1, 8, 8", "resnet18, 64, 3, 8, 8", "resnet50, 224, 3, 7, 32"})
    void theHeadPoolsAMapOfTheDocumentedSize(String arch, int side, int channels, int finalSide, int finalChannelsPerWidth) {
        ImageShape shape = new ImageShape(side, side, channels);
        float[] ones = new float[channels];
        java.util.Arrays.fill(ones, 1f);
        ModelSpec spec = new ModelSpec(arch, 2, shape, 5, new float[channels], ones, 0, null);
        try (Graph g = new Graph()) {
            new ModelGraph(g, spec, 0, 1e-4);
            java.util.List<long[]> pooled = new java.util.ArrayList<>();
            g.operations().forEachRemaining(op -> {
                if (op.type().equals("Mean") && op.name().startsWith("infer/")
                        && ((org.tensorflow.GraphOperation) op).input(0).shape().numDimensions() == 4) {
                    pooled.add(((org.tensorflow.GraphOperation) op).input(0).shape().asArray());
                }
            });
            assertThat(pooled).hasSize(1);
            assertThat(pooled.get(0)).containsExactly(-1, finalSide, finalSide, 2L * finalChannelsPerWidth);
        }
    }
}
