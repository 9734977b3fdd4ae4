package org.lowfreq.experiments.plan;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.lowfreq.analysis.report.ModelIdentities;
import org.lowfreq.analysis.report.ModelIdentity;
import org.lowfreq.spi.ModelCardFile;

/**
 * The identity of the model a finished store job measured ({@code STORE/jobs/HASH}): its training
 * job's configuration hash without the seed ({@link Job#hashWithoutSeed()}), found through the job's
 * {@code config.json} ({@code model} = the training job's hash); an imported model ({@code model_path})
 * is identified by its card. Folders that are not store jobs fall back to a training folder's card.
 */
public final class StoreModelIdentity implements ModelIdentities.Lookup {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Optional<ModelIdentity> of(Path jobFolder) {
        Optional<Job> job = read(jobFolder.resolve("config.json"));
        if (job.isEmpty()) {
            return TRAINING_FOLDER_CARD.of(jobFolder);
        }
        Job j = job.get();
        Job train = j;
        if (!"train".equals(j.kind())) {
            if (j.string("model") != null) {
                train = read(jobFolder.resolveSibling(j.string("model")).resolve("config.json")).orElse(null);
            } else if (j.string("model_path") != null && ModelCardFile.exists(Path.of(j.string("model_path")))) {
                return Optional.of(ModelIdentity.ofCard(ModelCardFile.read(Path.of(j.string("model_path")))));
            } else {
                train = null;
            }
        }
        if (train == null || !"train".equals(train.kind())) {
            return Optional.empty();
        }
        String initFrom = train.strings("options").getOrDefault("init-from", "");
        long seed = train.config().get("seed") instanceof Number n ? n.longValue() : -1;
        return Optional.of(new ModelIdentity(train.string("name"), train.hashWithoutSeed(), seed, !initFrom.isBlank(),
                initFrom, "store job " + train.hash()));
    }

    private static Optional<Job> read(Path configJson) {
        if (!Files.isRegularFile(configJson)) {
            return Optional.empty();
        }
        try {
            Map<String, Object> m = JSON.readValue(configJson.toFile(), new TypeReference<Map<String, Object>>() { });
            return Optional.of(Job.fromMap(m, configJson.toString()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // not a store job: identified another way
        }
    }
}
