package org.lowfreq.app;

/** A jar on the plugin path that could not be loaded, and why. */
public record PluginLoadFailure(String source, String reason) {
}
