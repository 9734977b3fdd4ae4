package org.lowfreq.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValueRangeTest {
    private static TrainingSpec spec(int width, double blur, int pca, int epochs, int batch, double lr, int trainLimit,
                                     int testLimit) {
        return new TrainingSpec("baseline", "resnet18", width, blur, pca, false, epochs, batch, lr, 0, 0, trainLimit,
                testLimit, false, Options.EMPTY);
    }

    @Test
    void trainingSpecRefusesEachBadValueNamingTheOptionAndTheRange() {
        assertThat(spec(16, 0, 0, 1, 1, 0.1, 0, 0).epochs()).isEqualTo(1);
        assertThatThrownBy(() -> spec(16, 0, 0, 0, 128, 0.1, 0, 0)).hasMessage("epochs must be a whole number >= 1, got 0");
        assertThatThrownBy(() -> spec(16, 0, 0, -2, 128, 0.1, 0, 0)).hasMessageContaining("epochs must be");
        assertThatThrownBy(() -> spec(16, 0, 0, 3, 0, 0.1, 0, 0)).hasMessage("batch-size must be a whole number >= 1, got 0");
        assertThatThrownBy(() -> spec(16, 0, 0, 3, 128, -1, 0, 0)).hasMessage("lr must be a finite number > 0, got -1");
        assertThatThrownBy(() -> spec(16, 0, 0, 3, 128, Double.NaN, 0, 0)).hasMessage("lr must be a finite number > 0, got NaN");
        assertThatThrownBy(() -> spec(16, Double.NaN, 0, 3, 128, 0.1, 0, 0)).hasMessageContaining("blur-sigma must be a finite number >= 0");
        assertThatThrownBy(() -> spec(16, 0, -3, 3, 128, 0.1, 0, 0)).hasMessage("pca-k must be a whole number >= 0, got -3");
        assertThatThrownBy(() -> spec(16, 0, 0, 3, 128, 0.1, -7, 0)).hasMessageContaining("train-limit must be a whole number >= 0");
        assertThatThrownBy(() -> spec(16, 0, 0, 3, 128, 0.1, 0, -1)).hasMessageContaining("test-limit must be a whole number >= 0");
        assertThatThrownBy(() -> spec(0, 0, 0, 3, 128, 0.1, 0, 0)).hasMessageContaining("width must be");
    }

    @Test
    void optionGettersCheckTheirRangeAndRefuseNonFiniteNumbers() {
        Options o = Options.of("eps", "Infinity", "noise-sigma", "-1", "steps", "0", "x", "NaN", "ok", "0.5");
        assertThatThrownBy(() -> o.getDouble("eps", 1)).hasMessage("option eps must be a finite number, got Infinity");
        assertThatThrownBy(() -> o.getDouble("x", 1)).hasMessage("option x must be a finite number, got NaN");
        assertThatThrownBy(() -> o.getDouble("noise-sigma", 0.1, ValueRange.NOT_NEGATIVE))
                .hasMessage("option noise-sigma must be a finite number >= 0, got -1");
        assertThatThrownBy(() -> o.getInt("steps", 7, ValueRange.AT_LEAST_ONE))
                .hasMessage("option steps must be a whole number >= 1, got 0");
        assertThat(o.getDouble("ok", 1, ValueRange.PROBABILITY)).isEqualTo(0.5);
        assertThat(o.getInt("absent", 7, ValueRange.AT_LEAST_ONE)).isEqualTo(7);
        assertThatThrownBy(() -> Options.of("grid", "0.1,Infinity").getDoubles("grid", new double[0]))
                .hasMessageContaining("option grid must be a finite number");
    }

    @Test
    void unknownKeysAreRefusedEvenWhenNoneAreAllowed() {
        assertThatThrownBy(() -> Options.of("foo", "bar").requireOnly("the reference trainer", java.util.Set.of()))
                .hasMessage("the reference trainer has no option 'foo'");
    }

    @Test
    void resumeDifferencesNameEachFieldAsOldToNew() {
        Map<String, String> old = spec(16, 1.5, 0, 3, 128, 0.1, 0, 0).resumeSettings();
        Map<String, String> now = spec(16, 0, 0, 5, 128, 0.05, 0, 0).resumeSettings();
        // epochs may differ (more epochs continue a run); blur and lr may not
        assertThat(TrainingSpec.differences(old, now)).containsExactly("blur-sigma: 1.5 -> 0.0", "lr: 0.1 -> 0.05");
        assertThat(TrainingSpec.differences(Map.of("-o a", "1"), Map.of())).isEqualTo(List.of("-o a: 1 -> (unset)"));
    }
}
