package org.lowfreq.app.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowfreq.experiments.executor.JobContext;
import org.lowfreq.experiments.plan.Job;
import org.lowfreq.experiments.store.ResultStore;
import org.lowfreq.spi.Options;
import org.lowfreq.spi.ProgressListener;

/** A fine-tuning job (init_from in the experiment) trains from its source job's model folder. */
class TrainJobKindInitFromTest {
    @Test
    void initFromIsTheSourceJobsModelFolderOrTheImportedPath(@TempDir Path dir) {
        ResultStore store = new ResultStore(dir.resolve("store"), Duration.ofSeconds(120));
        Job tuned = Job.of("train", "train blur", Map.of("name", "blur", "init_from", "0123456789ab"), List.of("0123456789ab"));
        Options o = TrainJobKind.initFrom(context(tuned, store, dir), Options.of("weight-decay", "1e-4"));
        assertThat(o.getString("init-from", null))
                .isEqualTo(dir.resolve("store").resolve("jobs").resolve("0123456789ab").resolve("model").toAbsolutePath().toString());
        assertThat(o.getString("weight-decay", null)).isEqualTo("1e-4");

        Job imported = Job.of("train", "train blur", Map.of("name", "blur", "init_from_path", "/models/base"), List.of());
        assertThat(TrainJobKind.initFrom(context(imported, store, dir), Options.EMPTY).getString("init-from", null))
                .isEqualTo("/models/base");

        Job scratch = Job.of("train", "train base", Map.of("name", "base"), List.of());
        assertThat(TrainJobKind.initFrom(context(scratch, store, dir), Options.EMPTY).has("init-from")).isFalse();
    }

    private static JobContext context(Job job, ResultStore store, Path dir) {
        return new JobContext(job, store, dir.resolve("work"), 1, ProgressListener.NONE, new PrintWriter(new StringWriter()));
    }
}
