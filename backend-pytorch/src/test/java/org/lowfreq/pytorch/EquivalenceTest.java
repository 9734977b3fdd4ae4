package org.lowfreq.pytorch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowfreq.spi.Classifier;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.Logits;

/** The tiny MLP gives the same logits in libtorch as in the pure-Java reference backend and in PyTorch itself. */
class EquivalenceTest {

    @Test
    void torchScriptMatchesTheReferenceBackendWithin1e4(@TempDir Path dir) throws IOException {
        Images images = Fixtures.randomImages(20, 3);
        try (Classifier torch = new PyTorchModelProvider(new TorchOptions(1, 8)).load(Fixtures.tinyMlp(dir));
             Classifier reference = Fixtures.reference()) {
            Logits a = torch.logits(images); // 20 images in batches of 8: the last batch is partial
            Logits b = reference.logits(images);
            assertThat(a.count()).isEqualTo(20);
            double maxLogit = 0;
            for (int i = 0; i < a.values().length; i++) {
                assertThat(a.values()[i]).as("logit %d", i).isCloseTo(b.values()[i], within(1e-4f));
                maxLogit = Math.max(maxLogit, Math.abs(b.values()[i]));
            }
            assertThat(maxLogit).as("logits are not all near zero").isGreaterThan(0.1);
        }
    }

    @Test
    void torchScriptMatchesThePyTorchLogitsRecordedByTheFixtureScript(@TempDir Path dir) throws IOException {
        // the script's two images: all 0.5, and linspace(0, 1, 3072) in NCHW order
        float[] px = new float[2 * Fixtures.CIFAR.size()];
        for (int p = 0; p < 1024; p++) {
            for (int c = 0; c < 3; c++) {
                px[p * 3 + c] = 0.5f;
                px[3072 + p * 3 + c] = (float) ((c * 1024 + p) / 3071.0);
            }
        }
        float[] expected = recordedLogits();
        try (Classifier torch = new PyTorchModelProvider().load(Fixtures.tinyMlp(dir))) {
            float[] got = torch.logits(new Images(2, Fixtures.CIFAR, px)).values();
            assertThat(got).hasSize(expected.length);
            for (int i = 0; i < got.length; i++) {
                assertThat(got[i]).as("logit %d", i).isCloseTo(expected[i], within(1e-4f));
            }
        }
    }

    static float[] recordedLogits() throws IOException {
        String json = Files.readString(Fixtures.file("tiny-mlp-logits.json"));
        String body = json.substring(json.indexOf("\"logits\""));
        Matcher m = Pattern.compile("-?\\d+\\.\\d+(e-?\\d+)?").matcher(body);
        float[] out = new float[20];
        int n = 0;
        while (m.find()) {
            out[n++] = Float.parseFloat(m.group());
        }
        assertThat(n).isEqualTo(20);
        return out;
    }
}
