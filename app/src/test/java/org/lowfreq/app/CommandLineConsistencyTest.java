package org.lowfreq.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowfreq.experiments.plan.Job;
import org.lowfreq.experiments.store.ResultStore;
import org.lowfreq.spi.Norm;
import picocli.CommandLine;

/** Issue 12, point 6: one spelling per idea, help that reads well, checked values, clear refusals. */
class CommandLineConsistencyTest {
    @TempDir
    Path tmp;

    private static MainTest.Run run(String... args) {
        return MainTest.run(args);
    }

    @Test
    void batchSizeIsSpelledTheSameInTrainAttackAndTheHybridProbe() {
        assertThat(run("train", "--help").out()).contains("--batch-size");
        MainTest.Run attack = run("attack", "--help");
        assertThat(attack.out()).contains("--batch-size=B").doesNotContain("--batch=");
        MainTest.Run old = run("attack", "--model", "m", "--norm", "linf", "--out", "o", "--batch", "3");
        assertThat(old.code()).isEqualTo(2);
        assertThat(old.err()).contains("--batch-size");
        assertThat(run("plugins").out()).isNotEmpty();
        assertThat(new org.lowfreq.probes.hybrid.HybridImageProbe().optionNames()).contains("batch-size").doesNotContain("batch");
    }

    @Test
    void normNamesAreCaseInsensitive() {
        assertThat(Norm.parse("LINF")).isEqualTo(Norm.LINF);
        assertThat(Norm.parse("L2")).isEqualTo(Norm.L2);
    }

    @Test
    void rootHelpShowsOneWholeSentencePerCommand() {
        String help = run("--help").out();
        String commands = help.substring(help.indexOf("Commands:"));
        // join continuation lines, then every command's text is one sentence ending with a full stop
        List<String> entries = new ArrayList<>();
        for (String line : commands.lines().skip(1).toList()) {
            if (line.startsWith("    ")) {
                entries.set(entries.size() - 1, entries.get(entries.size() - 1) + " " + line.trim());
            } else {
                entries.add(line.trim());
            }
        }
        assertThat(entries).hasSizeGreaterThan(10);
        for (String e : entries) {
            String text = e.substring(e.indexOf(' ')).trim();
            assertThat(text).as(e).endsWith(".");
            assertThat(text.substring(0, text.length() - 1)).as(e).doesNotContain(". ");
        }
        // and each command's first description line is exactly that sentence (no hard-wrapped fragments)
        GlobalOptions options = GlobalOptions.scan(new String[0], null);
        CommandLine cli = Main.commandLine(com.google.inject.Guice.createInjector(new LowfreqModule(options,
                new PluginDiscovery(List.of(), Main.class.getClassLoader()))));
        for (CommandLine sub : cli.getSubcommands().values()) {
            String[] d = sub.getCommandSpec().usageMessage().description();
            assertThat(d[0]).as(sub.getCommandName()).endsWith(".");
            for (String line : d) {
                boolean example = line.startsWith("  ") || line.startsWith("Example");
                assertThat(example || line.endsWith(".") || line.endsWith(":")).as(sub.getCommandName() + ": " + line).isTrue();
            }
        }
    }

    @Test
    void requiredOptionsSayRequiredAndTheirAbsenceIsAUsageError() {
        MainTest.Run r = run("train");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Missing required option: '--out=DIR'");
        assertThat(run("train", "--help").out()).contains("Model folder to write (required).");
        assertThat(run("attack", "--help").out()).contains("(required)");
        assertThat(run("status").code()).isEqualTo(2);
    }

    private Path quickWith(String from, String to) throws Exception {
        String yaml = Files.readString(Path.of("..", "experiments", "quick.yaml"));
        assertThat(yaml).contains(from);
        return Files.writeString(tmp.resolve("exp.yaml"), yaml.replace(from, to));
    }

    @Test
    void planChecksOptionValuesAsStrictlyAsTheJobs() throws Exception {
        String data = org.lowfreq.datasets.testing.RealData.cifar10Root().toString();
        MainTest.Run ok = run("--data-dir", data, "plan", quickWith("norm: linf", "norm: LINF").toString());
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("attack linf n=50 on baseline");
        MainTest.Run lower = run("--data-dir", data, "plan", quickWith("norm: linf", "norm: linf").toString());
        assertThat(lower.out()).isEqualTo(ok.out()); // same jobs, same hashes

        MainTest.Run bogus = run("plan", quickWith("corruptions: [gaussian_noise, defocus_blur, fog, contrast, jpeg_compression]",
                "corruptions: [fog, bogus]").toString());
        assertThat(bogus.code()).isEqualTo(1);
        assertThat(bogus.err()).contains("corruption 'bogus' is not available");

        MainTest.Run quiet = run("plan", quickWith("      restarts: 1", "      restarts: 1\n      quiet: true").toString());
        assertThat(quiet.code()).isEqualTo(1);
        assertThat(quiet.err()).contains("no option 'quiet'");

        MainTest.Run badValue = run("plan", quickWith("      restarts: 1", "      restarts: 0").toString());
        assertThat(badValue.code()).isEqualTo(1);
        assertThat(badValue.err()).contains("--restarts").contains("must be a whole number >= 1");
    }

    @Test
    void benchTensorflowRefusesStepsWidthsAndWarmupsThatMeasureNothing() throws Exception {
        for (String[] bad : new String[][] {{"--steps", "0", "--steps"}, {"--width", "16,0", "--width"},
                {"--warmup", "-1", "--warmup"}, {"--batch-size", "0", "--batch-size"}}) {
            MainTest.Run r = run("bench", "tensorflow", bad[0], bad[1], "--trace");
            assertThat(r.code()).as(String.join(" ", bad)).isEqualTo(1);
            assertThat(r.err()).contains(bad[2]).contains("must be a whole number").doesNotContain("Exception");
        }
    }

    @Test
    void planListsTheDataSetsMissingBelowTheDataRoot() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty-root"));
        MainTest.Run r = run("--data-dir", empty.toString(), "plan", quickWith("norm: linf", "norm: linf").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("attack linf n=50 on baseline"); // the plan is still shown
        assertThat(r.err()).contains("missing before any job can run").contains("data set cifar10 (12 jobs) is not under "
                + empty).contains("hint:");
    }

    @Test
    void theResumeExampleRepeatsTheBlurExampleWithResume() {
        List<String> examples = run("train", "--help").out().lines().map(String::trim)
                .filter(l -> l.startsWith("lowfreq train")).toList();
        String blur = examples.stream().filter(l -> l.contains("--blur-sigma") && !l.contains("--resume")).findFirst().orElseThrow();
        String resume = examples.stream().filter(l -> l.contains("--resume")).findFirst().orElseThrow();
        assertThat(resume).isEqualTo(blur + " --resume");
    }

    @Test
    void outOfRangeValuesExitOneNamingTheOptionAndTheRange() {
        String[][] bad = {
                {"train", "--out", "m", "--epochs", "0"}, {"train", "--out", "m", "--epochs", "-2"},
                {"train", "--out", "m", "--batch-size", "0"}, {"train", "--out", "m", "--lr", "-1"},
                {"train", "--out", "m", "--lr", "NaN"}, {"train", "--out", "m", "--blur-sigma", "NaN"},
                {"train", "--out", "m", "--pca-k", "-3"}, {"train", "--out", "m", "--noise-sigma", "-1"},
                {"train", "--out", "m", "--train-limit", "-7"}, {"train", "--out", "m", "--test-limit", "-1"},
                {"eval", "--model", "m", "--limit", "-5"}, {"attack", "--model", "m", "--norm", "linf", "--out", "o", "--n", "0"},
                {"attack", "--model", "m", "--norm", "linf", "--out", "o", "--eps-grid", "0.1,Infinity"},
        };
        for (String[] args : bad) {
            MainTest.Run r = run(args);
            String option = args[args.length - 2];
            assertThat(r.code()).as(String.join(" ", args) + "\n" + r.err()).isEqualTo(1);
            assertThat(r.err()).as(String.join(" ", args)).contains("error: " + option + " must be a ");
        }
        assertThat(Files.exists(Path.of("m"))).isFalse();
    }

    @Test
    void theReferenceTrainerRefusesOptionsItDoesNotHave() throws Exception {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new org.lowfreq.reference.SgdTrainer().train(
                new org.lowfreq.spi.TrainingSpec("baseline", "linear", 1, 0, 0, false, 1, 8, 0.1, 0, 0, 0, 0, false,
                        org.lowfreq.spi.Options.of("foo", "bar")), null, tmp.resolve("m2"), org.lowfreq.spi.ProgressListener.NONE))
                .hasMessageContaining("has no option 'foo'");
    }

    @Test
    void statusOnAFolderThatIsNotAStoreExitsOneAndCreatesNothing() throws Exception {
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        MainTest.Run r = run("status", "--store", plain.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("is not a result store").contains("hint:");
        try (Stream<Path> s = Files.list(plain)) {
            assertThat(s.toList()).isEmpty();
        }
        MainTest.Run missing = run("status", "--store", tmp.resolve("nope").toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(tmp.resolve("nope")).doesNotExist();
    }

    @Test
    void statusNamesJobsByTheirLabelAndModelsListsModelFolders() {
        Path store = tmp.resolve("store");
        Map<String, Object> cfg = new TreeMap<>(Map.of("name", "baseline"));
        Job train = Job.of("train", "train baseline (tensorflow resnet18 w16, 4 epochs)", cfg, List.of());
        Job probe = Job.of("probe", "probe hybrid on baseline", new TreeMap<>(Map.of("probe", "hybrid")), List.of(train.hash()));
        try (ResultStore rs = new ResultStore(store, Duration.ofMinutes(2))) {
            rs.saveSpec(train);
            rs.saveSpec(probe);
        }
        MainTest.Run r = run("status", "--store", store.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("pending  " + train.hash() + "  train baseline (").contains("probe hybrid on baseline")
                .doesNotContain("train train").doesNotContain("probe probe");
        MainTest.Run m = run("models", "--store", store.toString());
        assertThat(m.code()).as(m.err()).isZero();
        assertThat(m.out()).containsPattern("baseline\\s+\\(pending, no model yet\\)");
    }

    @Test
    void aPluginFileThatIsNotAJarGetsTheRightReason() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("plugins"));
        Files.writeString(dir.resolve("broken.jar"), "this is text, not a zip archive");
        MainTest.Run r = run("--plugin-path", dir.toString(), "plugins");
        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("broken.jar").contains("not a jar file").doesNotContain("no META-INF/services");
        Path text = Files.writeString(tmp.resolve("notes.txt"), "x");
        assertThat(run("--plugin-path", text.toString(), "plugins").err()).contains("is a file but not a .jar");
    }

    @Test
    void trainAndAttackDefaultsAgreeWithExperimentFilesOrTheHelpSaysWhy() {
        assertThat(run("attack", "--help").out()).contains("(default: 100)");
        String train = run("train", "--help").out().replaceAll("\\s+", " ");
        assertThat(train).contains("experiment files default to the paper's network and recipe (width 64, 30 epochs, lr 0.1)");
    }
}
