package org.lowfreq.app;

import org.lowfreq.spi.Plugin;

/** A plugin found by {@link PluginDiscovery}, with where it came from ("built-in" or a jar path). */
public record DiscoveredPlugin(Plugin plugin, String source) {
}
