package org.lowfreq.experiments.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lowfreq.spi.UserInputException;

class ExperimentPlannerTest {
    static final Catalog CATALOG = new Catalog(Set.of("synthetic", "cifar10"), Set.of("reference", "tensorflow"),
            Map.of("tiny-accuracy", Set.of("scale", "sleep_ms", "log_file", "fail"), "corruption", Set.of("corruptions", "severities")),
            Set.of("model", "norm", "n", "min-prob", "seed", "out", "steps"));
    static final Path FILE = Path.of("/tmp/exp.yaml");

    static Plan plan(String yaml) {
        return new ExperimentPlanner(CATALOG, false).plan(FILE, yaml);
    }

    static final String GRID = """
            name: t
            dataset: synthetic
            model_defaults: {backend: reference, arch: linear, epochs: 2}
            models:
              - name: blur
                grid:
                  blur_sigma: [0, 0.5, 1.5]
                  seed: [0, 1]
            probes:
              - probe: tiny-accuracy
                models: [blur]
                options: {scale: 2}
            corruption:
              options: {corruptions: [fog, contrast], severities: 5}
            attacks:
              - norm: l2
                n: 10
                options: {steps: 20}
            report: true
            """;

    @Test
    void gridsExpandAsACartesianProductAndProbesDependOnTheirModel() {
        Plan p = plan(GRID);
        assertThat(p.count("train")).isEqualTo(6);
        assertThat(p.count("probe")).isEqualTo(12); // tiny-accuracy and corruption on each model
        assertThat(p.count("attack")).isEqualTo(6);
        assertThat(p.count("report")).isEqualTo(1);
        List<String> names = p.jobs().stream().filter(j -> j.kind().equals("train")).map(j -> j.string("name")).toList();
        assertThat(names).containsExactly("blur-sigma0-seed0", "blur-sigma0-seed1", "blur-sigma0.5-seed0",
                "blur-sigma0.5-seed1", "blur-sigma1.5-seed0", "blur-sigma1.5-seed1");
        Map<String, Job> byHash = new java.util.HashMap<>();
        for (Job j : p.jobs()) {
            for (String d : j.deps()) {
                assertThat(byHash).as("dependency of %s comes first", j).containsKey(d);
            }
            byHash.put(j.hash(), j);
            if (!j.kind().equals("train") && !j.kind().equals("report")) {
                Job model = byHash.get(j.deps().get(0));
                assertThat(model.kind()).isEqualTo("train");
                assertThat(j.string("model")).isEqualTo(model.hash());
                assertThat(j.string("model_name")).isEqualTo(model.string("name"));
            }
        }
        Job corruption = p.jobs().stream().filter(j -> "corruption".equals(j.string("probe"))).findFirst().orElseThrow();
        assertThat(corruption.strings("options")).containsEntry("corruptions", "fog,contrast").containsEntry("severities", "5");
        Job report = p.jobs().get(p.jobs().size() - 1);
        assertThat(report.kind()).isEqualTo("report");
        assertThat(report.deps()).hasSize(6 + 12 + 6);
    }

    @Test
    void theHashIsOfTheNormalisedConfigurationNotOfItsSpelling() {
        Plan a = plan("""
                name: t
                dataset: synthetic
                models:
                  - {name: m, backend: reference, arch: linear, blur_sigma: 1, learning_rate: 0.10}
                """);
        Plan b = plan("""
                # same model, other order and spelling
                dataset: synthetic
                name: t
                models:
                  - name: m
                    learning_rate: 1e-1
                    blur_sigma: 1.0
                    arch: linear
                    backend: reference
                """);
        assertThat(a.jobs()).hasSize(1);
        assertThat(a.jobs().get(0).hash()).isEqualTo(b.jobs().get(0).hash()).hasSize(CanonicalJson.HASH_CHARS);
        Plan c = plan("""
                name: t
                dataset: synthetic
                models:
                  - {name: m, backend: reference, arch: linear, blur_sigma: 1, learning_rate: 0.2}
                """);
        assertThat(c.jobs().get(0).hash()).isNotEqualTo(a.jobs().get(0).hash());
    }

    @Test
    void aModelsThreadCountIsPartOfItsIdentityWhenSet() {
        String yaml = """
                name: t
                dataset: synthetic
                models:
                  - {name: m, backend: reference, arch: linear%s}
                """;
        Job unset = plan(yaml.formatted("")).jobs().get(0);
        Job one = plan(yaml.formatted(", threads: 1")).jobs().get(0);
        Job two = plan(yaml.formatted(", threads: 2")).jobs().get(0);
        assertThat(one.config()).containsEntry("threads", 1L);
        assertThat(two.hash()).isNotEqualTo(one.hash());
        // unset, the runner's thread count is used and recorded, and old stores keep their hashes
        assertThat(unset.config()).doesNotContainKey("threads");
        assertThat(unset.hash()).isNotEqualTo(one.hash());
    }

    @Test
    void theSameWorkPlannedTwiceIsOneJob() {
        Plan p = plan("""
                name: t
                dataset: synthetic
                model_defaults: {backend: reference, arch: linear}
                models:
                  - name: blur
                    grid: {blur_sigma: [0.5, 1.5], seed: [0]}
                  - name: blur-seeds
                    grid: {blur_sigma: [1.5], seed: [0, 1]}
                """);
        // blur-seeds' seed 0 differs only by its name, which is part of the configuration: 4 jobs
        assertThat(p.count("train")).isEqualTo(4);
        Plan q = plan("""
                name: t
                dataset: synthetic
                model_defaults: {backend: reference, arch: linear}
                models:
                  - name: m
                probes:
                  - {probe: tiny-accuracy}
                  - {probe: tiny-accuracy, seed: 0}
                """);
        assertThat(q.count("probe")).isEqualTo(1);
    }

    @Test
    void unknownKeysNamesAndBadValuesAreReportedWithLineAndAllowedValues() {
        String yaml = """
                name: t
                dataset: synthetic
                modles: []
                models:
                  - name: m
                    backend: reference
                    sigma: 1.5
                    epochs: -3
                  - name: n
                    backend: pytorch
                probes:
                  - probe: hybird
                  - probe: tiny-accuracy
                    options: {scael: 2}
                    models: [m, q]
                attacks:
                  - norm: l3
                """;
        assertThatThrownBy(() -> plan(yaml)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("/tmp/exp.yaml:3: unknown key 'modles' in the experiment (allowed: ")
                .hasMessageContaining(":7: unknown key 'sigma' in a model (allowed: ")
                .hasMessageContaining("blur_sigma")
                .hasMessageContaining(":8: 'epochs' must be a whole number >= 1, got '-3'")
                .hasMessageContaining(":10: model 'n': backend 'pytorch' is unknown or cannot train (backends that train: reference, tensorflow)")
                .hasMessageContaining(":12: unknown probe 'hybird' (known probes: corruption, tiny-accuracy)")
                .hasMessageContaining(":14: probe 'tiny-accuracy' has no option 'scael' (allowed: fail, log_file, scale, sleep_ms)")
                .hasMessageContaining(":15: probe 'tiny-accuracy': no model entry named 'q' (model entries: m, n)")
                .hasMessageContaining(":17: unknown norm 'l3' (allowed: l2, linf)");
    }

    @Test
    void anAttackNamesItsProtocolAndAnUnknownOneIsRefused() {
        String yaml = """
                name: t
                dataset: synthetic
                model_defaults: {backend: reference, arch: linear, epochs: 2}
                models:
                  - name: m
                attacks:
                  - norm: linf
                  - norm: linf
                    protocol: bisection
                """;
        Plan p = plan(yaml);
        assertThat(p.jobs().stream().filter(j -> j.kind().equals("attack")).map(j -> String.valueOf(j.string("protocol"))))
                .containsExactly("null", "bisection"); // absent = the command's default (sweep): old job hashes stay valid
        assertThatThrownBy(() -> plan(yaml.replace("protocol: bisection", "protocol: binary")))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining(":9: unknown attack protocol 'binary' (allowed: bisection, sweep)");
    }

    @Test
    void anAttackNamesItsRefinementWhichReachesTheCommandAndAnUnknownOneIsRefused() {
        String yaml = """
                name: t
                dataset: synthetic
                model_defaults: {backend: reference, arch: linear, epochs: 2}
                models:
                  - name: m
                attacks:
                  - norm: linf
                  - norm: linf
                    refine: bb
                """;
        Plan p = plan(yaml);
        java.util.List<Job> attacks = p.jobs().stream().filter(j -> j.kind().equals("attack")).toList();
        assertThat(attacks.stream().map(j -> String.valueOf(j.string("refine")))).containsExactly("null", "bb");
        // that the key reaches the command's --refine is tested with the job kind (app AttackJobKindTest)
        assertThatThrownBy(() -> plan(yaml.replace("refine: bb", "refine: cw")))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining(":9: unknown attack refinement 'cw' (allowed: bb, fmn)");
        assertThatThrownBy(() -> plan(yaml.replace("refine: bb", "refine: bb\n    protocol: bisection")))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining(":9: the bisection protocol has no refinement stage, so refine 'bb' does not apply");
    }

    @Test
    void unknownDataSetAndYamlSyntaxErrorsNameTheLine() {
        assertThatThrownBy(() -> plan("name: t\ndataset: imagenet\n"))
                .hasMessageContaining(":2: unknown data set 'imagenet' (known: cifar10, synthetic)");
        assertThatThrownBy(() -> plan("name: t\ndataset: [synthetic\nmodels: x\n"))
                .isInstanceOf(UserInputException.class).hasMessageContaining("/tmp/exp.yaml:").hasMessageContaining("not valid YAML");
    }

    @Test
    void missingPartsAreSkippedWithANoteWhenAsked() {
        Catalog small = new Catalog(Set.of("synthetic"), Set.of("reference"), Map.of(), null);
        Plan p = new ExperimentPlanner(small, true).plan(FILE, GRID.replace("backend: reference", "backend: reference"));
        assertThat(p.count("train")).isEqualTo(6);
        assertThat(p.count("probe")).isZero();
        assertThat(p.count("attack")).isZero();
        assertThat(p.notes()).anyMatch(n -> n.contains("tiny-accuracy")).anyMatch(n -> n.contains("attack"));
        assertThatThrownBy(() -> new ExperimentPlanner(small, false).plan(FILE, GRID))
                .hasMessageContaining("unknown probe 'tiny-accuracy'");
    }

    @Test
    void canonicalJsonSortsKeysAndNormalisesNumbers() {
        assertThat(CanonicalJson.write(Map.of("b", 1.0, "a", List.of(2L, 0.5, "x\"y"), "c", true)))
                .isEqualTo("{\"a\":[2,0.5,\"x\\\"y\"],\"b\":1,\"c\":true}");
    }

    /** What the full build offers (names and options of the other modules' plugins and commands). */
    static final Catalog FULL = new Catalog(Set.of("cifar10"), Set.of("tensorflow", "reference"),
            Map.of("hybrid", Set.of("seeds", "grid", "batch-size", "bootstrap", "ci", "examples", "figures"),
                    "corruption", Set.of("from", "generate", "corruptions", "table", "spectra", "spectrum_images",
                            "spectrum_severity")),
            Set.of("model", "norm", "n", "min-prob", "seed", "eps-grid", "pgd-steps", "fmn-steps", "restarts", "batch-size",
                    "dataset", "split", "out"));

    static Path shipped(String name) {
        for (Path p : List.of(Path.of("../experiments", name), Path.of("experiments", name))) {
            if (java.nio.file.Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new AssertionError("no experiments/" + name);
    }

    @Test
    void theShippedQuickstartPlansThreeModelsTheirProbesAttacksAndAReport() {
        Plan p = new ExperimentPlanner(FULL, false).plan(shipped("quick.yaml"));
        assertThat(p.count("train")).isEqualTo(3);
        assertThat(p.count("probe")).isEqualTo(6);
        assertThat(p.count("attack")).isEqualTo(3);
        assertThat(p.count("report")).isEqualTo(1);
        assertThat(p.jobs().stream().filter(j -> j.kind().equals("train")).map(j -> j.string("name")))
                .containsExactly("baseline", "blur-sigma1", "blur-sigma2");
    }

    @Test
    void theShippedPaperStudyPlansEveryFamily() {
        Plan p = new ExperimentPlanner(FULL, false).plan(shipped("paper-cifar10.yaml"));
        // baseline x 5 seeds, 8 blur sigmas, 4 more seeds at 1.5, adversarial, 2 augmentations, PCA k = 512
        assertThat(p.count("train")).isEqualTo(5 + 8 + 4 + 1 + 2 + 1);
        assertThat(p.count("probe")).isEqualTo(2 * 21);
        assertThat(p.count("attack")).isEqualTo(2 * 21);
        assertThat(p.jobs().stream().filter(j -> j.kind().equals("train")).map(j -> j.string("family")).distinct())
                .containsExactlyInAnyOrder("baseline", "blur", "adversarial", "augmentation", "pca");
        assertThat(p.jobs().stream().filter(j -> j.kind().equals("train") && j.number("blur_sigma") == 1.5)).hasSize(5);
        assertThat(p.jobs().stream().filter(j -> j.kind().equals("train") && j.string("family").equals("pca"))
                .map(j -> j.number("pca_k"))).containsExactly(512.0);
    }
}
