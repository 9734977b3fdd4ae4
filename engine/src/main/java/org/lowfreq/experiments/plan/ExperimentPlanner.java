package org.lowfreq.experiments.plan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.lowfreq.spi.ModelCardFile;
import org.lowfreq.experiments.plan.ExperimentFileReader.Type;
import org.lowfreq.spi.UserInputException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads an experiment file (YAML) and expands it into {@link Job}s. Every problem is reported with
 * the file, the line and, where there is a closed set, the allowed values; all problems of a file
 * are reported together. The YAML is read and checked by {@link ExperimentFileReader}, grids are
 * expanded by {@link GridExpansion}, and each job's key is {@link Job#of}'s hash of its configuration.
 * See app/README.md, "Experiments, store and Slurm", for the format.
 */
public final class ExperimentPlanner {
    static final Map<String, Type> TOP = ExperimentFileReader.fields("name", Type.NAME, "description", Type.STRING, "dataset", Type.STRING,
            "seed", Type.LONG, "report", Type.BOOL);
    static final Set<String> TOP_SECTIONS = Set.of("model_defaults", "models", "probes", "corruption", "attacks", "slurm");
    /** Job kinds a {@code slurm} section may give sbatch options to. */
    static final Set<String> SLURM_KINDS = new TreeSet<>(List.of("train", "probe", "attack", "report"));

    static final Map<String, Type> MODEL = ExperimentFileReader.fields("backend", Type.STRING, "family", Type.STRING, "arch", Type.STRING,
            "width", Type.POSITIVE_INT, "blur_sigma", Type.NONNEGATIVE, "pca_k", Type.COUNT, "grayscale", Type.BOOL,
            "epochs", Type.POSITIVE_INT, "batch_size", Type.POSITIVE_INT, "learning_rate", Type.POSITIVE,
            "seed", Type.LONG, "train_limit", Type.COUNT, "test_limit", Type.COUNT,
            // compute threads of the training: part of the job's identity when set (weights depend on it)
            "threads", Type.COUNT,
            // fine-tuning: the name of a model above (trained or imported) whose weights the training starts from
            "init_from", Type.NAME);
    static final Map<String, Type> PROBE = ExperimentFileReader.fields("split", Type.STRING, "limit", Type.COUNT, "seed", Type.LONG);
    static final Map<String, Type> ATTACK = ExperimentFileReader.fields("norm", Type.STRING, "n", Type.POSITIVE_INT,
            "min_prob", Type.PROBABILITY, "seed", Type.LONG, "protocol", Type.STRING,
            "refine", Type.STRING);
    static final Set<String> NORMS = new TreeSet<>(List.of("linf", "l2"));
    /** Values of an attack's {@code protocol} (the attack command's --protocol); absent = its default, sweep. */
    static final Set<String> ATTACK_PROTOCOLS = new TreeSet<>(List.of("sweep", "bisection"));
    /** Values of an attack's {@code refine} (the attack command's --refine); absent = its default, fmn. */
    static final Set<String> ATTACK_REFINEMENTS = new TreeSet<>(List.of("fmn", "bb"));
    static final String CORRUPTION_PROBE = "corruption";

    private final Catalog catalog;
    private final boolean skipUnavailable;
    private Path file;
    private ExperimentFileReader in;
    private GridExpansion grids;
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
        in = new ExperimentFileReader(file);
        grids = new GridExpansion(in);
        notes.clear();
        Node root = in.compose(text);
        Plan plan = expand(root);
        List<String> errors = in.errors();
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
        Map<String, NodeTuple> top = in.mapping(root, "the experiment", ExperimentFileReader.union(TOP.keySet(), TOP_SECTIONS));
        if (top == null) {
            return new Plan("invalid", file, List.of(), List.of());
        }
        Map<String, Object> topValues = in.scalars(top, TOP, "the experiment");
        String name = (String) topValues.getOrDefault("name", stem(file));
        long seed = ((Number) topValues.getOrDefault("seed", 0L)).longValue();
        String dataset = (String) topValues.get("dataset");
        if (dataset == null) {
            in.error(root, "the experiment has no 'dataset'", "known: " + ExperimentFileReader.known(catalog.datasets()));
        } else if (!catalog.datasets().contains(dataset)) {
            in.error(top.get("dataset").getValueNode(), "unknown data set '" + dataset + "'", "known: " + ExperimentFileReader.known(catalog.datasets()));
        }
        Map<String, Job> jobs = new LinkedHashMap<>();
        Map<String, List<ModelRef>> models = models(top, dataset, seed, jobs);
        List<String> resultJobs = new ArrayList<>(jobs.keySet());

        NodeTuple probes = top.get("probes");
        if (probes != null) {
            for (Node entry : in.sequence(probes.getValueNode(), "probes")) {
                probe(entry, null, models, dataset, seed, jobs, resultJobs);
            }
        }
        NodeTuple corruption = top.get("corruption");
        if (corruption != null) {
            List<Node> entries = corruption.getValueNode() instanceof SequenceNode
                    ? in.sequence(corruption.getValueNode(), "corruption") : List.of(corruption.getValueNode());
            for (Node entry : entries) {
                probe(entry, CORRUPTION_PROBE, models, dataset, seed, jobs, resultJobs);
            }
        }
        NodeTuple attacks = top.get("attacks");
        if (attacks != null) {
            for (Node entry : in.sequence(attacks.getValueNode(), "attacks")) {
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
        return new Plan(name, file, List.copyOf(jobs.values()), notes, slurm(top.get("slurm")));
    }

    /** The {@code slurm} section: per job kind, a list of sbatch options such as {@code --gres=gpu:1}. */
    private Map<String, List<String>> slurm(NodeTuple section) {
        Map<String, List<String>> out = new TreeMap<>();
        if (section == null) {
            return out;
        }
        Map<String, NodeTuple> m = in.mapping(section.getValueNode(), "slurm", SLURM_KINDS);
        if (m == null) {
            return out;
        }
        for (var e : m.entrySet()) {
            List<String> args = new ArrayList<>();
            for (Node n : in.sequence(e.getValue().getValueNode(), "slurm." + e.getKey())) {
                Object v = in.scalar(n, Type.STRING, "slurm." + e.getKey());
                if (v instanceof String a && a.startsWith("--") && !a.contains("\n")) {
                    args.add(a);
                } else if (v != null) {
                    in.error(n, "slurm." + e.getKey() + ": '" + v + "' is not an sbatch option", "write options as --name=value, e.g. --gres=gpu:1");
                }
            }
            out.put(e.getKey(), args);
        }
        return out;
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
            Map<String, NodeTuple> m = in.mapping(d.getValueNode(), "model_defaults", ExperimentFileReader.union(MODEL.keySet(), Set.of("options")));
            if (m != null) {
                defaults.putAll(in.scalars(m, MODEL, "model_defaults"));
                defaultOptions.putAll(in.options(m.get("options"), null, "model_defaults"));
            }
        }
        Map<String, List<ModelRef>> byEntry = new LinkedHashMap<>();
        Map<String, String> hashOfName = new TreeMap<>();
        NodeTuple list = top.get("models");
        if (list == null) {
            return byEntry;
        }
        for (Node entry : in.sequence(list.getValueNode(), "models")) {
            Map<String, NodeTuple> m = in.mapping(entry, "a model",
                    ExperimentFileReader.union(MODEL.keySet(), Set.of("name", "path", "options", "grid")));
            if (m == null) {
                continue;
            }
            String entryName = m.containsKey("name") ? (String) in.scalar(m.get("name").getValueNode(), Type.NAME, "name") : null;
            if (entryName == null) {
                in.error(entry, "a model entry has no 'name'", null);
                continue;
            }
            // entries may share a name (e.g. a sweep continued by a seed grid); probes select them together
            List<ModelRef> refs = byEntry.computeIfAbsent(entryName, k -> new ArrayList<>());
            if (m.containsKey("path")) {
                for (String k : m.keySet()) {
                    if (!k.equals("name") && !k.equals("path")) {
                        in.error(m.get(k).getKeyNode(), "model '" + entryName + "' is imported from a path, so '" + k
                                + "' does not apply", "an imported model takes only name and path");
                    }
                }
                Node p = m.get("path").getValueNode();
                String text = (String) in.scalar(p, Type.STRING, "path");
                if (text != null) {
                    Path dir = file.toAbsolutePath().getParent().resolve(text).normalize();
                    if (!ModelCardFile.exists(dir)) {
                        in.error(p, "model '" + entryName + "': no " + ModelCardFile.FILE_NAME + " in " + dir,
                                "path is a saved model folder, relative to the experiment file");
                    }
                    refs.add(new ModelRef(entryName, entryName, null, dir.toString(), entry));
                }
                continue;
            }
            Map<String, Object> fields = new LinkedHashMap<>(defaults);
            fields.put("family", entryName);
            fields.putAll(in.scalars(m, MODEL, "model '" + entryName + "'"));
            Map<String, String> opts = new TreeMap<>(defaultOptions);
            opts.putAll(in.options(m.get("options"), null, "model '" + entryName + "'"));
            String backend = (String) fields.get("backend");
            if (!catalog.trainableBackends().contains(backend)) {
                Node at = m.containsKey("backend") ? m.get("backend").getValueNode() : entry;
                if (skipUnavailable) {
                    notes.add("skipping model '" + entryName + "': backend '" + backend + "' cannot train in this build");
                    continue;
                }
                in.error(at, "model '" + entryName + "': backend '" + backend + "' is unknown or cannot train",
                        "backends that train: " + ExperimentFileReader.known(catalog.trainableBackends()));
                continue;
            }
            List<String> initDeps = List.of();
            Object initFrom = fields.remove("init_from");
            if (initFrom != null) {
                String source = (String) initFrom;
                String sourceHash = hashOfName.get(source);
                String sourcePath = byEntry.values().stream().flatMap(List::stream)
                        .filter(r -> r.path() != null && r.name().equals(source)).map(ModelRef::path).findFirst().orElse(null);
                if (sourceHash != null) {
                    fields.put("init_from", sourceHash);
                    initDeps = List.of(sourceHash);
                } else if (sourcePath != null) {
                    fields.put("init_from_path", sourcePath);
                } else {
                    in.error(m.get("init_from").getValueNode(), "model '" + entryName + "': init_from names no model above ('" + source + "')",
                            "name a model listed earlier in the file (a trained one by its full name, e.g. baseline-seed0, or an imported one)");
                    continue;
                }
            }
            for (Map<String, Object> point : grids.points(m.get("grid"), MODEL, null, "model '" + entryName + "'")) {
                Map<String, Object> cfg = new TreeMap<>(fields);
                Map<String, String> o = new TreeMap<>(opts);
                StringBuilder suffix = new StringBuilder();
                point.forEach((k, v) -> {
                    if (k.startsWith("options.")) {
                        o.put(k.substring("options.".length()), String.valueOf(v));
                    } else {
                        cfg.put(k, v);
                    }
                    suffix.append('-').append(GridExpansion.shortKey(k)).append(GridExpansion.text(v));
                });
                String modelName = entryName + suffix;
                cfg.put("name", modelName);
                cfg.put("dataset", dataset);
                cfg.put("options", o);
                Job job = Job.of("train", "train " + modelName + " (" + cfg.get("backend") + " " + cfg.get("arch")
                        + " w" + cfg.get("width") + ", " + cfg.get("epochs") + " epochs)", cfg, initDeps);
                String prior = hashOfName.putIfAbsent(modelName, job.hash());
                if (prior != null && !prior.equals(job.hash())) {
                    in.error(entry, "two different models are named '" + modelName + "'",
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
        Set<String> keys = ExperimentFileReader.union(PROBE.keySet(), Set.of("models", "options", "grid"));
        Map<String, NodeTuple> m = in.mapping(entry, where, fixedProbe == null ? ExperimentFileReader.union(keys, Set.of("probe")) : keys);
        if (m == null) {
            return;
        }
        String probe = fixedProbe;
        if (probe == null) {
            if (!m.containsKey("probe")) {
                in.error(entry, "a probe entry has no 'probe'", "known probes: " + ExperimentFileReader.known(catalog.probes().keySet()));
                return;
            }
            probe = (String) in.scalar(m.get("probe").getValueNode(), Type.STRING, "probe");
        }
        Set<String> optionNames = catalog.probes().get(probe);
        if (optionNames == null) {
            if (skipUnavailable) {
                notes.add("skipping probe '" + probe + "': not in this build");
                return;
            }
            in.error(fixedProbe == null ? m.get("probe").getValueNode() : entry, "unknown probe '" + probe + "'",
                    "known probes: " + ExperimentFileReader.known(catalog.probes().keySet()));
            return;
        }
        where = "probe '" + probe + "'";
        if (skipUnavailable && m.get("options") != null && m.get("options").getValueNode() instanceof MappingNode on) {
            List<String> unknown = on.getValue().stream().map(t -> t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "")
                    .filter(k -> !optionNames.contains(k)).toList();
            if (!unknown.isEmpty()) {
                notes.add("skipping " + where + ": this build's version has no option(s) " + unknown
                        + " (allowed: " + ExperimentFileReader.known(optionNames) + ")");
                return;
            }
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("split", "test");
        fields.put("limit", 0L);
        fields.put("seed", seed);
        fields.putAll(in.scalars(m, PROBE, where));
        Map<String, String> opts = in.options(m.get("options"), optionNames, where);
        for (ModelRef model : selectModels(m.get("models"), models, where)) {
            for (Map<String, Object> point : grids.points(m.get("grid"), PROBE, optionNames, where)) {
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
                Job job = Job.of("probe", "probe " + probe + " on " + model.name() + GridExpansion.describe(point), cfg, deps(model));
                add(jobs, job);
                resultJobs.add(job.hash());
            }
        }
    }

    private void attack(Node entry, Map<String, List<ModelRef>> models, String dataset, long seed,
                        Map<String, Job> jobs, List<String> resultJobs) {
        Map<String, NodeTuple> m = in.mapping(entry, "an attack",
                ExperimentFileReader.union(ATTACK.keySet(), Set.of("models", "options", "grid")));
        if (m == null) {
            return;
        }
        if (catalog.attackOptions() == null) {
            if (skipUnavailable) {
                notes.add("skipping attacks: this build has no 'lowfreq attack' command yet");
                return;
            }
            in.error(entry, "this build has no attack protocol ('lowfreq attack')", "remove the attacks section");
            return;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("norm", "linf");
        fields.put("n", 100L);
        fields.put("min_prob", 0.5);
        fields.put("seed", seed);
        fields.putAll(in.scalars(m, ATTACK, "attack"));
        fields.put("norm", ((String) fields.get("norm")).toLowerCase(Locale.ROOT)); // LINF = linf, as on the command line
        if (!NORMS.contains(fields.get("norm"))) {
            in.error(m.get("norm").getValueNode(), "unknown norm '" + fields.get("norm") + "'", "allowed: " + ExperimentFileReader.known(NORMS));
        }
        if (fields.containsKey("protocol") && !ATTACK_PROTOCOLS.contains(fields.get("protocol"))) {
            in.error(m.get("protocol").getValueNode(), "unknown attack protocol '" + fields.get("protocol") + "'",
                    "allowed: " + ExperimentFileReader.known(ATTACK_PROTOCOLS));
        }
        if (fields.containsKey("refine") && !ATTACK_REFINEMENTS.contains(fields.get("refine"))) {
            in.error(m.get("refine").getValueNode(), "unknown attack refinement '" + fields.get("refine") + "'",
                    "allowed: " + ExperimentFileReader.known(ATTACK_REFINEMENTS));
        }
        if ("bisection".equals(fields.get("protocol")) && fields.containsKey("refine") && !"fmn".equals(fields.get("refine"))) {
            in.error(m.get("refine").getValueNode(), "the bisection protocol has no refinement stage, so refine '"
                    + fields.get("refine") + "' does not apply", "drop refine, or use protocol: sweep");
        }
        Set<String> optionNames = new TreeSet<>(catalog.attackOptions());
        optionNames.removeAll(Set.of("model", "out", "norm", "n", "min-prob", "seed", "help", "version", "threads", "dataset",
                "protocol", "refine"));
        Map<String, String> opts = in.options(m.get("options"), optionNames, "attack");
        for (ModelRef model : selectModels(m.get("models"), models, "attack")) {
            for (Map<String, Object> point : grids.points(m.get("grid"), ATTACK, optionNames, "attack")) {
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
                        + GridExpansion.describe(point), cfg, deps(model));
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
        for (Node n : in.sequence(selection.getValueNode(), where + " models")) {
            Object name = in.scalar(n, Type.NAME, "models");
            if (name == null) {
                continue;
            }
            List<ModelRef> refs = models.get(name);
            if (refs == null) {
                in.error(n, where + ": no model entry named '" + name + "'", "model entries: " + ExperimentFileReader.known(models.keySet()));
            } else {
                out.addAll(refs);
            }
        }
        return out;
    }

    private static void add(Map<String, Job> jobs, Job job) {
        jobs.putIfAbsent(job.hash(), job); // the same work planned twice is one job
    }

    private static String stem(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
