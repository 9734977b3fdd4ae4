package org.lowfreq.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataRootTest {
    private final Path home = Path.of("/home/someone");

    @Test
    void optionWinsOverEnvironment() {
        DataRoot r = DataRoot.resolve(Path.of("/data/x"), Map.of("LOWFREQ_DATA", "/data/env"), home);
        assertThat(r.path()).isEqualTo(Path.of("/data/x"));
        assertThat(r.source()).isEqualTo("--data-dir");
    }

    @Test
    void environmentWinsOverDefault() {
        DataRoot r = DataRoot.resolve(null, Map.of("LOWFREQ_DATA", "/data/env"), home);
        assertThat(r.path()).isEqualTo(Path.of("/data/env"));
        assertThat(r.source()).isEqualTo("LOWFREQ_DATA");
    }

    @Test
    void defaultIsCacheInHome() {
        assertThat(DataRoot.resolve(null, Map.of("LOWFREQ_DATA", "  "), home).path())
                .isEqualTo(Path.of("/home/someone/.cache/lowfreq"));
        assertThat(DataRoot.resolve(null, Map.of(), home).source()).isEqualTo("default");
    }

    @Test
    void relativePathsBecomeAbsolute() {
        DataRoot r = DataRoot.resolve(null, Map.of("LOWFREQ_DATA", "../data/datasets"), home);
        assertThat(r.path().isAbsolute()).isTrue();
        assertThat(r.path().endsWith(Path.of("data/datasets"))).isTrue();
    }
}
