package org.lowfreq.datasets.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.lowfreq.datasets.DataRoot;

/**
 * Real data sets for the tests that need them, found by the same rules as the command line
 * ({@code LOWFREQ_DATA}, else {@code ~/.cache/lowfreq}; see {@link DataRoot}). Every module's
 * data-dependent tests go through here (this class ships in the datasets test jar), so the rule
 * for absent data is one rule: on a developer's machine the test is skipped with a message saying
 * where to put the files; when the environment variable {@code CI} is set the test fails instead,
 * because a CI run that silently skips its real-data tests proves nothing.
 */
public final class RealData {
    /** The file whose presence means "the CIFAR-10 binary release is there". */
    public static final String CIFAR10_PROBE_FILE = "cifar-10-batches-bin/test_batch.bin";

    private RealData() {
    }

    /** The data root holding CIFAR-10's binaries; skips (or, under CI, fails) the calling test when absent. */
    public static Path cifar10Root() {
        return rootHolding(CIFAR10_PROBE_FILE, "CIFAR-10 (binary version)");
    }

    /** The data root holding {@code relativeFile}; skips (or, under CI, fails) the calling test when absent. */
    public static Path rootHolding(String relativeFile, String what) {
        return rootHolding(relativeFile, what, System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** {@link #rootHolding(String, String)} with explicit inputs (what its own test uses). */
    static Path rootHolding(String relativeFile, String what, Map<String, String> env, Path home) {
        Path root = locate(env, home);
        if (Files.isRegularFile(root.resolve(relativeFile))) {
            return root;
        }
        String message = what + " not found: no " + root.resolve(relativeFile) + " (data root from "
                + DataRoot.resolve(null, env, home).source() + "). Put the files there, or set "
                + DataRoot.ENV + " to a folder that holds " + relativeFile
                + " ('./lowfreq data fetch cifar10' downloads CIFAR-10).";
        if (isCi(env)) {
            Assertions.fail("CI is set, so data-dependent tests must not be skipped: " + message);
        }
        Assumptions.abort(message);
        return null; // not reached: abort throws
    }

    /** True when the environment says this is a CI run. */
    static boolean isCi(Map<String, String> env) {
        String ci = env.get("CI");
        return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false") && !ci.equals("0");
    }

    /**
     * The data root by the command line's rules. A relative {@code LOWFREQ_DATA} is meant relative to
     * where {@code mvn} was started (the repository root), while tests run in the module folder, so
     * the parent folder is tried too.
     */
    static Path locate(Map<String, String> env, Path home) {
        Path root = DataRoot.resolve(null, env, home).path();
        String raw = env.get(DataRoot.ENV);
        if (raw != null && !raw.isBlank() && !Path.of(raw.trim()).isAbsolute() && !Files.isDirectory(root)) {
            Path fromParent = Path.of("..").resolve(raw.trim()).toAbsolutePath().normalize();
            if (Files.isDirectory(fromParent)) {
                return fromParent;
            }
        }
        return root;
    }
}
