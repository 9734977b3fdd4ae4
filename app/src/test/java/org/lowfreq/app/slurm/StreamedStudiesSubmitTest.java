package org.lowfreq.app.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowfreq.app.experiment.TinyExperiment;

/**
 * 'lowfreq plan' and 'lowfreq submit --dry-run' on the shipped ImageNet and grayscale Tiny-ImageNet
 * studies: the jobs, and one array per job kind and dependency with the file's GPU, memory and time
 * requests.
 */
class StreamedStudiesSubmitTest {
    @TempDir
    Path dir;

    static Path shipped(String name) {
        for (Path p : List.of(Path.of("../experiments", name), Path.of("experiments", name))) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IllegalStateException("no shipped experiment " + name);
    }

    @Test
    void theImageNetStudySubmitsGpuArraysPerKind() throws Exception {
        Map<String, String> scripts = submit("paper-imagenet.yaml");
        assertThat(scripts.get("00-train.sbatch")).contains("#SBATCH --array=0-0\n").contains("#SBATCH --gres=gpu:1\n")
                .contains("#SBATCH --mem=64G\n").contains("#SBATCH --time=72:00:00\n").contains("# train baseline");
        // the six fine-tuned models wait for the baseline
        assertThat(scripts.get("01-train.sbatch")).contains("#SBATCH --array=0-5\n").contains("#SBATCH --gres=gpu:1\n")
                .contains("# submitted with --dependency=afterok:dry1\n");
        assertKinds(scripts);
        String report = scripts.entrySet().stream().filter(e -> e.getKey().endsWith("-report.sbatch")).findFirst().orElseThrow().getValue();
        assertThat(report).contains("#SBATCH --mem=8G\n").doesNotContain("--gres");
        assertThat(scripts.values()).filteredOn(s -> s.contains("-probe\n")).allSatisfy(s -> assertThat(s).contains("#SBATCH --mem=48G\n"));
    }

    @Test
    void theGrayTinyImageNetStudySubmitsGpuArraysPerKind() throws Exception {
        TinyExperiment.Run plan = TinyExperiment.lowfreq("plan", shipped("paper-tiny-gray.yaml").toString());
        // no data here, so the plan stops at the data check; but every name in the file is known
        assertThat(plan.err()).contains("data set tiny-imagenet-gray (28 jobs) is not under").doesNotContain("unknown");
        Map<String, String> scripts = submit("paper-tiny-gray.yaml");
        assertThat(scripts.get("00-train.sbatch")).contains("#SBATCH --gres=gpu:1\n").contains("#SBATCH --mem=32G\n");
        assertKinds(scripts);
    }

    /** 2 train arrays, a probe array (hybrid + corruption) and an attack array per model, one report. */
    private static void assertKinds(Map<String, String> scripts) {
        assertThat(scripts).hasSize(2 + 7 + 7 + 1);
        assertThat(scripts.keySet().stream().filter(k -> k.endsWith("-probe.sbatch"))).hasSize(7);
        assertThat(scripts.keySet().stream().filter(k -> k.endsWith("-attack.sbatch"))).hasSize(7);
        for (var e : scripts.entrySet()) {
            if (!e.getKey().endsWith("-report.sbatch")) {
                assertThat(e.getValue()).as(e.getKey()).contains("#SBATCH --gres=gpu:1\n");
            }
        }
        assertThat(scripts.values()).filteredOn(s -> s.contains("-probe\n"))
                .allSatisfy(s -> assertThat(s).contains("#SBATCH --array=0-1\n").contains("# probe hybrid").contains("# probe corruption"));
    }

    private Map<String, String> submit(String experiment) throws Exception {
        Path store = dir.resolve("store-" + experiment);
        TinyExperiment.Run r = TinyExperiment.lowfreq("submit", shipped(experiment).toString(), "--store", store.toString(),
                "--dry-run", "--cpus-per-task", "8", "--launcher", "/opt/lowfreq/lowfreq");
        assertThat(r.code()).as(r.err()).isZero();
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(store.resolve("slurm"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".sbatch")).toList()) {
                out.put(p.getFileName().toString(), Files.readString(p));
            }
        }
        return out;
    }
}
