package org.lowfreq.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.lowfreq.spi.Analysis;
import org.lowfreq.spi.Attack;
import org.lowfreq.spi.Classifier;
import org.lowfreq.spi.Corruption;
import org.lowfreq.spi.DatasetProvider;
import org.lowfreq.spi.ModelCard;
import org.lowfreq.spi.ModelCardFile;
import org.lowfreq.spi.ModelProvider;
import org.lowfreq.spi.Probe;
import org.lowfreq.spi.UserInputException;

/**
 * Everything the discovered plugins offer, by kind and name. Lookups of unknown names fail with
 * the list of known ones. The first plugin to offer a name wins (built-ins come first); later
 * ones are recorded as shadowed so {@code lowfreq plugins} can say so.
 */
public final class PluginRegistry {
    /** One offered component, for listing. */
    public record Entry(String kind, String name, String plugin, String version, String source, String description) {
    }

    private final Map<String, DatasetProvider> datasets = new LinkedHashMap<>();
    private final Map<String, ModelProvider> models = new LinkedHashMap<>();
    private final Map<String, Probe> probes = new LinkedHashMap<>();
    private final Map<String, Attack> attacks = new LinkedHashMap<>();
    private final Map<String, Corruption> corruptions = new LinkedHashMap<>();
    private final Map<String, Analysis> analyses = new LinkedHashMap<>();
    private final List<Entry> entries = new java.util.ArrayList<>();
    private final List<String> shadowed = new java.util.ArrayList<>();
    private final List<PluginLoadFailure> failures;

    public PluginRegistry(PluginDiscovery discovery) {
        this.failures = discovery.failures();
        for (DiscoveredPlugin d : discovery.plugins()) {
            var p = d.plugin();
            add("dataset", datasets, p.datasets(), DatasetProvider::name, DatasetProvider::description, d);
            add("model", models, p.models(), ModelProvider::name, ModelProvider::description, d);
            add("probe", probes, p.probes(), Probe::name, Probe::description, d);
            add("attack", attacks, p.attacks(), Attack::name, Attack::description, d);
            add("corruption", corruptions, p.corruptions(), Corruption::name,
                    c -> c.group().label() + " frequency" + (c.extra() ? ", extra" : ""), d);
            add("analysis", analyses, p.analyses(), Analysis::name, Analysis::description, d);
        }
    }

    private <T> void add(String kind, Map<String, T> into, Collection<T> items, Function<T, String> name,
                         Function<T, String> description, DiscoveredPlugin from) {
        for (T item : items) {
            String n = name.apply(item);
            if (into.containsKey(n)) {
                shadowed.add(kind + " '" + n + "' from " + from.source() + " is shadowed by an earlier plugin");
                continue;
            }
            into.put(n, item);
            entries.add(new Entry(kind, n, from.plugin().name(), from.plugin().version(), from.source(),
                    description.apply(item)));
        }
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    public List<String> shadowed() {
        return List.copyOf(shadowed);
    }

    public List<PluginLoadFailure> failures() {
        return failures;
    }

    public DatasetProvider dataset(String name) {
        return find("data set", datasets, name);
    }

    public ModelProvider modelBackend(String name) {
        return find("model backend", models, name);
    }

    public Probe probe(String name) {
        return find("probe", probes, name);
    }

    public Attack attack(String name) {
        return find("attack", attacks, name);
    }

    public Corruption corruption(String name) {
        return find("corruption", corruptions, name);
    }

    public Analysis analysis(String name) {
        return find("analysis", analyses, name);
    }

    public Map<String, DatasetProvider> datasets() {
        return Map.copyOf(datasets);
    }

    public Map<String, Probe> probes() {
        return Map.copyOf(probes);
    }

    public Map<String, Attack> attacks() {
        return Map.copyOf(attacks);
    }

    /** Corruptions in discovery order (the 15 first, then extras, as their plugin lists them). */
    public List<Corruption> corruptions() {
        return List.copyOf(corruptions.values());
    }

    public Map<String, ModelProvider> modelBackends() {
        return Map.copyOf(models);
    }

    /** Loads a saved model with the backend its card names. */
    public Classifier loadModel(Path modelDir) {
        if (!Files.isDirectory(modelDir)) {
            throw new UserInputException("model folder " + modelDir + " does not exist",
                    "pass the folder written by 'lowfreq train' (it holds model-card.json)");
        }
        ModelCard card = ModelCardFile.read(modelDir);
        ModelProvider backend = models.get(card.backend());
        if (backend == null) {
            throw new UserInputException("model " + modelDir + " needs backend '" + card.backend()
                    + "', which no plugin offers", "known backends: " + String.join(", ", new TreeSet<>(models.keySet())));
        }
        return backend.load(modelDir);
    }

    private static <T> T find(String kind, Map<String, T> map, String name) {
        T t = map.get(name);
        if (t == null) {
            throw new UserInputException("unknown " + kind + " '" + name + "'",
                    map.isEmpty() ? "no plugin offers any " + kind + "; check 'lowfreq plugins'"
                            : "known: " + String.join(", ", new TreeSet<>(map.keySet())));
        }
        return t;
    }
}
