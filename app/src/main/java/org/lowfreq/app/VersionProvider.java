package org.lowfreq.app;

import picocli.CommandLine.IVersionProvider;

/** {@code lowfreq --version}: the app jar's Implementation-Version and the Java runtime. */
public final class VersionProvider implements IVersionProvider {
    /** The lowfreq version, "dev" when run from classes rather than the jar. */
    public static String version() {
        String v = LowfreqCommand.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"lowfreq " + version(), "Java " + System.getProperty("java.version")};
    }
}
