package org.lowfreq.tensorflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.lowfreq.spi.Options;
import org.lowfreq.spi.UserInputException;

class TrainingRecipeTest {

    @Test
    void theDefaultRecipeIsCropAndFlipOnly() {
        TrainingRecipe r = TrainingRecipe.of(Options.EMPTY);
        assertThat(r.augmenter()).isEqualTo(new Augmenter(4, 0, 0));
        assertThat(r.augmenter().describe()).isEqualTo("reflect-pad 4 + random crop, horizontal flip");
    }

    @Test
    void rotationAndJitterAreOptInsNamedInTheCard() {
        TrainingRecipe r = TrainingRecipe.of(Options.of("rotation", "2", "colour-jitter", "0.2"));
        assertThat(r.augmenter()).isEqualTo(new Augmenter(4, 2, 0.2));
        assertThat(r.augmenter().describe())
                .isEqualTo("reflect-pad 4 + random crop, horizontal flip, rotation +-2 deg (nearest neighbour), colour jitter 0.2");
    }

    @Test
    void outOfRangeOptInsAreRefusedByName() {
        assertThatThrownBy(() -> TrainingRecipe.of(Options.of("rotation", "-1")))
                .isInstanceOf(UserInputException.class).hasMessageContaining("rotation");
        assertThatThrownBy(() -> TrainingRecipe.of(Options.of("colour-jitter", "NaN")))
                .isInstanceOf(UserInputException.class).hasMessageContaining("colour-jitter");
    }
}
