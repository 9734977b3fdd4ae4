package org.lowfreq.app.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code probe corruption --generate --frost-dir}: the flag and its probe option reach the corruptions plugin. */
class CorruptionProbeFrostDirTest {
    @TempDir
    Path tmp;

    @Test
    void missingFrostFolderIsRefusedByFlagAndByOption() {
        Path model = tmp.resolve("model");
        CorruptCommandTest.Run t = CorruptCommandTest.run("train", "--dataset", "synthetic", "--backend", "reference",
                "--arch", "linear", "--epochs", "1", "--batch-size", "16", "--out", model.toString());
        assertThat(t.code()).as(t.err()).isZero();
        Path missing = tmp.resolve("no-frost");
        CorruptCommandTest.Run byFlag = CorruptCommandTest.run("probe", "corruption", "--model", model.toString(),
                "--generate", "--frost-dir", missing.toString(), "--out", tmp.resolve("a").toString());
        CorruptCommandTest.Run byOption = CorruptCommandTest.run("probe", "corruption", "--model", model.toString(),
                "--generate", "-o", "frost_dir=" + missing, "--out", tmp.resolve("b").toString());
        for (CorruptCommandTest.Run r : new CorruptCommandTest.Run[] {byFlag, byOption}) {
            assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
            assertThat(r.err()).contains(missing.toString()).contains("--frost-dir").contains("LOWFREQ_FROST_DIR");
        }
    }
}
