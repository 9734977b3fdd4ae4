package org.lowfreq.experiments.plan;

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
 * Parsing and validation of one experiment file's YAML: typed scalars, mappings with allowed keys,
 * lists, option maps. Problems are collected (with file and line) rather than thrown, so that
 * {@link ExperimentPlanner} can report all of a file's problems together.
 */
final class ExperimentFileReader {
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

    private final Path file;
    private final List<String> errors = new ArrayList<>();

    ExperimentFileReader(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** The problems found so far, one line each. */
    List<String> errors() {
        return errors;
    }

    /** The YAML document of {@code text}; throws at once for text that is not YAML or is empty. */
    Node compose(String text) {
        try {
            return new Compose(LoadSettings.builder().setLabel(file.toString()).build()).composeString(text)
                    .orElseThrow(() -> new UserInputException(file + " is empty",
                            "an experiment file needs at least name, dataset and models"));
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
            throw new UserInputException(file + ":" + line + ": not valid YAML: " + e.getProblem());
        } catch (YamlEngineException e) {
            throw new UserInputException(file + ": not valid YAML: " + e.getMessage());
        }
    }

    /** An {@code options} mapping as option name to text ({@code allowed} null = any); lists are joined with commas. */
    Map<String, String> options(NodeTuple t, Set<String> allowed, String where) {
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

    /** The entries of a mapping, checking the keys against {@code allowed} (null = any); null if not a mapping. */
    Map<String, NodeTuple> mapping(Node node, String where, Set<String> allowed) {
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

    List<Node> sequence(Node node, String where) {
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
    Map<String, Object> scalars(Map<String, NodeTuple> m, Map<String, Type> types, String where) {
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
    Object scalar(Node node, Type type, String key) {
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

    void error(Node at, String message, String hint) {
        int line = Optional.ofNullable(at).flatMap(Node::getStartMark).map(Mark::getLine).orElse(-1) + 1;
        errors.add(file + (line > 0 ? ":" + line : "") + ": " + message + (hint == null ? "" : " (" + hint + ")"));
    }

    static Map<String, Type> fields(Object... pairs) {
        Map<String, Type> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (Type) pairs[i + 1]);
        }
        return m;
    }

    static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> s = new LinkedHashSet<>(a);
        s.addAll(b);
        return s;
    }

    static String known(java.util.Collection<String> names) {
        return names.isEmpty() ? "(none in this build)" : String.join(", ", new TreeSet<>(names));
    }

}
