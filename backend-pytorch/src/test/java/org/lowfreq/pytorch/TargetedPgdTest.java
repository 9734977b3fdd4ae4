package org.lowfreq.pytorch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowfreq.attacks.PgdAttack;
import org.lowfreq.spi.AdversarialExample;
import org.lowfreq.spi.AttackResult;
import org.lowfreq.spi.Classifier;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.Logits;
import org.lowfreq.spi.Norm;

/** The project's targeted PGD, run on the TorchScript model through its autograd gradients. */
class TargetedPgdTest {

    @Test
    void targetedPgdReachesEveryTargetWithinTheBudget(@TempDir Path dir) throws IOException {
        Images x = Fixtures.randomImages(6, 21);
        try (Classifier c = new PyTorchModelProvider(TorchOptions.threads(1)).load(Fixtures.tinyMlp(dir))) {
            Logits z = c.logits(x);
            int[] clean = z.argmax();
            // each image's runner-up class: a target the 8 tanh units can reach with probability >= 0.5
            int[] targets = new int[clean.length];
            for (int i = 0; i < clean.length; i++) {
                int best = -1;
                for (int k = 0; k < 10; k++) {
                    if (k != clean[i] && (best < 0 || z.get(i, k) > z.get(i, best))) {
                        best = k;
                    }
                }
                targets[i] = best;
            }
            // 8 tanh units saturate, so some classes never reach p = 0.5: success here is "the target is the argmax"
            double eps = 0.25;
            AttackResult r = new PgdAttack(Norm.LINF).run(c, x, targets, PgdAttack.defaults(Norm.LINF, eps, 0.0, 7));
            int[] after = c.logits(new Images(x.count(), x.shape(), concat(r))).argmax();
            for (int i = 0; i < x.count(); i++) {
                AdversarialExample e = r.examples().get(i);
                assertThat(e.success()).as("image %d: target %d, clean class %d", i, targets[i], clean[i]).isTrue();
                assertThat(after[i]).as("the model itself now says the target").isEqualTo(targets[i]);
                assertThat(e.norm()).isLessThanOrEqualTo(eps + 1e-6);
                for (int k = 0; k < e.clipped().length; k++) {
                    float d = Math.abs(e.clipped()[k] - x.pixels()[x.offset(i) + k]);
                    assertThat(d).isLessThanOrEqualTo((float) eps + 1e-6f);
                }
            }
        }
    }

    private static float[] concat(AttackResult r) {
        int size = r.examples().get(0).clipped().length;
        float[] out = new float[r.examples().size() * size];
        for (int i = 0; i < r.examples().size(); i++) {
            System.arraycopy(r.examples().get(i).clipped(), 0, out, i * size, size);
        }
        return out;
    }
}
