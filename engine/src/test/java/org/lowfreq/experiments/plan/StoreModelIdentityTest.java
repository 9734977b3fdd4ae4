package org.lowfreq.experiments.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowfreq.analysis.report.ModelIdentity;

class StoreModelIdentityTest {
    @TempDir
    Path store;

    private static Job train(String name, long seed, Map<String, Object> changes) {
        Map<String, Object> cfg = new TreeMap<>(Map.of("name", name, "family", "blur", "arch", "resnet18", "width", 16L,
                "blur_sigma", 1.5, "epochs", 3L, "grayscale", false, "seed", seed, "dataset", "cifar10",
                "options", Map.of()));
        cfg.putAll(changes);
        return Job.of("train", "train " + name, cfg, List.of());
    }

    private Path publish(Job job) throws Exception {
        Path dir = store.resolve("jobs").resolve(job.hash());
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("config.json"), CanonicalJson.write(job.toMap()) + "\n");
        return dir;
    }

    private Path probeOf(Job train) throws Exception {
        Map<String, Object> cfg = new TreeMap<>(Map.of("probe", "hybrid", "model", train.hash(), "model_name",
                train.string("name"), "seed", 0L));
        return publish(Job.of("probe", "probe on " + train.string("name"), cfg, List.of(train.hash())));
    }

    private ModelIdentity identity(Job train) throws Exception {
        publish(train);
        return new StoreModelIdentity().of(probeOf(train)).orElseThrow();
    }

    @Test
    void seedsShareTheConfigurationAndEveryModelChangingOptionSplitsIt() throws Exception {
        ModelIdentity s0 = identity(train("blur-seed0", 0, Map.of()));
        ModelIdentity s1 = identity(train("blur-seed1", 1, Map.of()));
        assertThat(s0.configuration()).isEqualTo(s1.configuration());
        assertThat(s0.seed()).isZero();
        assertThat(s1.seed()).isEqualTo(1);
        assertThat(s0.fineTuned()).isFalse();
        assertThat(s0.configuration()).isEqualTo(train("x", 7, Map.of()).hashWithoutSeed());
        List<Map<String, Object>> changes = List.of(Map.of("options", Map.of("init-from", "models/baseline")),
                Map.of("grayscale", true), Map.of("dataset", "tinyimagenet"), Map.of("epochs", 30L), Map.of("width", 64L),
                Map.of("options", Map.of("augmentation", "noise")), Map.of("options", Map.of("rotation", "2")),
                Map.of("options", Map.of("pgd-epsilon", "0.03")), Map.of("pca_k", 512L), Map.of("blur_sigma", 2.0));
        for (Map<String, Object> c : changes) {
            ModelIdentity other = identity(train("blur-seed0", 0, c));
            assertThat(other.configuration()).as("changing %s", c).isNotEqualTo(s0.configuration());
        }
        ModelIdentity ft = identity(train("blur-ft", 0, Map.of("options", Map.of("init-from", "models/baseline"))));
        assertThat(ft.fineTuned()).isTrue();
        assertThat(ft.initFrom()).isEqualTo("models/baseline");
    }

    @Test
    void aFolderThatIsNoStoreJobHasNoIdentityFromTheStore() {
        assertThat(new StoreModelIdentity().of(store.resolve("nothing-here"))).isEmpty();
    }
}
