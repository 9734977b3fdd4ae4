package org.lowfreq.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * String options of a plugin (from the command line or an experiment file) with typed getters
 * that name the key in their errors.
 */
public record Options(Map<String, String> values) {
    public static final Options EMPTY = new Options(Map.of());

    public Options {
        values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    public static Options of(String... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must pair up");
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return new Options(m);
    }

    /** Parses {@code key=value} strings. */
    public static Options parse(List<String> pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String p : pairs) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new UserInputException("option '" + p + "' is not of the form key=value");
            }
            m.put(p.substring(0, eq).trim(), p.substring(eq + 1).trim());
        }
        return new Options(m);
    }

    public Options with(String key, String value) {
        Map<String, String> m = new TreeMap<>(values);
        m.put(key, value);
        return new Options(m);
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public String getString(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    public int getInt(String key, int fallback) {
        String v = values.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new UserInputException("option " + key + "=" + v + " is not a whole number");
        }
    }

    public long getLong(String key, long fallback) {
        String v = values.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new UserInputException("option " + key + "=" + v + " is not a whole number");
        }
    }

    /** A finite number ({@code NaN} and {@code Infinity} are refused: no option means them). */
    public double getDouble(String key, double fallback) {
        return getDouble(key, fallback, ValueRange.FINITE);
    }

    /** A number in {@code range}; the message names the key and the range. */
    public double getDouble(String key, double fallback, ValueRange range) {
        String v = values.get(key);
        return v == null ? fallback : range.parseDouble("option " + key, v);
    }

    /** A whole number in {@code range} ({@link ValueRange#AT_LEAST_ONE} or {@link ValueRange#ZERO_OR_MORE}). */
    public int getInt(String key, int fallback, ValueRange range) {
        String v = values.get(key);
        return v == null ? fallback : range.parseInt("option " + key, v);
    }

    public boolean getBoolean(String key, boolean fallback) {
        String v = values.get(key);
        if (v == null) {
            return fallback;
        }
        return switch (v.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new UserInputException("option " + key + "=" + v + " is not true or false");
        };
    }

    /** A comma-separated list of numbers. */
    public double[] getDoubles(String key, double[] fallback) {
        String v = values.get(key);
        if (v == null) {
            return fallback.clone();
        }
        List<Double> out = new ArrayList<>();
        for (String part : v.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            out.add(ValueRange.FINITE.parseDouble("option " + key, part));
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Throws naming any key not in {@code allowed}. */
    public void requireOnly(String who, java.util.Set<String> allowed) {
        for (String k : values.keySet()) {
            if (!allowed.contains(k)) {
                throw new UserInputException(who + " has no option '" + k + "'",
                        allowed.isEmpty() ? "it takes no -o options"
                                : "allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)));
            }
        }
    }
}
