package org.lowfreq.experiments.executor;

/**
 * The lowfreq version recorded in a job's {@code run.json}. Every lowfreq jar carries the same
 * Implementation-Version (the parent pom sets it), so the engine reads its own jar's rather than
 * asking the command line for it.
 */
final class EngineVersion {
    private EngineVersion() {
    }

    /** The lowfreq version, "dev" when run from classes rather than the jar. */
    static String version() {
        String v = EngineVersion.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
