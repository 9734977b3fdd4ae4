package org.lowfreq.datasets.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class RealDataTest {
    @TempDir
    Path tmp;

    @Test
    void absentDataSkipsOutsideCiAndFailsUnderCi() {
        Map<String, String> local = Map.of("LOWFREQ_DATA", tmp.toString());
        assertThatThrownBy(() -> RealData.rootHolding(RealData.CIFAR10_PROBE_FILE, "CIFAR-10", local, tmp))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining(tmp.resolve(RealData.CIFAR10_PROBE_FILE).toString())
                .hasMessageContaining("LOWFREQ_DATA");
        Map<String, String> ci = Map.of("LOWFREQ_DATA", tmp.toString(), "CI", "true");
        assertThatThrownBy(() -> RealData.rootHolding(RealData.CIFAR10_PROBE_FILE, "CIFAR-10", ci, tmp))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("CI is set");
    }

    @Test
    void presentDataIsFoundByTheCommandLineRules() throws Exception {
        Path file = tmp.resolve("root").resolve(RealData.CIFAR10_PROBE_FILE);
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[] {1});
        // from LOWFREQ_DATA, with CI set: no failure
        assertThat(RealData.rootHolding(RealData.CIFAR10_PROBE_FILE, "CIFAR-10",
                Map.of("LOWFREQ_DATA", tmp.resolve("root").toString(), "CI", "1"), tmp)).isEqualTo(tmp.resolve("root"));
        // from the default ~/.cache/lowfreq
        Path home = tmp.resolve("home");
        Path cached = home.resolve(".cache/lowfreq").resolve(RealData.CIFAR10_PROBE_FILE);
        Files.createDirectories(cached.getParent());
        Files.write(cached, new byte[] {1});
        assertThat(RealData.rootHolding(RealData.CIFAR10_PROBE_FILE, "CIFAR-10", Map.of(), home))
                .isEqualTo(home.resolve(".cache/lowfreq"));
    }

    @Test
    void ciValuesThatMeanOff() {
        assertThat(RealData.isCi(Map.of())).isFalse();
        assertThat(RealData.isCi(Map.of("CI", "false"))).isFalse();
        assertThat(RealData.isCi(Map.of("CI", "0"))).isFalse();
        assertThat(RealData.isCi(Map.of("CI", "true"))).isTrue();
    }
}
