package org.lowfreq.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import org.lowfreq.spi.Plugin;

/**
 * Wires the command line: the global options, the plugins that {@link PluginDiscovery} found and
 * the registry built from them, and the progress bars.
 */
public final class LowfreqModule extends AbstractModule {
    private final GlobalOptions options;
    private final PluginDiscovery discovery;

    public LowfreqModule(GlobalOptions options, PluginDiscovery discovery) {
        this.options = options;
        this.discovery = discovery;
    }

    @Override
    protected void configure() {
        bind(GlobalOptions.class).toInstance(options);
        bind(PluginDiscovery.class).toInstance(discovery);
        var pluginSet = com.google.inject.multibindings.Multibinder.newSetBinder(binder(), Plugin.class);
        discovery.plugins().forEach(p -> pluginSet.addBinding().toInstance(p.plugin()));
    }

    @Provides
    @Singleton
    PluginRegistry registry() {
        return new PluginRegistry(discovery);
    }

    @Provides
    @Singleton
    Progress progress() {
        return new Progress(!options.quiet());
    }
}
