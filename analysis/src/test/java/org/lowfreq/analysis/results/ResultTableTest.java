package org.lowfreq.analysis.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.ModelCard;
import org.lowfreq.spi.ResultRow;

class ResultTableTest {
    @TempDir
    Path dir;

    private final ModelCard card = new ModelCard("m1", "blur", "resnet18", "tensorflow", new ImageShape(32, 32, 3),
            List.of("a", "b"), 1.5, 0, "cifar10", 3, 0.6, Map.of());

    @Test
    void writesNothingUntilCommittedThenRoundTrips() {
        Path file = dir.resolve("results.csv");
        try (ResultTableWriter w = new ResultTableWriter(file, new Provenance(card, "cifar10", "test", 100, "hybrid"), "t")) {
            w.accept(ResultRow.at("f_mix", 0.09, 2, "p_low", 0.25));
            w.accept(ResultRow.summary("f_rev_cpp", Double.NaN, 2).withNote("D never crosses zero"));
            assertThat(file).doesNotExist();
            w.commit();
        }
        List<Map<String, String>> rows = ResultTable.read(file);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("parameter_value", "0.09").containsEntry("blur_sigma", "1.5")
                .containsEntry("value", "0.25").containsEntry("seed", "2").containsEntry("model", "m1");
        assertThat(rows.get(1)).containsEntry("value", "NaN").containsEntry("note", "D never crosses zero");
        try (var files = uncheckedList()) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void refusesAMissingValueWithoutANote() {
        try (ResultTableWriter w = new ResultTableWriter(dir.resolve("r.csv"),
                new Provenance(card, "cifar10", "test", 1, "x"), "t")) {
            assertThatThrownBy(() -> w.accept(ResultRow.summary("f_rev_cpp", Double.NaN, 0)))
                    .hasMessageContaining("f_rev_cpp");
        }
    }

    @Test
    void refusesAForeignSchemaNamingTheFile() throws Exception {
        Path f = dir.resolve("other.csv");
        Files.writeString(f, "a,b\n1,2\n");
        assertThatThrownBy(() -> ResultTable.read(f)).hasMessageContaining("other.csv");
    }

    private java.util.stream.Stream<Path> uncheckedList() {
        try {
            return Files.list(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
