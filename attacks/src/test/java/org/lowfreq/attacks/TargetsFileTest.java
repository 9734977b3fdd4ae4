package org.lowfreq.attacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowfreq.spi.ProgressListener;
import org.lowfreq.spi.UserInputException;

class TargetsFileTest {
    private static final int[] LABELS = {0, 1, 2, 1};

    private static Path file(Path dir, String... lines) throws Exception {
        return Files.write(dir.resolve("targets.csv"), List.of(lines));
    }

    @Test
    void readsTargetsByIndexInAnyRowOrderAndIgnoresOtherColumns(@TempDir Path dir) throws Exception {
        assertThat(TargetsFile.read(file(dir, "index,target", "2,0", "0,1", "3,2", "1,0"), LABELS, 3))
                .containsExactly(1, 0, 0, 2);
        // the protocol's own targets.csv (index,label,target) reads back as it was written
        assertThat(TargetsFile.read(file(dir, "index,label,target", "0,0,2", "1,1,2", "2,2,1", "3,1,0"), LABELS, 3))
                .containsExactly(2, 2, 1, 0);
    }

    @Test
    void refusesAFileThatIsNotAValidTargetAssignmentNamingTheFirstBadRow(@TempDir Path dir) throws Exception {
        assertRefused(file(dir, "index,target", "0,1", "1,1", "2,0", "3,0"), "line 3", "its own label");
        assertRefused(file(dir, "index,target", "0,1", "1,0", "1,2", "3,0"), "line 4", "second time");
        assertRefused(file(dir, "index,target", "0,1", "4,0", "2,0", "3,0"), "line 3", "index 4");
        assertRefused(file(dir, "index,target", "0,1", "1,0", "2,3", "3,0"), "line 4", "not a class");
        assertRefused(file(dir, "index,target", "0,1", "1,0", "-1,0"), "line 4", "index -1");
        assertRefused(file(dir, "index,target", "0,1", "1,0", "3,0"), "for 3 images, not 4", "first missing index: 2");
        assertRefused(file(dir, "index,target", "0,1", "1,x"), "line 3", "not a whole number");
        assertRefused(file(dir, "image,class", "0,1"), "no column 'index'", "");
        assertThatThrownBy(() -> TargetsFile.read(dir.resolve("missing.csv"), LABELS, 3))
                .isInstanceOf(UserInputException.class).hasMessageContaining("does not exist");
    }

    @Test
    void theProtocolAttacksTheGivenTargets(@TempDir Path out) {
        LinearKnownAnswer c = new LinearKnownAnswer(4, 5);
        // with 3 classes the only class other than the label that is not the forced derangement is 2
        int[] targets = {2, 2, 2, 2};
        MinimalEpsilonProtocol p = new MinimalEpsilonProtocol(ProtocolSettings.defaults(org.lowfreq.spi.Norm.LINF, 4)
                .withEpsilonGrid(new double[] {0.01}).withProtocol(SearchProtocol.BISECTION));
        MinimalEpsilonProtocol.Outcome o = p.run(c.model, c.images, targets, out, ProgressListener.NONE);
        assertThat(o.targets()).containsExactly(targets);
        assertThat(o.found()).isZero(); // class 2 has bias -1000: out of reach
    }

    private static void assertRefused(Path f, String where, String what) {
        assertThatThrownBy(() -> TargetsFile.read(f, LABELS, 3)).isInstanceOf(UserInputException.class)
                .hasMessageContaining(where).hasMessageContaining(what);
    }
}
