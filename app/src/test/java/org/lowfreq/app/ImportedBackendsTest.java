package org.lowfreq.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The TorchScript and ONNX backends are found as built-in plugins. */
class ImportedBackendsTest {
    @Test
    void pluginsListsThePyTorchAndOnnxBackends() {
        MainTest.Run r = MainTest.run("plugins");
        assertThat(r.code()).isZero();
        assertThat(r.out()).containsPattern("model\\s+pytorch\\s+backend-pytorch\\s+\\S+\\s+libtorch 2\\.10\\.0")
                .containsPattern("model\\s+onnx\\s+backend-onnx\\s+\\S+\\s+ONNX Runtime 1\\.20\\.0.*no input gradients");
        assertThat(MainTest.run("import", "--help").out()).contains("--accuracy-images").contains("--mean");
    }
}
