package org.lowfreq.analysis.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.lowfreq.spi.ModelCard;
import org.lowfreq.spi.ResultRow;

/**
 * What makes a model the model it is, apart from its training seed: the key of the seed-variance
 * groups ("same configuration except the seed", docs/METHODS.md 7) and the guard that keeps two different
 * models from merging under one name. Every training choice that changes the model (family, data set,
 * blur sigma, PCA k, width, epochs, grayscale, augmentation and its opt-ins, adversarial options,
 * init-from, ...) enters {@code configuration}; the seed does not.
 *
 * @param model         the name the result rows use
 * @param configuration a short hash of the configuration without the seed
 * @param seed          the training seed (-1 if unknown)
 * @param fineTuned     trained from another model's weights (init-from), not from scratch
 * @param initFrom      the model it started from, or ""
 * @param source        where the identity was read ("store job", "model card", "result columns")
 */
public record ModelIdentity(String model, String configuration, long seed, boolean fineTuned, String initFrom,
                            String source) {

    /** Card properties that differ between runs of one configuration (seed, timing, machine), so not identity. */
    static final Set<String> RUN_PROPERTIES = Set.of("training_seconds", "best_epoch", "best_validation_loss", "threads",
            "normalisation_mean", "normalisation_std", "tensorflow_version", "tensorflow_java_version", "java_version",
            "seed", "resumed");

    /** From a training configuration (e.g. a store job's config), leaving out {@code seed} and {@code name}. */
    public static ModelIdentity ofTrainingConfig(String model, Map<String, ?> config, long seed, String initFrom,
                                                 String source) {
        Map<String, String> c = new TreeMap<>();
        config.forEach((k, v) -> {
            if (!k.equals("seed") && !k.equals("name")) {
                c.put(k, String.valueOf(v));
            }
        });
        return new ModelIdentity(model, hash(c), seed, initFrom != null && !initFrom.isBlank(),
                initFrom == null ? "" : initFrom, source);
    }

    /** From a model card: every field but name and seed, and every property but the per-run ones. */
    public static ModelIdentity ofCard(ModelCard card) {
        Map<String, String> c = new TreeMap<>();
        c.put("family", card.family());
        c.put("arch", card.arch());
        c.put("backend", card.backend());
        c.put("dataset", card.dataset());
        c.put("input", card.inputShape().toString());
        c.put("classes", Integer.toString(card.classCount()));
        c.put("blur_sigma", ResultRow.formatNumber(card.blurSigma()));
        c.put("pca_k", Integer.toString(card.pcaComponents()));
        card.properties().forEach((k, v) -> {
            if (!RUN_PROPERTIES.contains(k) && !k.endsWith("_images") && !k.equals("init_note")) {
                c.put("property." + k, v);
            }
        });
        String init = card.properties().getOrDefault("init_from", card.properties().getOrDefault("option.init-from", ""));
        return new ModelIdentity(card.name(), hash(c), card.seed(), !init.isBlank(), init, "model card");
    }

    /** Fallback when only the result columns are known: the card columns of the table, without the seed. */
    public static ModelIdentity ofColumns(ResultRecord r) {
        Map<String, String> c = new TreeMap<>();
        c.put("family", r.family());
        c.put("arch", r.arch());
        c.put("backend", r.backend());
        c.put("blur_sigma", ResultRow.formatNumber(Double.isFinite(r.blurSigma()) ? r.blurSigma() : 0));
        c.put("pca_k", Integer.toString(r.pcaK()));
        return new ModelIdentity(r.model(), hash(c), r.modelSeed(), false, "", "result columns");
    }

    /** The same identity under another name (collect renames models whose names collide). */
    public ModelIdentity named(String name) {
        return new ModelIdentity(name, configuration, seed, fineTuned, initFrom, source);
    }

    /** True when two identities describe the same trained model (same configuration and seed). */
    public boolean sameModel(ModelIdentity o) {
        return configuration.equals(o.configuration) && seed == o.seed;
    }

    static String hash(Map<String, String> sorted) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            byte[] h = d.digest(new TreeMap<>(sorted).toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h).substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
