package org.lowfreq.experiments.plan;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.lowfreq.spi.UserInputException;

/**
 * One unit of work of an experiment: train a model, run a probe or an attack on a model, or write
 * the report. Its key is the hash of its full normalised configuration, so the same work planned
 * twice (by two experiment files, or a grid that overlaps another) is one job in the store.
 *
 * @param hash   {@link CanonicalJson#hash} of {@code config}
 * @param kind   train, probe, attack or report (names a {@code JobKind})
 * @param label  human-readable one-liner, not part of the hash
 * @param config everything that determines the result (no thread counts, no paths of the store)
 * @param deps   hashes of the jobs whose output this job reads
 */
public record Job(String hash, String kind, String label, Map<String, Object> config, List<String> deps) {
    public Job {
        config = java.util.Collections.unmodifiableMap(new TreeMap<>(config));
        deps = List.copyOf(deps);
    }

    /** A job with its hash computed from the configuration. */
    public static Job of(String kind, String label, Map<String, Object> config, List<String> deps) {
        Map<String, Object> full = new TreeMap<>(config);
        full.put("kind", kind);
        return new Job(CanonicalJson.hash(full), kind, label, full, deps);
    }

    /**
     * The hash of the configuration without {@code seed} and {@code name}: for a training job, what
     * its model is apart from the seed, so models that share it form one seed-variance group
     * (docs/METHODS.md 7). Every other training field and option (init-from, grayscale, data set,
     * augmentation, width, epochs, ...) is part of it.
     */
    public String hashWithoutSeed() {
        Map<String, Object> c = new TreeMap<>(config);
        c.remove("seed");
        c.remove("name");
        return CanonicalJson.hash(c);
    }

    /** The serialised form stored in the result store (the spec file and each job's config.json). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new TreeMap<>();
        m.put("hash", hash);
        m.put("kind", kind);
        m.put("label", label);
        m.put("config", config);
        m.put("deps", deps);
        return m;
    }

    @SuppressWarnings("unchecked")
    public static Job fromMap(Map<String, Object> m, String source) {
        try {
            Job j = new Job((String) m.get("hash"), (String) m.get("kind"), (String) m.get("label"),
                    (Map<String, Object>) m.get("config"), (List<String>) m.get("deps"));
            String actual = CanonicalJson.hash(j.config());
            if (!actual.equals(j.hash())) {
                throw new UserInputException(source + " says job " + j.hash() + " but its config hashes to " + actual,
                        "the file was edited or written by another lowfreq version; plan the experiment again");
            }
            return j;
        } catch (ClassCastException | NullPointerException e) {
            throw new UserInputException(source + " is not a lowfreq job description: " + e.getMessage());
        }
    }

    public String string(String key) {
        Object v = config.get(key);
        return v == null ? null : String.valueOf(v);
    }

    public int integer(String key) {
        return ((Number) config.get(key)).intValue();
    }

    public long longValue(String key) {
        return ((Number) config.get(key)).longValue();
    }

    public double number(String key) {
        return ((Number) config.get(key)).doubleValue();
    }

    public boolean bool(String key) {
        return Boolean.TRUE.equals(config.get(key));
    }

    /** A map-valued entry as string options (plugin options are strings). */
    public Map<String, String> strings(String key) {
        Map<String, String> out = new TreeMap<>();
        Object v = config.get(key);
        if (v instanceof Map<?, ?> m) {
            m.forEach((k, x) -> out.put(String.valueOf(k), String.valueOf(x)));
        }
        return out;
    }

    /** Short form for listings: hash and label (the label names the kind: "train baseline", "probe hybrid on ..."). */
    @Override
    public String toString() {
        return hash + " " + label;
    }
}
