package org.lowfreq.experiments.plan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.lowfreq.spi.ModelCardFile;
import org.lowfreq.spi.ResultRow;
import org.lowfreq.spi.UserInputException;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads an experiment file (YAML) and expands it into {@link Job}s. Every problem is reported with
 * the file, the line and, where there is a closed set, the allowed values; all problems of a file
 * are reported together. See app/README.md, "Experiments, store and Slurm", for the format.
 */
public final class ExperimentPlanner {
    /** Value types of the scalar fields, with their checks. */
    enum Type {
        STRING("text"), NAME("a name of letters, digits, '.', '_' or '-'"), LONG("a whole number"),
        POSITIVE_INT("a whole number >= 1"), COUNT("a whole number >= 0"), NONNEGATIVE("a number >= 0"),
        POSITIVE("a number > 0"), PROBABILITY("a number in [0, 1]"), BOOL("true or false");

        final String what;

        Type(String what) {
            this.what = what;
        }
    }

    static final Map<String, Type> TOP = fields("name", Type.NAME, "description", Type.STRING, "dataset", Type.STRING,
            "seed", Type.LONG, "report", Type.BOOL);
    static final Set<String> TOP_SECTIONS = Set.of("model_defaults", "models", "probes", "corruption", "attacks");

    static final Map<String, Type> MODEL = fields("backend", Type.STRING, "family", Type.STRING, "arch", Type.STRING,
            "width", Type.POSITIVE_INT, "blur_sigma", Type.NONNEGATIVE, "pca_k", Type.COUNT, "grayscale", Type.BOOL,
            "epochs", Type.POSITIVE_INT, "batch_size", Type.POSITIVE_INT, "learning_rate", Type.POSITIVE,
            "seed", Type.LONG, "train_limit", Type.COUNT, "test_limit", Type.COUNT,
            // compute threads of the training: part of the job's identity when set (weights depend on it)
            "threads", Type.COUNT);
    static final Map<String, Type> PROBE = fields("split", Type.STRING, "limit", Type.COUNT, "seed", Type.LONG);
    static final Map<String, Type> ATTACK = fields("norm", Type.STRING, "n", Type.POSITIVE_INT,
            "min_prob", Type.PROBABILITY, "seed", Type.LONG, "protocol", Type.STRING);
    static final Set<String> NORMS = new TreeSet<>(List.of("linf", "l2"));
    /** Values of an attack's {@code protocol} (the attack command's --protocol); absent = its default, sweep. */
    static final Set<String> ATTACK_PROTOCOLS = new TreeSet<>(List.of("sweep", "bisection"));
    static final String CORRUPTION_PROBE = "corruption";

    private final Catalog catalog;
    private final boolean skipUnavailable;
    private Path file;
    private final List<String> errors = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /**
     * @param skipUnavailable leave out (with a note) the parts that name a probe, backend or command
     *                        this build lacks, instead of failing; the quickstart uses it
     */
    public ExperimentPlanner(Catalog catalog, boolean skipUnavailable) {
        this.catalog = catalog;
        this.skipUnavailable = skipUnavailable;
    }

    /** Plans the experiment file at {@code file}. */
    public Plan plan(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserInputException("cannot read experiment file " + file + ": " + e.getMessage(),
                    "pass the path of a YAML experiment file, e.g. experiments/quick.yaml");
        }
        return plan(file, text);
    }

    /** Plans experiment text; {@code file} names it in messages and anchors relative model paths. */
    public Plan plan(Path file, String text) {
        this.file = file;
        errors.clear();
        notes.clear();
        Node root;
        try {
            root = new Compose(LoadSettings.builder().setLabel(file.toString()).build()).composeString(text)
                    .orElseThrow(() -> new UserInputException(file + " is empty",
                            "an experiment file needs at least name, dataset and models"));
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
            throw new UserInputException(file + ":" + line + ": not valid YAML: " + e.getProblem());
        } catch (YamlEngineException e) {
            throw new UserInputException(file + ": not valid YAML: " + e.getMessage());
        }
        Plan plan = expand(root);
        if (!errors.isEmpty()) {
            throw new UserInputException(errors.size() == 1 ? errors.get(0)
                    : errors.size() + " problems in " + file + ":\n  " + String.join("\n  ", errors),
                    "see app/README.md, section \"Experiments, store and Slurm\", for the experiment file format");
        }
        return plan;
    }

    // ---------------------------------------------------------------------------------------------
    // Expansion

    /** A model entry after grid expansion: its name, config, and where it came from. */
    private record ModelRef(String entry, String name, String trainHash, String path, Node at) {
    }

    private Plan expand(Node root) {
        Map<String, NodeTuple> top = mapping(root, "the experiment", union(TOP.keySet(), TOP_SECTIONS));
        if (top == null) {
            return new Plan("invalid", file, List.of(), List.of());
        }
        Map<String, Object> topValues = scalars(top, TOP, "the experiment");
        String name = (String) topValues.getOrDefault("name", stem(file));
        long seed = ((Number) topValues.getOrDefault("seed", 0L)).longValue();
        String dataset = (String) topValues.get("dataset");
        if (dataset == null) {
            error(root, "the experiment has no 'dataset'", "known: " + known(catalog.datasets()));
        } else if (!catalog.datasets().contains(dataset)) {
            error(top.get("dataset").getValueNode(), "unknown data set '" + dataset + "'", "known: " + known(catalog.datasets()));
        }
        Map<String, Job> jobs = new LinkedHashMap<>();
        Map<String, List<ModelRef>> models = models(top, dataset, seed, jobs);
        List<String> resultJobs = new ArrayList<>(jobs.keySet());

        NodeTuple probes = top.get("probes");
        if (probes != null) {
            for (Node entry : sequence(probes.getValueNode(), "probes")) {
                probe(entry, null, models, dataset, seed, jobs, resultJobs);
            }
        }
        NodeTuple corruption = top.get("corruption");
        if (corruption != null) {
            List<Node> entries = corruption.getValueNode() instanceof SequenceNode
                    ? sequence(corruption.getValueNode(), "corruption") : List.of(corruption.getValueNode());
            for (Node entry : entries) {
                probe(entry, CORRUPTION_PROBE, models, dataset, seed, jobs, resultJobs);
            }
        }
        NodeTuple attacks = top.get("attacks");
        if (attacks != null) {
            for (Node entry : sequence(attacks.getValueNode(), "attacks")) {
                attack(entry, models, dataset, seed, jobs, resultJobs);
            }
        }
        if (Boolean.TRUE.equals(topValues.get("report")) && !resultJobs.isEmpty()) {
            List<String> inputs = resultJobs.stream().distinct().sorted().toList();
            Map<String, Object> cfg = new TreeMap<>();
            cfg.put("experiment", name);
            cfg.put("inputs", inputs);
            add(jobs, Job.of("report", "collect + report of " + name + " (" + inputs.size() + " jobs)", cfg, inputs));
        }
        return new Plan(name, file, List.copyOf(jobs.values()), notes);
    }

    private Map<String, List<ModelRef>> models(Map<String, NodeTuple> top, String dataset, long seed,
                                               Map<String, Job> jobs) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("backend", "tensorflow");
        defaults.put("arch", "resnet18");
        defaults.put("width", 64L);
        defaults.put("blur_sigma", 0.0);
        defaults.put("pca_k", 0L);
        defaults.put("grayscale", false);
        defaults.put("epochs", 30L);
        defaults.put("batch_size", 128L);
        defaults.put("learning_rate", 0.1);
        defaults.put("seed", seed);
        defaults.put("train_limit", 0L);
        defaults.put("test_limit", 0L);
        Map<String, String> defaultOptions = new TreeMap<>();
        NodeTuple d = top.get("model_defaults");
        if (d != null) {
            Map<String, NodeTuple> m = mapping(d.getValueNode(), "model_defaults", union(MODEL.keySet(), Set.of("options")));
            if (m != null) {
                defaults.putAll(scalars(m, MODEL, "model_defaults"));
                defaultOptions.putAll(options(m.get("options"), null, "model_defaults"));
            }
        }
        Map<String, List<ModelRef>> byEntry = new LinkedHashMap<>();
        Map<String, String> hashOfName = new TreeMap<>();
        NodeTuple list = top.get("models");
        if (list == null) {
            return byEntry;
        }
        for (Node entry : sequence(list.getValueNode(), "models")) {
            Map<String, NodeTuple> m = mapping(entry, "a model",
                    union(MODEL.keySet(), Set.of("name", "path", "options", "grid")));
            if (m == null) {
                continue;
            }
            String entryName = m.containsKey("name") ? (String) scalar(m.get("name").getValueNode(), Type.NAME, "name") : null;
            if (entryName == null) {
                error(entry, "a model entry has no 'name'", null);
                continue;
            }
            // entries may share a name (e.g. a sweep continued by a seed grid); probes select them together
            List<ModelRef> refs = byEntry.computeIfAbsent(entryName, k -> new ArrayList<>());
            if (m.containsKey("path")) {
                for (String k : m.keySet()) {
                    if (!k.equals("name") && !k.equals("path")) {
                        error(m.get(k).getKeyNode(), "model '" + entryName + "' is imported from a path, so '" + k
                                + "' does not apply", "an imported model takes only name and path");
                    }
                }
                Node p = m.get("path").getValueNode();
                String text = (String) scalar(p, Type.STRING, "path");
                if (text != null) {
                    Path dir = file.toAbsolutePath().getParent().resolve(text).normalize();
                    if (!ModelCardFile.exists(dir)) {
                        error(p, "model '" + entryName + "': no " + ModelCardFile.FILE_NAME + " in " + dir,
                                "path is a saved model folder, relative to the experiment file");
                    }
                    refs.add(new ModelRef(entryName, entryName, null, dir.toString(), entry));
                }
                continue;
            }
            Map<String, Object> fields = new LinkedHashMap<>(defaults);
            fields.put("family", entryName);
            fields.putAll(scalars(m, MODEL, "model '" + entryName + "'"));
            Map<String, String> opts = new TreeMap<>(defaultOptions);
            opts.putAll(options(m.get("options"), null, "model '" + entryName + "'"));
            String backend = (String) fields.get("backend");
            if (!catalog.trainableBackends().contains(backend)) {
                Node at = m.containsKey("backend") ? m.get("backend").getValueNode() : entry;
                if (skipUnavailable) {
                    notes.add("skipping model '" + entryName + "': backend '" + backend + "' cannot train in this build");
                    continue;
                }
                error(at, "model '" + entryName + "': backend '" + backend + "' is unknown or cannot train",
                        "backends that train: " + known(catalog.trainableBackends()));
                continue;
            }
            for (Map<String, Object> point : grid(m.get("grid"), MODEL, null, "model '" + entryName + "'")) {
                Map<String, Object> cfg = new TreeMap<>(fields);
                Map<String, String> o = new TreeMap<>(opts);
                StringBuilder suffix = new StringBuilder();
                point.forEach((k, v) -> {
                    if (k.startsWith("options.")) {
                        o.put(k.substring("options.".length()), String.valueOf(v));
                    } else {
                        cfg.put(k, v);
                    }
                    suffix.append('-').append(shortKey(k)).append(text(v));
                });
                String modelName = entryName + suffix;
                cfg.put("name", modelName);
                cfg.put("dataset", dataset);
                cfg.put("options", o);
                Job job = Job.of("train", "train " + modelName + " (" + cfg.get("backend") + " " + cfg.get("arch")
                        + " w" + cfg.get("width") + ", " + cfg.get("epochs") + " epochs)", cfg, List.of());
                String prior = hashOfName.putIfAbsent(modelName, job.hash());
                if (prior != null && !prior.equals(job.hash())) {
                    error(entry, "two different models are named '" + modelName + "'",
                            "give the model entries distinct names");
                    continue;
                }
                add(jobs, job);
                refs.add(new ModelRef(entryName, modelName, job.hash(), null, entry));
            }
        }
        return byEntry;
    }

    private void probe(Node entry, String fixedProbe, Map<String, List<ModelRef>> models, String dataset, long seed,
                       Map<String, Job> jobs, List<String> resultJobs) {
        String where = fixedProbe == null ? "a probe" : "corruption";
        Set<String> keys = union(PROBE.keySet(), Set.of("models", "options", "grid"));
        Map<String, NodeTuple> m = mapping(entry, where, fixedProbe == null ? union(keys, Set.of("probe")) : keys);
        if (m == null) {
            return;
        }
        String probe = fixedProbe;
        if (probe == null) {
            if (!m.containsKey("probe")) {
                error(entry, "a probe entry has no 'probe'", "known probes: " + known(catalog.probes().keySet()));
                return;
            }
            probe = (String) scalar(m.get("probe").getValueNode(), Type.STRING, "probe");
        }
        Set<String> optionNames = catalog.probes().get(probe);
        if (optionNames == null) {
            if (skipUnavailable) {
                notes.add("skipping probe '" + probe + "': not in this build");
                return;
            }
            error(fixedProbe == null ? m.get("probe").getValueNode() : entry, "unknown probe '" + probe + "'",
                    "known probes: " + known(catalog.probes().keySet()));
            return;
        }
        where = "probe '" + probe + "'";
        if (skipUnavailable && m.get("options") != null && m.get("options").getValueNode() instanceof MappingNode on) {
            List<String> unknown = on.getValue().stream().map(t -> t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "")
                    .filter(k -> !optionNames.contains(k)).toList();
            if (!unknown.isEmpty()) {
                notes.add("skipping " + where + ": this build's version has no option(s) " + unknown
                        + " (allowed: " + known(optionNames) + ")");
                return;
            }
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("split", "test");
        fields.put("limit", 0L);
        fields.put("seed", seed);
        fields.putAll(scalars(m, PROBE, where));
        Map<String, String> opts = options(m.get("options"), optionNames, where);
        for (ModelRef model : selectModels(m.get("models"), models, where)) {
            for (Map<String, Object> point : grid(m.get("grid"), PROBE, optionNames, where)) {
                Map<String, Object> cfg = new TreeMap<>(fields);
                Map<String, String> o = new TreeMap<>(opts);
                point.forEach((k, v) -> {
                    if (k.startsWith("options.")) {
                        o.put(k.substring("options.".length()), String.valueOf(v));
                    } else {
                        cfg.put(k, v);
                    }
                });
                cfg.put("probe", probe);
                cfg.put("options", o);
                modelInto(cfg, model, dataset);
                Job job = Job.of("probe", "probe " + probe + " on " + model.name() + describe(point), cfg, deps(model));
                add(jobs, job);
                resultJobs.add(job.hash());
            }
        }
    }

    private void attack(Node entry, Map<String, List<ModelRef>> models, String dataset, long seed,
                        Map<String, Job> jobs, List<String> resultJobs) {
        Map<String, NodeTuple> m = mapping(entry, "an attack",
                union(ATTACK.keySet(), Set.of("models", "options", "grid")));
        if (m == null) {
            return;
        }
        if (catalog.attackOptions() == null) {
            if (skipUnavailable) {
                notes.add("skipping attacks: this build has no 'lowfreq attack' command yet");
                return;
            }
            error(entry, "this build has no attack protocol ('lowfreq attack')", "remove the attacks section");
            return;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("norm", "linf");
        fields.put("n", 100L);
        fields.put("min_prob", 0.5);
        fields.put("seed", seed);
        fields.putAll(scalars(m, ATTACK, "attack"));
        fields.put("norm", ((String) fields.get("norm")).toLowerCase(Locale.ROOT)); // LINF = linf, as on the command line
        if (!NORMS.contains(fields.get("norm"))) {
            error(m.get("norm").getValueNode(), "unknown norm '" + fields.get("norm") + "'", "allowed: " + known(NORMS));
        }
        if (fields.containsKey("protocol") && !ATTACK_PROTOCOLS.contains(fields.get("protocol"))) {
            error(m.get("protocol").getValueNode(), "unknown attack protocol '" + fields.get("protocol") + "'",
                    "allowed: " + known(ATTACK_PROTOCOLS));
        }
        Set<String> optionNames = new TreeSet<>(catalog.attackOptions());
        optionNames.removeAll(Set.of("model", "out", "norm", "n", "min-prob", "seed", "help", "version", "threads", "dataset",
                "protocol"));
        Map<String, String> opts = options(m.get("options"), optionNames, "attack");
        for (ModelRef model : selectModels(m.get("models"), models, "attack")) {
            for (Map<String, Object> point : grid(m.get("grid"), ATTACK, optionNames, "attack")) {
                Map<String, Object> cfg = new TreeMap<>(fields);
                Map<String, String> o = new TreeMap<>(opts);
                point.forEach((k, v) -> {
                    if (k.startsWith("options.")) {
                        o.put(k.substring("options.".length()), String.valueOf(v));
                    } else {
                        cfg.put(k, v);
                    }
                });
                cfg.put("options", o);
                modelInto(cfg, model, dataset);
                Job job = Job.of("attack", "attack " + cfg.get("norm") + " n=" + cfg.get("n") + " on " + model.name()
                        + describe(point), cfg, deps(model));
                add(jobs, job);
                resultJobs.add(job.hash());
            }
        }
    }

    private static void modelInto(Map<String, Object> cfg, ModelRef model, String dataset) {
        cfg.put("model_name", model.name());
        if (model.trainHash() != null) {
            cfg.put("model", model.trainHash());
        } else {
            cfg.put("model_path", model.path());
        }
        cfg.put("dataset", dataset);
    }

    private static List<String> deps(ModelRef model) {
        return model.trainHash() == null ? List.of() : List.of(model.trainHash());
    }

    private List<ModelRef> selectModels(NodeTuple selection, Map<String, List<ModelRef>> models, String where) {
        if (selection == null) {
            return models.values().stream().flatMap(List::stream).toList();
        }
        List<ModelRef> out = new ArrayList<>();
        for (Node n : sequence(selection.getValueNode(), where + " models")) {
            Object name = scalar(n, Type.NAME, "models");
            if (name == null) {
                continue;
            }
            List<ModelRef> refs = models.get(name);
            if (refs == null) {
                error(n, where + ": no model entry named '" + name + "'", "model entries: " + known(models.keySet()));
            } else {
                out.addAll(refs);
            }
        }
        return out;
    }

    /** The points of a grid: the cartesian product of its lists, in the order written (one empty point without a grid). */
    private List<Map<String, Object>> grid(NodeTuple grid, Map<String, Type> fields, Set<String> optionNames, String where) {
        List<Map<String, Object>> points = new ArrayList<>();
        points.add(new LinkedHashMap<>());
        if (grid == null) {
            return points;
        }
        Map<String, NodeTuple> m = mapping(grid.getValueNode(), where + " grid", null);
        if (m == null) {
            return points;
        }
        for (var e : m.entrySet()) {
            String key = e.getKey();
            Type type;
            if (key.startsWith("options.")) {
                String opt = key.substring("options.".length());
                if (optionNames != null && !optionNames.contains(opt)) {
                    error(e.getValue().getKeyNode(), where + " has no option '" + opt + "'", "allowed: " + known(optionNames));
                    continue;
                }
                type = Type.STRING;
            } else if (fields.containsKey(key)) {
                type = fields.get(key);
            } else {
                Set<String> allowed = new TreeSet<>(fields.keySet());
                allowed.add("options.<name>");
                error(e.getValue().getKeyNode(), "unknown grid key '" + key + "' in " + where, "allowed: " + known(allowed));
                continue;
            }
            List<Object> values = new ArrayList<>();
            for (Node v : sequence(e.getValue().getValueNode(), where + " grid " + key)) {
                Object x = scalar(v, type, key);
                if (x != null) {
                    values.add(x);
                }
            }
            if (values.isEmpty()) {
                error(e.getValue().getValueNode(), "grid key '" + key + "' in " + where + " has no values", null);
                continue;
            }
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> p : points) {
                for (Object x : values) {
                    Map<String, Object> q = new LinkedHashMap<>(p);
                    q.put(key, x);
                    next.add(q);
                }
            }
            points = next;
        }
        return points;
    }

    private Map<String, String> options(NodeTuple t, Set<String> allowed, String where) {
        Map<String, String> out = new TreeMap<>();
        if (t == null) {
            return out;
        }
        Map<String, NodeTuple> m = mapping(t.getValueNode(), where + " options", null);
        if (m == null) {
            return out;
        }
        for (var e : m.entrySet()) {
            if (allowed != null && !allowed.contains(e.getKey())) {
                error(e.getValue().getKeyNode(), where + " has no option '" + e.getKey() + "'",
                        allowed.isEmpty() ? "it takes no options" : "allowed: " + known(allowed));
                continue;
            }
            Node v = e.getValue().getValueNode();
            if (v instanceof SequenceNode s) {
                // a list option (e.g. corruptions: [a, b]) is passed comma-separated, as on the command line
                List<String> parts = new ArrayList<>();
                for (Node x : s.getValue()) {
                    Object o = scalar(x, Type.STRING, e.getKey());
                    if (o != null) {
                        parts.add((String) o);
                    }
                }
                out.put(e.getKey(), String.join(",", parts));
            } else {
                Object o = scalar(v, Type.STRING, e.getKey());
                if (o != null) {
                    out.put(e.getKey(), (String) o);
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------
    // YAML helpers

    /** The entries of a mapping, checking the keys against {@code allowed} (null = any); null if not a mapping. */
    private Map<String, NodeTuple> mapping(Node node, String where, Set<String> allowed) {
        if (!(node instanceof MappingNode mn)) {
            error(node, where + " must be a mapping (key: value lines)", null);
            return null;
        }
        Map<String, NodeTuple> out = new LinkedHashMap<>();
        for (NodeTuple t : mn.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                error(t.getKeyNode(), "keys in " + where + " must be plain names", null);
                continue;
            }
            String key = k.getValue();
            if (allowed != null && !allowed.contains(key)) {
                error(k, "unknown key '" + key + "' in " + where, "allowed: " + known(allowed));
                continue;
            }
            if (out.put(key, t) != null) {
                error(k, "key '" + key + "' appears twice in " + where, null);
            }
        }
        return out;
    }

    private List<Node> sequence(Node node, String where) {
        if (node instanceof SequenceNode s) {
            return s.getValue();
        }
        if (node instanceof ScalarNode && where.contains(" grid ")) {
            return List.of(node); // a grid key with one value needs no brackets
        }
        error(node, where + " must be a list (lines starting with '- ', or [a, b])", null);
        return List.of();
    }

    /** The typed scalar fields of a mapping (keys of {@code types} only). */
    private Map<String, Object> scalars(Map<String, NodeTuple> m, Map<String, Type> types, String where) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (var e : m.entrySet()) {
            Type t = types.get(e.getKey());
            if (t != null) {
                Object v = scalar(e.getValue().getValueNode(), t, e.getKey());
                if (v != null) {
                    out.put(e.getKey(), v);
                }
            }
        }
        return out;
    }

    /** A scalar converted to its type (String, Long, Double, Boolean), or null after recording an error. */
    private Object scalar(Node node, Type type, String key) {
        if (!(node instanceof ScalarNode s)) {
            error(node, "'" + key + "' must be " + type.what + ", not a " + (node instanceof SequenceNode ? "list" : "mapping"), null);
            return null;
        }
        String v = s.getValue().trim();
        try {
            return switch (type) {
                case STRING -> {
                    if (v.isEmpty()) {
                        throw new IllegalArgumentException();
                    }
                    yield v;
                }
                case NAME -> {
                    if (!v.matches("[A-Za-z0-9._-]+")) {
                        throw new IllegalArgumentException();
                    }
                    yield v;
                }
                case LONG -> Long.parseLong(v);
                case POSITIVE_INT, COUNT -> {
                    long x = Long.parseLong(v);
                    if (x < (type == Type.COUNT ? 0 : 1) || x > Integer.MAX_VALUE) {
                        throw new IllegalArgumentException();
                    }
                    yield x;
                }
                case NONNEGATIVE, POSITIVE, PROBABILITY -> {
                    double x = Double.parseDouble(v);
                    boolean ok = switch (type) {
                        case NONNEGATIVE -> x >= 0 && Double.isFinite(x);
                        case POSITIVE -> x > 0 && Double.isFinite(x);
                        default -> x >= 0 && x <= 1;
                    };
                    if (!ok) {
                        throw new IllegalArgumentException();
                    }
                    yield x;
                }
                case BOOL -> switch (v.toLowerCase(Locale.ROOT)) {
                    case "true", "yes" -> true;
                    case "false", "no" -> false;
                    default -> throw new IllegalArgumentException();
                };
            };
        } catch (IllegalArgumentException e) {
            error(node, "'" + key + "' must be " + type.what + ", got '" + v + "'", null);
            return null;
        }
    }

    private void error(Node at, String message, String hint) {
        int line = Optional.ofNullable(at).flatMap(Node::getStartMark).map(Mark::getLine).orElse(-1) + 1;
        errors.add(file + (line > 0 ? ":" + line : "") + ": " + message + (hint == null ? "" : " (" + hint + ")"));
    }

    private static void add(Map<String, Job> jobs, Job job) {
        jobs.putIfAbsent(job.hash(), job); // the same work planned twice is one job
    }

    private static Map<String, Type> fields(Object... pairs) {
        Map<String, Type> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (Type) pairs[i + 1]);
        }
        return m;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> s = new LinkedHashSet<>(a);
        s.addAll(b);
        return s;
    }

    private static String known(java.util.Collection<String> names) {
        return names.isEmpty() ? "(none in this build)" : String.join(", ", new TreeSet<>(names));
    }

    private static String shortKey(String key) {
        return switch (key) {
            case "blur_sigma" -> "sigma";
            case "pca_k" -> "pca";
            default -> key.startsWith("options.") ? key.substring("options.".length()) : key;
        };
    }

    private static String text(Object v) {
        return v instanceof Double d ? ResultRow.formatNumber(d) : String.valueOf(v);
    }

    private static String describe(Map<String, Object> point) {
        if (point.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        point.forEach((k, v) -> parts.add(shortKey(k) + "=" + text(v)));
        return " [" + String.join(", ", parts) + "]";
    }

    private static String stem(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
