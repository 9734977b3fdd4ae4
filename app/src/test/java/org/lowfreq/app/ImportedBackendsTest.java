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

    @Test
    void benchPytorchTimesATorchScriptFileAndRefusesAMissingOne() {
        MainTest.Run r = MainTest.run("bench", "pytorch", ImportCommandTest.fixture("tiny-mlp.pt").toString(),
                "--batch-size", "4", "--steps", "2", "--warmup", "1", "--threads", "1");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("java tiny-mlp\\.pt batch 4: logits [0-9.]+ images/s, input gradient [0-9.]+ images/s");
        MainTest.Run missing = MainTest.run("bench", "pytorch", "no-such.pt");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("TorchScript file no-such.pt does not exist");
    }
}
