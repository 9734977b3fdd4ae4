package org.lowfreq.app.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.ModelCard;
import org.lowfreq.spi.ModelCardFile;

class ReportCommandTest {
    @TempDir
    Path tmp;

    @Test
    void cleanAccuracyIsReadFromEveryModelCard() {
        ModelCardFile.write(tmp.resolve("a"), card("model-a", 0.61));
        ModelCardFile.write(tmp.resolve("b"), card("model-b", Double.NaN));
        assertThat(ReportCommand.cleanAccuracyFromCards(tmp)).isEqualTo(Map.of("model-a", 0.61));
    }

    private static ModelCard card(String name, double acc) {
        return new ModelCard(name, "baseline", "resnet18", "reference", new ImageShape(8, 8, 1), List.of("a", "b"), 0, 0,
                "synthetic", 0, acc, Map.of());
    }
}
