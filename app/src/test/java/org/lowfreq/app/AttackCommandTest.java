package org.lowfreq.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.lowfreq.datasets.testing.RealData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowfreq.reference.DenseClassifier;
import org.lowfreq.reference.ReferenceModelProvider;
import org.lowfreq.spi.ImageShape;

/** Bad input to {@code lowfreq attack} is refused with a message and a hint, before any attack runs. */
class AttackCommandTest {
    @Test
    void aMissingModelFolderIsNamed(@TempDir Path tmp) {
        MainTest.Run r = MainTest.run("attack", "--model", tmp.resolve("nope").toString(), "--norm", "linf",
                "--out", tmp.resolve("out").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("model folder").contains("nope").contains("does not exist").contains("hint:");
    }

    @Test
    void aModelStillInTrainingIsRecognised(@TempDir Path tmp) throws Exception {
        Path model = tmp.resolve("blur");
        Files.createDirectories(model.resolve("checkpoints"));
        MainTest.Run r = MainTest.run("attack", "--model", model.toString(), "--norm", "linf", "--out", tmp.resolve("out").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("training has not finished").contains("hint: wait");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void tooFewImagesAndAnUnknownNormAreRefused(@TempDir Path tmp) {
        MainTest.Run one = MainTest.run("attack", "--model", tmp.toString(), "--norm", "linf", "--n", "1", "--out", tmp.toString());
        assertThat(one.code()).isEqualTo(1);
        assertThat(one.err()).contains("at least 2 images").contains("hint: pass --n 2 or more");
        MainTest.Run norm = MainTest.run("attack", "--model", tmp.toString(), "--norm", "l3", "--out", tmp.toString());
        assertThat(norm.code()).isEqualTo(1);
        assertThat(norm.err()).contains("unknown norm 'l3'").contains("linf or l2");
    }

    @Test
    void moreImagesThanTheTestSetIsRefusedWithTheLimit(@TempDir Path tmp) {
        String root = cifarRoot();
        Path model = zeroLinearModel(tmp);
        MainTest.Run r = MainTest.run("--data-dir", root, "attack", "--model", model.toString(), "--norm", "linf",
                "--dataset", "cifar10", "--n", "10001", "--out", tmp.resolve("out").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("--n 10001").contains("(10000)").contains("hint: use --n 10000 or less");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void anUnknownProtocolIsRefused(@TempDir Path tmp) {
        MainTest.Run r = MainTest.run("attack", "--model", tmp.toString(), "--norm", "linf", "--protocol", "binary",
                "--out", tmp.resolve("out").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("unknown attack protocol 'binary'").contains("sweep, bisection");
    }

    @Test
    void givenTargetsAreCheckedBeforeTheAttackAndUsedByTheBisectionProtocol(@TempDir Path tmp) throws Exception {
        String root = cifarRoot();
        Path model = zeroLinearModel(tmp);
        // the first CIFAR-10 test labels are 3 (cat) and 8 (ship)
        Path bad = Files.write(tmp.resolve("bad.csv"), java.util.List.of("index,target", "0,5", "1,8"));
        MainTest.Run refused = MainTest.run("--data-dir", root, "attack", "--model", model.toString(), "--norm", "linf",
                "--dataset", "cifar10", "--n", "2", "--targets", bad.toString(), "--out", tmp.resolve("out").toString());
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("bad.csv line 3").contains("target 8 of image 1 is its own label");
        assertThat(tmp.resolve("out")).doesNotExist();

        Path good = Files.write(tmp.resolve("good.csv"), java.util.List.of("index,target", "1,2", "0,5"));
        Path out = tmp.resolve("out");
        MainTest.Run ok = MainTest.run("--data-dir", root, "attack", "--model", model.toString(), "--norm", "linf",
                "--dataset", "cifar10", "--n", "2", "--targets", good.toString(), "--protocol", "bisection",
                "--pgd-steps", "2", "--out", out.toString());
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("PGD bisection: found 0/2")
                // the protocol's rate against the bench's own input-gradient workload, and where the time went
                .containsPattern("image-gradients/s = \\d+% of the bench input-gradient rate [0-9.]+ images/s \\('lowfreq bench'")
                .contains("batch 128, 10 timed calls").containsPattern("time in gradient calls [0-9.]+ s, in forward calls")
                // how full the gradient calls were: zero weights, so both images fail PGD at eps_max and
                // the bisection stops after that run's 2 steps, each holding both images
                .contains("  2 gradient calls, mean batch 2.0; 0 calls below the largest batch 2, taking 0.0 s");
        assertThat(Files.readAllLines(out.resolve("targets.csv"))).containsExactly("index,label,target", "0,3,5", "1,8,2");
        assertThat(Files.readString(out.resolve("results.csv"))).contains("epsilon_min_linf_median_success")
                .contains("protocol: PGD bisection").contains(",attack-linf-bisection,").doesNotContain("protocol: sweep");
    }

    @Test
    void refineBbRunsBrendelBethgeNamesItInTheResultsAndIsRefusedWithBisection(@TempDir Path tmp) throws Exception {
        String root = cifarRoot();
        Path model = zeroLinearModel(tmp);
        Path out = tmp.resolve("out");
        // zero weights: no attack succeeds, so Brendel-Bethge has no start (FMN stands in), noted per image
        MainTest.Run ok = MainTest.run("--data-dir", root, "attack", "--model", model.toString(), "--norm", "l2",
                "--dataset", "cifar10", "--n", "2", "--refine", "bb", "--pgd-steps", "2", "--eps-grid", "0.1",
                "--fmn-steps", "2", "--restarts", "1", "--out", out.toString());
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("sweep + Brendel-Bethge: found 0/2");
        assertThat(Files.readString(out.resolve("results.csv"))).contains(",attack-l2-bb,")
                .contains("protocol: sweep + Brendel-Bethge").contains("found no adversarial to start Brendel-Bethge from: refined by FMN from zero")
                .doesNotContain("protocol: sweep + FMN");
        MainTest.Run both = MainTest.run("--data-dir", root, "attack", "--model", model.toString(), "--norm", "l2",
                "--dataset", "cifar10", "--n", "2", "--refine", "bb", "--protocol", "bisection", "--out",
                tmp.resolve("out2").toString());
        assertThat(both.code()).isEqualTo(1);
        assertThat(both.err()).contains("refinement 'bb' does not apply");
        MainTest.Run unknown = MainTest.run("--data-dir", root, "attack", "--model", model.toString(), "--norm", "l2",
                "--dataset", "cifar10", "--n", "2", "--refine", "cw", "--out", tmp.resolve("out3").toString());
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("unknown refinement 'cw'").contains("fmn, bb");
    }

    /** The data root holding CIFAR-10; the test is skipped without it. */
    private static String cifarRoot() {
        return RealData.cifar10Root().toString();
    }

    /** A saved 10-class linear reference model with zero weights (every class equally likely). */
    private static Path zeroLinearModel(Path tmp) {
        ImageShape shape = new ImageShape(32, 32, 3);
        Path model = tmp.resolve("linear");
        ReferenceModelProvider.save(DenseClassifier.linear("linear", shape, 10, new float[10 * shape.size()], new float[10]), model);
        return model;
    }

    /** Two linear models of the synthetic data set with the same card name and different weights. */
    private static Path sameNamedModel(Path dir, long seed) {
        ImageShape shape = new ImageShape(4, 4, 1);
        java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
        float[] w = new float[2 * shape.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) rng.nextGaussian();
        }
        ReferenceModelProvider.save(DenseClassifier.linear("linear", shape, 2, w, new float[2]), dir);
        return dir;
    }

    @Test
    void resumingAnAttackOrAProbeWithAnotherModelOfTheSameNameIsRefused(@TempDir Path tmp) {
        Path a = sameNamedModel(tmp.resolve("a"), 1);
        Path b = sameNamedModel(tmp.resolve("b"), 2);
        Path out = tmp.resolve("attack");
        MainTest.Run first = MainTest.run("--quiet", "attack", "--model", a.toString(), "--dataset", "synthetic",
                "--norm", "linf", "--n", "4", "--out", out.toString());
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(out.resolve(org.lowfreq.spi.ModelIdentity.FILE_NAME)).exists();
        MainTest.Run again = MainTest.run("--quiet", "attack", "--model", a.toString(), "--dataset", "synthetic",
                "--norm", "linf", "--n", "4", "--out", out.toString());
        assertThat(again.code()).as(again.err()).isZero();
        MainTest.Run other = MainTest.run("--quiet", "attack", "--model", b.toString(), "--dataset", "synthetic",
                "--norm", "linf", "--n", "4", "--out", out.toString());
        assertThat(other.code()).isEqualTo(1);
        assertThat(other.err()).contains("holds results of another model").contains("hint: use another --out folder");

        Path probeOut = tmp.resolve("probe");
        assertThat(MainTest.run("--quiet", "probe", "tiny-accuracy", "--model", a.toString(), "--dataset", "synthetic",
                "--out", probeOut.toString()).code()).isZero();
        MainTest.Run probeOther = MainTest.run("--quiet", "probe", "tiny-accuracy", "--model", b.toString(),
                "--dataset", "synthetic", "--out", probeOut.toString());
        assertThat(probeOther.code()).isEqualTo(1);
        assertThat(probeOther.err()).contains("holds results of another model");
    }

    @Test
    void aRunRefusedBeforeAnyResultLeavesNoOutFolder(@TempDir Path tmp) {
        Path a = sameNamedModel(tmp.resolve("a"), 1);
        Path out = tmp.resolve("probe");
        MainTest.Run r = MainTest.run("--quiet", "probe", "tiny-accuracy", "--model", a.toString(), "--dataset",
                "synthetic", "-o", "fail=true", "--out", out.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(out).doesNotExist();
        assertThat(javax.imageio.ImageIO.getUseCache()).as("no imageio*.tmp cache files").isFalse();
    }
}
