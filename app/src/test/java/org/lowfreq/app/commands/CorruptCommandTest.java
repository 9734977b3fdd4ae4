package org.lowfreq.app.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowfreq.app.Main;

/** {@code lowfreq corrupt}: frost from the jar, checked overrides, nothing left behind on failure. */
class CorruptCommandTest {
    @TempDir
    Path tmp;
    Path dataRoot;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    /** Frost checks come before the data is opened, so these tests need no data: an empty root. */
    @BeforeEach
    void emptyDataRoot() throws Exception {
        dataRoot = tmp.resolve("data");
        Files.createDirectories(dataRoot);
    }

    @Test
    void frostComesFromTheJar() throws Exception {
        Path cifar = org.lowfreq.datasets.testing.RealData.cifar10Root();
        Path out = tmp.resolve("c");
        Run r = run("--data-dir", cifar.toString(), "corrupt", "--corruptions", "frost,fog", "--limit", "10",
                "--threads", "1", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(out.resolve("frost.npy")).exists();
        assertThat(out.resolve("fog.npy")).exists();
        assertThat(out.resolve("labels.npy")).exists();
        String header = new String(Files.readAllBytes(out.resolve("frost.npy")), 0, 100, "ISO-8859-1");
        assertThat(header).contains("(50, 32, 32, 3)");
    }

    @Test
    void missingFrostOverrideIsRefusedBeforeAnythingIsWritten() {
        Path out = tmp.resolve("c");
        Run r = run("--data-dir", dataRoot.toString(), "corrupt", "--corruptions", "fog,frost", "--limit", "10",
                "--frost-dir", tmp.resolve("no-frost").toString(), "--out", out.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("--frost-dir").contains("LOWFREQ_FROST_DIR").doesNotContain("Exception");
        assertThat(out).doesNotExist();
    }

    @Test
    void changedFrostOverrideIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path frost = tmp.resolve("frost");
        Files.createDirectories(frost);
        for (String f : new String[] {"frost1.png", "frost2.png", "frost3.png", "frost4.jpg", "frost5.jpg", "frost6.jpg"}) {
            Files.writeString(frost.resolve(f), "not a photograph");
        }
        Path out = tmp.resolve("c");
        Run r = run("--data-dir", dataRoot.toString(), "corrupt", "--corruptions", "frost", "--limit", "10",
                "--frost-dir", frost.toString(), "--out", out.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("MD5").contains("--frost-dir").contains("LOWFREQ_FROST_DIR");
        assertThat(out).doesNotExist();
    }

    @Test
    void missingDataLeavesNoFolder() {
        Path out = tmp.resolve("c");
        Run r = run("--data-dir", dataRoot.toString(), "corrupt", "--corruptions", "fog", "--limit", "10",
                "--out", out.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(out).doesNotExist();
    }
}
