package org.lowfreq.app;

import java.nio.file.Path;
import java.util.List;

/**
 * Options that apply to every command and must be known before the injector is built (plugins are
 * discovered from the plugin path first). Parsed by {@link Main} ahead of Picocli; the root command
 * declares them too so they show in {@code --help}.
 *
 * @param dataDir    {@code --data-dir}, or null (then {@code LOWFREQ_DATA}, then {@code ~/.cache/lowfreq})
 * @param pluginPath jar folders from {@code --plugin-path} and {@code LOWFREQ_PLUGIN_PATH}
 * @param verbose    print stack traces
 * @param quiet      no progress bars
 */
public record GlobalOptions(Path dataDir, List<Path> pluginPath, boolean verbose, boolean quiet) {
    public GlobalOptions {
        pluginPath = List.copyOf(pluginPath);
    }

    /**
     * The data root: {@code --data-dir}, else {@code LOWFREQ_DATA}, else {@code ~/.cache/lowfreq}.
     */
    public org.lowfreq.datasets.DataRoot dataRoot() {
        return org.lowfreq.datasets.DataRoot.resolve(dataDir);
    }

    /** Picks the global options out of the raw arguments; everything else is left to Picocli. */
    public static GlobalOptions scan(String[] args, String pluginPathEnv) {
        Path dataDir = null;
        List<Path> plugins = new java.util.ArrayList<>();
        boolean verbose = false;
        boolean quiet = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                break;
            }
            if (a.equals("--verbose") || a.equals("-v")) {
                verbose = true;
            } else if (a.equals("--quiet") || a.equals("-q")) {
                quiet = true;
            } else if (a.startsWith("--data-dir=")) {
                dataDir = Path.of(a.substring("--data-dir=".length()));
            } else if (a.equals("--data-dir") && i + 1 < args.length) {
                dataDir = Path.of(args[++i]);
            } else if (a.startsWith("--plugin-path=")) {
                addPath(plugins, a.substring("--plugin-path=".length()));
            } else if (a.equals("--plugin-path") && i + 1 < args.length) {
                addPath(plugins, args[++i]);
            }
        }
        if (pluginPathEnv != null && !pluginPathEnv.isBlank()) {
            addPath(plugins, pluginPathEnv);
        }
        return new GlobalOptions(dataDir, plugins, verbose, quiet);
    }

    private static void addPath(List<Path> into, String value) {
        for (String part : value.split(java.io.File.pathSeparator)) {
            if (!part.isBlank()) {
                into.add(Path.of(part.trim()));
            }
        }
    }
}
