package org.lowfreq.spi;

import java.util.List;

/**
 * The one entry point of a plugin jar, listed in
 * {@code META-INF/services/org.lowfreq.spi.Plugin}. Offer only what you have: every method
 * defaults to nothing. Keep construction cheap; build heavy objects only when asked.
 */
public interface Plugin {
    /** Short name of the plugin (usually its module). */
    String name();

    /** Version, by default the jar manifest's Implementation-Version. */
    default String version() {
        String v = getClass().getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    default List<DatasetProvider> datasets() {
        return List.of();
    }

    default List<ModelProvider> models() {
        return List.of();
    }

    default List<Probe> probes() {
        return List.of();
    }

    default List<Attack> attacks() {
        return List.of();
    }

    default List<Corruption> corruptions() {
        return List.of();
    }

    /**
     * The corruptions configured by a probe's or job's options (for example the corruptions
     * plugin's {@code frost_dir}); by default the options are ignored.
     */
    default List<Corruption> corruptions(Options options) {
        return corruptions();
    }

    default List<Analysis> analyses() {
        return List.of();
    }
}
