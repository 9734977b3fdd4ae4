package org.lowfreq.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelIdentityTest {
    @TempDir
    Path dir;

    @Test
    void theHashCoversWeightsAndCardButNotTemporaryFilesOrCheckpoints() throws Exception {
        Path m = Files.createDirectories(dir.resolve("m"));
        Files.writeString(m.resolve("model-card.json"), "{\"name\":\"x\"}");
        Files.createDirectories(m.resolve("variables"));
        Files.write(m.resolve("variables/w.bin"), new byte[] {1, 2, 3});
        String h = ModelIdentity.contentHash(m);
        // SHA-256 of "model-card.json\0{...}\0variables/w.bin\0\1\2\3\0", computed independently
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        sha.update("model-card.json\0{\"name\":\"x\"}\0variables/w.bin\0".getBytes());
        sha.update(new byte[] {1, 2, 3, 0});
        assertThat(h).isEqualTo(java.util.HexFormat.of().formatHex(sha.digest()));

        Files.writeString(m.resolve(".model-card.json.123.tmp"), "junk");
        Files.createDirectories(m.resolve("checkpoints"));
        Files.writeString(m.resolve("checkpoints/state.properties"), "x=1");
        assertThat(ModelIdentity.contentHash(m)).isEqualTo(h);
        Files.write(m.resolve("variables/w.bin"), new byte[] {1, 2, 4});
        assertThat(ModelIdentity.contentHash(m)).isNotEqualTo(h);
    }
}
