package org.lowfreq.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImagesTest {
    private static final ImageShape SHAPE = new ImageShape(2, 2, 1);

    @Test
    void refusesAPixelArrayOfTheWrongLength() {
        assertThatThrownBy(() -> new Images(3, SHAPE, new float[11]))
                .isInstanceOf(UserInputException.class).hasMessageContaining("11").hasMessageContaining("12");
    }

    @Test
    void rangeCheckNamesTheImageAndPosition() {
        float[] px = new float[8];
        px[7] = Float.NaN;
        assertThatThrownBy(() -> new Images(2, SHAPE, px).checkRange())
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("image 1").hasMessageContaining("y=1, x=1").hasMessageContaining("NaN");
        px[7] = 1.5f;
        assertThatThrownBy(() -> new Images(2, SHAPE, px).checkRange()).hasMessageContaining("1.5");
    }

    @Test
    void sliceSelectAndConcatKeepPixelsAndLabels() {
        float[] px = {0, .1f, .2f, .3f, .4f, .5f, .6f, .7f, .8f, .9f, 1, 0};
        Images all = new Images(3, SHAPE, px, new int[] {5, 6, 7});
        Images mid = all.slice(1, 2);
        assertThat(mid.pixels()).containsExactly(.4f, .5f, .6f, .7f);
        assertThat(mid.labels()).containsExactly(6);
        Images sel = all.select(new int[] {2, 0});
        assertThat(sel.labels()).containsExactly(7, 5);
        assertThat(sel.image(0)).containsExactly(.8f, .9f, 1, 0);
        Images joined = Images.concat(List.of(all.slice(0, 1), all.slice(1, 3)));
        assertThat(joined.pixels()).containsExactly(px);
        assertThat(joined.labels()).containsExactly(5, 6, 7);
    }

    @Test
    void logitsSoftmaxSumsToOneAndArgmaxPicksTheLargest() {
        Logits l = new Logits(2, 3, new float[] {1, 3, 2, 1000, -1000, 0});
        float[] p = l.probabilities();
        assertThat(p[0] + p[1] + p[2]).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(p[3]).isEqualTo(1f);
        assertThat(l.argmax()).containsExactly(1, 0);
    }

    @Test
    void seedsAreStableAndSensitiveToEveryPart() {
        long a = Seeds.derive(0, "gaussian_noise", 3, 17);
        assertThat(Seeds.derive(0, "gaussian_noise", 3, 17)).isEqualTo(a);
        assertThat(Seeds.derive(1, "gaussian_noise", 3, 17)).isNotEqualTo(a);
        assertThat(Seeds.derive(0, "shot_noise", 3, 17)).isNotEqualTo(a);
        assertThat(Seeds.derive(0, "gaussian_noise", 4, 17)).isNotEqualTo(a);
        assertThat(Seeds.derive(0, "gaussian_noise", 3, 18)).isNotEqualTo(a);
    }

    @Test
    void optionsNameTheKeyInErrors() {
        Options o = Options.parse(List.of("steps=ten", "eps=0.1"));
        assertThatThrownBy(() -> o.getInt("steps", 1)).hasMessageContaining("steps=ten");
        assertThat(o.getDouble("eps", 0)).isEqualTo(0.1);
        assertThatThrownBy(() -> o.requireOnly("pgd", java.util.Set.of("eps")))
                .hasMessageContaining("'steps'")
                .satisfies(e -> assertThat(((UserInputException) e).hint()).isEqualTo("allowed: eps"));
    }
}
