package org.lowfreq.experiments.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lowfreq.spi.UserInputException;

/** The shipped ImageNet and grayscale Tiny-ImageNet studies, fine-tuning by init_from and per-kind Slurm requests. */
class StreamedStudiesPlanTest {
    static final Catalog STREAMED = new Catalog(Set.of("imagenet", "tiny-imagenet-gray", "synthetic"), Set.of("tensorflow", "reference"),
            ExperimentPlannerTest.FULL.probes(), ExperimentPlannerTest.FULL.attackOptions());

    @Test
    void theImageNetStudyFineTunesOneModelPerSigmaFromTheBaseline() {
        Plan p = new ExperimentPlanner(STREAMED, false).plan(ExperimentPlannerTest.shipped("paper-imagenet.yaml"));
        assertFineTunedStudy(p, "resnet50", List.of(1.5, 2.0, 3.0, 5.0, 9.0, 15.0));
        assertThat(p.slurm().get("train")).containsExactly("--gres=gpu:1", "--mem=64G", "--time=72:00:00");
    }

    @Test
    void theGrayTinyImageNetStudyFineTunesOneModelPerSigmaFromTheBaseline() {
        Plan p = new ExperimentPlanner(STREAMED, false).plan(ExperimentPlannerTest.shipped("paper-tiny-gray.yaml"));
        assertFineTunedStudy(p, "resnet18", List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0));
        assertThat(p.slurm().get("train")).contains("--gres=gpu:1");
    }

    private static void assertFineTunedStudy(Plan p, String arch, List<Double> sigmas) {
        // 1 baseline + 6 fine-tuned; hybrid and corruption probe per model; one L2 attack per model; the report
        assertThat(p.count("train")).isEqualTo(7);
        assertThat(p.count("probe")).isEqualTo(2 * 7);
        assertThat(p.count("attack")).isEqualTo(7);
        assertThat(p.count("report")).isEqualTo(1);
        assertThat(p.jobs()).hasSize(7 + 14 + 7 + 1);
        Job baseline = p.jobs().stream().filter(j -> j.kind().equals("train") && j.string("family").equals("baseline"))
                .findFirst().orElseThrow();
        List<Job> blur = p.jobs().stream().filter(j -> j.kind().equals("train") && j.string("family").equals("blur")).toList();
        assertThat(blur).extracting(j -> j.number("blur_sigma")).containsExactlyElementsOf(sigmas);
        for (Job j : blur) {
            assertThat(j.deps()).containsExactly(baseline.hash());
            assertThat(j.string("init_from")).isEqualTo(baseline.hash());
            assertThat(j.string("arch")).isEqualTo(arch);
        }
        assertThat(baseline.deps()).isEmpty();
        assertThat(baseline.string("init_from")).isNull();
        assertThat(p.jobs().stream().filter(j -> j.kind().equals("probe")).map(j -> j.string("probe")).distinct())
                .containsExactlyInAnyOrder("hybrid", "corruption");
        assertThat(p.jobs().stream().filter(j -> j.kind().equals("attack")).map(j -> j.string("norm")).distinct())
                .containsExactly("l2");
        assertThat(p.slurm()).containsOnlyKeys("train", "probe", "attack", "report");
    }

    private static final String BASE = """
            name: t
            dataset: synthetic
            model_defaults: {backend: reference, arch: linear, epochs: 2}
            models:
            """;

    @Test
    void initFromMustNameAModelAbove() {
        assertThatThrownBy(() -> new ExperimentPlanner(STREAMED, false).plan(ExperimentPlannerTest.FILE, BASE + """
                  - name: blur
                    init_from: baseline
                  - name: baseline
                """)).isInstanceOf(UserInputException.class).hasMessageContaining("init_from names no model above ('baseline')");
    }

    @Test
    void slurmTakesSbatchOptionsPerKnownKind() {
        assertThatThrownBy(() -> new ExperimentPlanner(STREAMED, false).plan(ExperimentPlannerTest.FILE, BASE + """
                  - name: baseline
                slurm:
                  train: [gpu]
                  tarin: [--mem=1G]
                """)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("'gpu' is not an sbatch option").hasMessageContaining("tarin");
        Plan p = new ExperimentPlanner(STREAMED, false).plan(ExperimentPlannerTest.FILE, BASE + """
                  - name: baseline
                slurm:
                  train: [--gres=gpu:1]
                """);
        assertThat(p.slurm()).isEqualTo(Map.of("train", List.of("--gres=gpu:1")));
    }
}
