package org.lowfreq.experiments.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Job hashes are the store's keys: a refactoring of the planner that changed one would silently
 * re-run finished work. The expected lines (label and hash of every job of the shipped experiment
 * files and of the planner test's grid) were written by the planner before it was split into
 * reader, grid expansion and planner, and must never change.
 */
class JobHashesUnchangedTest {
    /** Offers exactly what the shipped experiment files use. */
    static final Catalog SHIPPED = new Catalog(Set.of("cifar10", "synthetic"), Set.of("tensorflow", "reference"),
            Map.of("hybrid", Set.of("seeds"), "corruption", Set.of("generate", "corruptions", "severities", "from"),
                    "tiny-accuracy", Set.of("scale", "sleep_ms", "log_file", "fail")),
            Set.of("model", "norm", "n", "min-prob", "seed", "out", "steps", "fmn-steps", "restarts"));

    @Test
    void shippedExperimentsAndTheTestGridKeepTheirJobHashes() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String f : List.of("quick.yaml", "goldilocks-small.yaml", "paper-cifar10.yaml")) {
            // the module runs its tests in engine/; the shipped files are in the top-level experiments/
            Plan plan = new ExperimentPlanner(SHIPPED, false).plan(Path.of("..", "experiments", f));
            plan.jobs().forEach(j -> lines.add(f + " " + j.label() + " " + j.hash()));
        }
        Plan grid = new ExperimentPlanner(ExperimentPlannerTest.CATALOG, false)
                .plan(ExperimentPlannerTest.FILE, ExperimentPlannerTest.GRID);
        grid.jobs().forEach(j -> lines.add("GRID " + j.label() + " " + j.hash()));

        List<String> expected;
        try (InputStream in = getClass().getResourceAsStream("/job-hashes-before-planner-split.txt")) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        assertThat(expected).hasSize(165).contains("quick.yaml train baseline (tensorflow resnet18 w16, 4 epochs) b8b958eebff3");
        assertThat(lines).containsExactlyElementsOf(expected);
    }
}
