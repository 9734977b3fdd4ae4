package org.lowfreq.tensorflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Widths 4 and 8 with several compute threads corrupted the native heap in the strided 1x1
 * convolution's backward pass (see {@code NetworkBuilder.pointwiseConv}): every run died with
 * SIGABRT or SIGSEGV. The training runs in a child JVM so that a crash is reported with its exit
 * status and output; {@code bench/tiny-width-stress.sh} repeats it 20 times.
 */
class TinyWidthStressTest {

    @Test
    void tinyWidthsTrainWithDefaultThreadsWithoutANativeCrash(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("child.log");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0",
                // a crash report belongs with the run, not in the working folder, and must not hang
                "-XX:ErrorFile=" + dir.resolve("hs_err_pid%p.log"), "-XX:ErrorLogTimeout=20",
                "-XX:-CreateCoredumpOnCrash",
                "-cp", System.getProperty("java.class.path"), TinyWidthTraining.class.getName(),
                dir.resolve("models").toString(), "2", "4", "8"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean done = p.waitFor(10, TimeUnit.MINUTES);
        if (!done) {
            p.destroyForcibly().waitFor();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(done).as("child finished in time; output:%n%s", tail(output)).isTrue();
        assertThat(p.exitValue()).as("exit status of four tiny trainings; output:%n%s", tail(output)).isZero();
        assertThat(output).contains("trained width 4 run 1", "trained width 8 run 1");
    }

    private static String tail(String s) {
        return s.length() <= 4000 ? s : s.substring(s.length() - 4000);
    }

}
