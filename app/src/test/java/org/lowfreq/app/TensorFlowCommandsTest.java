package org.lowfreq.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TensorFlowCommandsTest {
    @Test
    void trainEvalAndBenchAreSubcommandsWithHelp() {
        for (String cmd : new String[] {"train", "eval", "bench"}) {
            MainTest.Run r = MainTest.run(cmd, "--help");
            assertThat(r.code()).as(cmd).isZero();
            assertThat(r.out()).as(cmd).contains("Usage: lowfreq " + cmd);
        }
        assertThat(MainTest.run("train", "--help").out()).contains("--blur-sigma", "--pca-k", "--resume", "--init-from",
                "--adversarial", "--augmentation", "--grayscale", "--train-limit");
    }

    @Test
    void evalOfAMissingModelIsAUserError() {
        MainTest.Run r = MainTest.run("eval", "--model", "/no/such/model");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("/no/such/model");
    }

    @Test
    void trainRefusesTwoFamiliesAtOnce() {
        MainTest.Run r = MainTest.run("train", "--adversarial", "--augmentation", "noise", "--out", "/tmp/x");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("two families");
    }
}
