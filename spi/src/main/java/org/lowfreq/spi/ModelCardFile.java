package org.lowfreq.spi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads and writes {@code model-card.json}, the file beside every saved model. It lives in the spi
 * so that every backend and every plugin author reads cards the same way without a JSON library
 * (the spi depends on nothing but the JDK); it handles exactly the card's flat JSON: strings,
 * numbers, booleans, null, a list of strings and a string-to-string map.
 */
public final class ModelCardFile {
    public static final String FILE_NAME = "model-card.json";

    private ModelCardFile() {
    }

    public static Path pathIn(Path modelDir) {
        return modelDir.resolve(FILE_NAME);
    }

    /** True when the folder has a card. */
    public static boolean exists(Path modelDir) {
        return Files.isRegularFile(pathIn(modelDir));
    }

    /** Writes the card atomically (temporary file, then rename). */
    public static void write(Path modelDir, ModelCard card) {
        StringBuilder sb = new StringBuilder("{\n");
        field(sb, "name", str(card.name()));
        field(sb, "family", str(card.family()));
        field(sb, "arch", str(card.arch()));
        field(sb, "backend", str(card.backend()));
        field(sb, "input_height", Integer.toString(card.inputShape().height()));
        field(sb, "input_width", Integer.toString(card.inputShape().width()));
        field(sb, "input_channels", Integer.toString(card.inputShape().channels()));
        field(sb, "input_range", str("[0,1]"));
        List<String> names = new ArrayList<>();
        card.classNames().forEach(n -> names.add(str(n)));
        field(sb, "class_names", "[" + String.join(", ", names) + "]");
        field(sb, "blur_sigma", num(card.blurSigma()));
        field(sb, "pca_k", Integer.toString(card.pcaComponents()));
        field(sb, "dataset", str(card.dataset()));
        field(sb, "seed", Long.toString(card.seed()));
        field(sb, "clean_accuracy", num(card.cleanAccuracy()));
        StringBuilder props = new StringBuilder("{");
        boolean first = true;
        for (var e : new TreeMap<>(card.properties()).entrySet()) {
            props.append(first ? "\n    " : ",\n    ").append(str(e.getKey())).append(": ").append(str(e.getValue()));
            first = false;
        }
        props.append(first ? "}" : "\n  }");
        sb.append("  \"properties\": ").append(props).append("\n}\n");
        AtomicFiles.writeString(pathIn(modelDir), sb.toString());
    }

    /** Whether the folder holds a readable card naming this backend (a provider's {@code canLoad}). */
    public static boolean namesBackend(Path modelDir, String backend) {
        try {
            return exists(modelDir) && backend.equals(read(modelDir).backend());
        } catch (UserInputException e) {
            return false;
        }
    }

    /** Reads the card and refuses one written for another backend, naming both. */
    public static ModelCard readFor(Path modelDir, String backend) {
        ModelCard card = read(modelDir);
        if (!backend.equals(card.backend())) {
            throw new UserInputException("model " + modelDir + " is for backend '" + card.backend() + "', not " + backend);
        }
        return card;
    }

    /** Card property naming an imported model's file inside its folder ({@code lowfreq import} writes it). */
    public static final String MODEL_FILE = "model_file";

    /**
     * The model file of an imported model folder: the card's {@code model_file}, else
     * {@code defaultName}; refused, naming the folder and the format, when it is not there.
     */
    public static Path modelFile(Path modelDir, ModelCard card, String defaultName, String format) {
        Path file = modelDir.resolve(card.properties().getOrDefault(MODEL_FILE, defaultName));
        if (!Files.isRegularFile(file)) {
            throw new UserInputException("no " + format + " file " + file.getFileName() + " in " + modelDir,
                    "an imported model folder holds the " + format + " file named by the card's " + MODEL_FILE
                            + " (default " + defaultName + ") and model-card.json; 'lowfreq import' writes both");
        }
        return file;
    }

    /** Reads the card of a model folder, naming the file and field in any error. */
    public static ModelCard read(Path modelDir) {
        Path file = pathIn(modelDir);
        if (!Files.isRegularFile(file)) {
            throw new UserInputException("no " + FILE_NAME + " in " + modelDir,
                    "a model folder holds the saved model and its model-card.json; train one with 'lowfreq train' "
                            + "or write a card for an external SavedModel (see backend-tensorflow/README.md)");
        }
        Map<String, Object> m;
        try {
            m = new Parser(Files.readString(file, StandardCharsets.UTF_8), file).object();
        } catch (IOException e) {
            throw new UserInputException("cannot read " + file + ": " + e.getMessage());
        }
        try {
            ImageShape shape = new ImageShape(intOf(m, "input_height"), intOf(m, "input_width"),
                    intOf(m, "input_channels"));
            Object range = m.getOrDefault("input_range", "[0,1]");
            if (!"[0,1]".equals(String.valueOf(range).replace(" ", ""))) {
                throw new UserInputException("input_range " + range + " is not supported",
                        "lowfreq models take [0,1] inputs; put any rescaling inside the model");
            }
            @SuppressWarnings("unchecked")
            List<Object> classes = (List<Object>) require(m, "class_names");
            List<String> classNames = classes.stream().map(String::valueOf).toList();
            Map<String, String> props = new LinkedHashMap<>();
            Object p = m.get("properties");
            if (p instanceof Map<?, ?> pm) {
                pm.forEach((k, v) -> props.put(String.valueOf(k), String.valueOf(v)));
            }
            return new ModelCard(String.valueOf(require(m, "name")), String.valueOf(m.getOrDefault("family", "imported")),
                    String.valueOf(m.getOrDefault("arch", "unknown")), String.valueOf(require(m, "backend")), shape,
                    classNames, doubleOf(m, "blur_sigma", 0), (int) doubleOf(m, "pca_k", 0),
                    String.valueOf(m.getOrDefault("dataset", "unknown")), (long) doubleOf(m, "seed", -1),
                    doubleOf(m, "clean_accuracy", Double.NaN), props);
        } catch (UserInputException | ClassCastException e) {
            throw new UserInputException("model card " + file + " is invalid: " + e.getMessage(),
                    e instanceof UserInputException u ? u.hint() : null);
        }
    }

    private static Object require(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            throw new UserInputException("missing field \"" + key + "\"");
        }
        return v;
    }

    private static int intOf(Map<String, Object> m, String key) {
        Object v = require(m, key);
        if (!(v instanceof Double d) || d != Math.rint(d)) {
            throw new UserInputException("field \"" + key + "\" must be a whole number, got " + v);
        }
        return d.intValue();
    }

    private static double doubleOf(Map<String, Object> m, String key, double fallback) {
        Object v = m.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Double d) {
            return d;
        }
        if ("NaN".equals(v)) {
            return Double.NaN;
        }
        throw new UserInputException("field \"" + key + "\" must be a number, got " + v);
    }

    private static void field(StringBuilder sb, String key, String json) {
        sb.append("  ").append(str(key)).append(": ").append(json).append(",\n");
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%s", ResultRow.formatNumber(v)) : "\"NaN\"";
    }

    static String str(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : String.valueOf(s).toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** A small recursive-descent parser for the JSON subset above. */
    private static final class Parser {
        private final String s;
        private final Path file;
        private int i;

        Parser(String s, Path file) {
            this.s = s;
            this.file = file;
        }

        Map<String, Object> object() {
            skip();
            expect('{');
            Map<String, Object> m = new LinkedHashMap<>();
            skip();
            if (peek() == '}') {
                i++;
                return m;
            }
            while (true) {
                skip();
                String key = string();
                skip();
                expect(':');
                m.put(key, value());
                skip();
                char c = next();
                if (c == '}') {
                    return m;
                }
                if (c != ',') {
                    throw error("expected , or }");
                }
            }
        }

        private Object value() {
            skip();
            char c = peek();
            if (c == '{') {
                return object();
            }
            if (c == '[') {
                i++;
                List<Object> list = new ArrayList<>();
                skip();
                if (peek() == ']') {
                    i++;
                    return list;
                }
                while (true) {
                    list.add(value());
                    skip();
                    char d = next();
                    if (d == ']') {
                        return list;
                    }
                    if (d != ',') {
                        throw error("expected , or ]");
                    }
                }
            }
            if (c == '"') {
                return string();
            }
            if (s.startsWith("true", i)) {
                i += 4;
                return Boolean.TRUE;
            }
            if (s.startsWith("false", i)) {
                i += 5;
                return Boolean.FALSE;
            }
            if (s.startsWith("null", i)) {
                i += 4;
                return null;
            }
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            try {
                return Double.parseDouble(s.substring(start, i));
            } catch (NumberFormatException e) {
                throw error("unexpected text");
            }
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return b.toString();
                }
                if (c == '\\') {
                    char e = next();
                    switch (e) {
                        case 'n' -> b.append('\n');
                        case 't' -> b.append('\t');
                        case 'r' -> b.append('\r');
                        case 'b' -> b.append('\b');
                        case 'f' -> b.append('\f');
                        case 'u' -> {
                            if (i + 4 > s.length()) {
                                throw error("bad escape");
                            }
                            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> b.append(e);
                    }
                } else {
                    b.append(c);
                }
            }
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private char peek() {
            if (i >= s.length()) {
                throw error("unexpected end of file");
            }
            return s.charAt(i);
        }

        private char next() {
            char c = peek();
            i++;
            return c;
        }

        private void expect(char c) {
            if (next() != c) {
                throw error("expected '" + c + "'");
            }
        }

        private UserInputException error(String what) {
            int line = 1;
            for (int k = 0; k < Math.min(i, s.length()); k++) {
                if (s.charAt(k) == '\n') {
                    line++;
                }
            }
            return new UserInputException(file + " line " + line + ": " + what + " (not valid JSON)");
        }
    }
}
