package org.lowfreq.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The launcher's stderr filter (bin/quiet-native-log.pl): drops absl INFO/WARNING lines, keeps the rest. */
class NativeLogFilterTest {
    private static final Path SCRIPT = Path.of("..", "bin", "quiet-native-log.pl");

    static String filter(String input) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("perl", SCRIPT.toString()).redirectErrorStream(true).start();
        try (var in = p.getOutputStream()) {
            in.write(input.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        return out;
    }

    @Test
    void abslInfoLinesOfAModelLoadAreDroppedErrorsAndProgressBarsKept() throws Exception {
        assumeThat(Files.isRegularFile(SCRIPT)).as(SCRIPT.toAbsolutePath().toString()).isTrue();
        String noise = "WARNING: All log messages before absl::InitializeLog() is called are written to STDERR\n"
                + "I0000 00:00:1796131924.821042   23147 mlir_graph_optimization_pass.cc:401] MLIR V1 optimization pass is not enabled\n"
                + "W1201 13:31:32.196664   23147 reader.cc:83] a warning\n";
        String kept = "E0000 00:00:1.5   7 session.cc:3] a real error\n"
                + "error: model folder x does not exist\n"
                + "eval 10% [==   ]\reval 20% [===  ]";
        assertThat(filter(noise + kept)).isEqualTo(kept);
        assertThat(filter("Info about I0000 in the middle\n")).isEqualTo("Info about I0000 in the middle\n");
    }
}
