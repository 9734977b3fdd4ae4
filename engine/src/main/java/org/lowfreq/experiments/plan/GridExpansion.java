package org.lowfreq.experiments.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.lowfreq.experiments.plan.ExperimentFileReader.Type;
import org.lowfreq.spi.ResultRow;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/**
 * Grid expansion: a {@code grid:} mapping of lists becomes the cartesian product of its values, in
 * the order written, and each point gets the short description used in job names and labels.
 */
final class GridExpansion {
    private final ExperimentFileReader in;

    GridExpansion(ExperimentFileReader in) {
        this.in = in;
    }

    /** The points of a grid: the cartesian product of its lists, in the order written (one empty point without a grid). */
    List<Map<String, Object>> points(NodeTuple grid, Map<String, Type> fields, Set<String> optionNames, String where) {
        List<Map<String, Object>> points = new ArrayList<>();
        points.add(new LinkedHashMap<>());
        if (grid == null) {
            return points;
        }
        Map<String, NodeTuple> m = in.mapping(grid.getValueNode(), where + " grid", null);
        if (m == null) {
            return points;
        }
        for (var e : m.entrySet()) {
            String key = e.getKey();
            Type type;
            if (key.startsWith("options.")) {
                String opt = key.substring("options.".length());
                if (optionNames != null && !optionNames.contains(opt)) {
                    in.error(e.getValue().getKeyNode(), where + " has no option '" + opt + "'", "allowed: " + ExperimentFileReader.known(optionNames));
                    continue;
                }
                type = Type.STRING;
            } else if (fields.containsKey(key)) {
                type = fields.get(key);
            } else {
                Set<String> allowed = new TreeSet<>(fields.keySet());
                allowed.add("options.<name>");
                in.error(e.getValue().getKeyNode(), "unknown grid key '" + key + "' in " + where, "allowed: " + ExperimentFileReader.known(allowed));
                continue;
            }
            List<Object> values = new ArrayList<>();
            for (Node v : in.sequence(e.getValue().getValueNode(), where + " grid " + key)) {
                Object x = in.scalar(v, type, key);
                if (x != null) {
                    values.add(x);
                }
            }
            if (values.isEmpty()) {
                in.error(e.getValue().getValueNode(), "grid key '" + key + "' in " + where + " has no values", null);
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

    static String shortKey(String key) {
        return switch (key) {
            case "blur_sigma" -> "sigma";
            case "pca_k" -> "pca";
            default -> key.startsWith("options.") ? key.substring("options.".length()) : key;
        };
    }

    static String text(Object v) {
        return v instanceof Double d ? ResultRow.formatNumber(d) : String.valueOf(v);
    }

    static String describe(Map<String, Object> point) {
        if (point.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        point.forEach((k, v) -> parts.add(shortKey(k) + "=" + text(v)));
        return " [" + String.join(", ", parts) + "]";
    }

}
