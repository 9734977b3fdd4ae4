package org.lowfreq.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowfreq.app.streaming.GuardedTreePlugin;
import org.lowfreq.reference.DenseClassifier;
import org.lowfreq.reference.ReferenceModelProvider;
import org.lowfreq.spi.ImageShape;

/**
 * Issue 16's "Done when": on a generated tree, probe hybrid, probe corruption --from and attack --norm l2
 * (and eval, the Fourier heat map and corrupt) run without loading the split into memory. The tree is
 * opened through {@link GuardedTreePlugin}, whose data sets fail any command that reads the whole split
 * (or, for {@code tree-streamed}, anything but the streaming loader).
 */
class StreamingCommandsTest {
    private static final List<String> WNIDS = List.of("n01443537", "n01629819", "n01641577", "n01644373");
    /** More than the largest batch a command reads at once, so a whole-split read trips the guard. */
    private static final int PER_CLASS = 70;

    @TempDir
    static Path root;
    static Path model;

    @BeforeAll
    static void writeTreeAndModel() throws Exception {
        SplittableRandom rng = new SplittableRandom(16);
        for (int c = 0; c < WNIDS.size(); c++) {
            Path dir = Files.createDirectories(root.resolve(GuardedTreePlugin.FOLDER).resolve("val").resolve(WNIDS.get(c)));
            for (int i = 0; i < PER_CLASS; i++) {
                // 40 x 36 px (resized and centre-cropped to 32 on reading), a class-coloured blob on noise
                BufferedImage img = new BufferedImage(40, 36, BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < 36; y++) {
                    for (int x = 0; x < 40; x++) {
                        int base = rng.nextInt(80);
                        int r = base + (c == 0 || c == 3 ? 150 : 0);
                        int g = base + (c == 1 || c == 3 ? 150 : 0);
                        int b = base + (c == 2 ? 150 : 0);
                        img.setRGB(x, y, r << 16 | g << 8 | b);
                    }
                }
                ImageIO.write(img, "jpeg", dir.resolve(String.format("%s_%03d.JPEG", WNIDS.get(c), i)).toFile());
            }
        }
        ImageShape shape = new ImageShape(32, 32, 3);
        float[] w = new float[WNIDS.size() * shape.size()];
        for (int k = 0; k < w.length; k++) {
            w[k] = (float) (rng.nextGaussian() * 0.01);
        }
        model = root.resolve("model");
        ReferenceModelProvider.save(DenseClassifier.linear("linear-tree", shape, WNIDS.size(), w, new float[WNIDS.size()]), model);
    }

    private static MainTest.Run lowfreq(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = root.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        MainTest.Run r = MainTest.run(all);
        assertThat(r.code()).as(String.join(" ", args) + "\n" + r.err()).isZero();
        return r;
    }

    @Test
    void theHybridProbeStreamsBothKindsOfTree() throws Exception {
        for (String set : List.of("tree-guarded", "tree-streamed")) {
            Path out = root.resolve("hybrid-" + set);
            lowfreq("probe", "hybrid", "--model", model.toString(), "--dataset", set, "--split", "val", "--seeds", "1",
                    "--grid", "0,0.25,0.5,1", "-o", "bootstrap=0", "-o", "batch-size=64", "--out", out.toString());
            String results = Files.readString(out.resolve("results.csv"));
            assertThat(results).contains("p_low").contains("f_rev_norm");
            assertThat(Files.readAllLines(out.resolve("pairs.csv"))).hasSize(1 + WNIDS.size() * PER_CLASS);
        }
        // the same images through both routes (range reads, the streaming loader): the same numbers
        assertThat(Files.readString(root.resolve("hybrid-tree-streamed/pairs.csv")))
                .isEqualTo(Files.readString(root.resolve("hybrid-tree-guarded/pairs.csv")));
        assertThat(measured(root.resolve("hybrid-tree-streamed/results.csv")))
                .isEqualTo(measured(root.resolve("hybrid-tree-guarded/results.csv")))
                .anyMatch(r -> r.contains("p_low"));
    }

    /** parameter .. note of every row of a results file (what was measured, without provenance). */
    private static List<String> measured(Path results) throws Exception {
        try (var parser = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(Files.newBufferedReader(results))) {
            return parser.getRecords().stream().map(r -> String.join("|", r.get("parameter"), r.get("parameter_value"),
                    r.get("group"), r.get("seed"), r.get("metric"), r.get("value"), r.get("note"))).toList();
        }
    }

    @Test
    void corruptWritesThePublishedLayoutAndTheCorruptionProbeStreamsIt() throws Exception {
        Path c = root.resolve("Tree-C");
        MainTest.Run made = lowfreq("corrupt", "--dataset", "tree-streamed", "--split", "val", "--corruptions",
                "contrast,gaussian_noise", "--layout", "folder", "--threads", "2", "--out", c.toString());
        assertThat(made.out()).contains("wrote 2 corruption folders");
        try (Stream<Path> files = Files.walk(c)) {
            assertThat(files.filter(f -> f.toString().endsWith(".JPEG")).count()).isEqualTo(2L * 5 * WNIDS.size() * PER_CLASS);
        }
        assertThat(c.resolve("contrast/5/" + WNIDS.get(2))).isDirectory();
        Path out = root.resolve("corruption");
        lowfreq("probe", "corruption", "--model", model.toString(), "--dataset", "tree-guarded", "--split", "val",
                "--from", c.toString(), "--out", out.toString());
        String results = Files.readString(out.resolve("results.csv"));
        assertThat(results).contains(",contrast,").contains(",gaussian_noise,").contains("clean_accuracy")
                .contains("c_subset_accuracy");
        // the same set named instead of given as a path: found in its folder below the data root
        Files.createSymbolicLink(root.resolve("Tiny-ImageNet-C"), c);
        Path named = root.resolve("corruption-named");
        lowfreq("probe", "corruption", "--model", model.toString(), "--dataset", "tree-guarded", "--split", "val",
                "--from", "tiny-imagenet-c", "--out", named.toString());
        assertThat(measured(named.resolve("results.csv"))).isEqualTo(measured(out.resolve("results.csv")));
    }

    @Test
    void anL2AttackEvalAndTheHeatMapReadOnlyWhatTheyNeed() throws Exception {
        Path out = root.resolve("attack");
        MainTest.Run attack = lowfreq("attack", "--model", model.toString(), "--norm", "l2", "--dataset", "tree-streamed",
                "--split", "val", "--n", "8", "--fmn-steps", "3", "--restarts", "1", "--pgd-steps", "2", "--batch-size", "70",
                "--out", out.toString());
        assertThat(attack.out()).contains("found");
        // the folder lists 70 images per class; 8 spread through it span all 4 classes (the first 8 would be one)
        assertThat(Files.readString(out.resolve("results.csv"))).contains("epsilon_min_l2");
        for (String set : List.of("tree-guarded", "tree-streamed")) {
            MainTest.Run eval = lowfreq("eval", "--model", model.toString(), "--dataset", set, "--split", "val");
            assertThat(eval.out()).contains("(" + WNIDS.size() * PER_CLASS + " images)");
            MainTest.Run limited = lowfreq("eval", "--model", model.toString(), "--dataset", set, "--split", "val",
                    "--limit", "270");
            assertThat(limited.out()).contains("(270 images)");
        }
        Path heat = root.resolve("heat");
        lowfreq("probe", "fourier-heatmap", "--model", model.toString(), "--dataset", "tree-streamed", "--split", "val",
                "-o", "images=20", "-o", "figures=false", "--out", heat.toString());
        assertThat(Files.readString(heat.resolve("results.csv"))).contains("error_rate");
    }
}
