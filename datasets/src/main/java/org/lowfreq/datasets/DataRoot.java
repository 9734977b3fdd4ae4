package org.lowfreq.datasets;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where data sets live: {@code --data-dir} when given, else env {@code LOWFREQ_DATA}, else
 * {@code ~/.cache/lowfreq}. Data sets sit in fixed sub-folders of it (e.g.
 * {@code cifar-10-batches-bin/}), so a shared folder of official releases works as is.
 *
 * @param path   the resolved root (absolute, normalised)
 * @param source what chose it, for messages: {@code --data-dir}, {@code LOWFREQ_DATA} or {@code default}
 */
public record DataRoot(Path path, String source) {
    public static final String ENV = "LOWFREQ_DATA";

    public DataRoot {
        path = path.toAbsolutePath().normalize();
    }

    /** Resolves from the process environment and the user's home. */
    public static DataRoot resolve(Path dataDirOption) {
        return resolve(dataDirOption, System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** Resolution with explicit inputs (what tests use). */
    public static DataRoot resolve(Path dataDirOption, Map<String, String> env, Path userHome) {
        if (dataDirOption != null) {
            return new DataRoot(dataDirOption, "--data-dir");
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new DataRoot(Path.of(fromEnv.trim()), ENV);
        }
        return new DataRoot(userHome.resolve(".cache").resolve("lowfreq"), "default");
    }

    @Override
    public String toString() {
        return path + " (from " + source + ")";
    }
}
