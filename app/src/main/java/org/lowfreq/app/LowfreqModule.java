package org.lowfreq.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.util.List;
import org.lowfreq.app.executor.AttackJobKind;
import org.lowfreq.app.executor.CliJobProcessLauncher;
import org.lowfreq.app.executor.ProbeJobKind;
import org.lowfreq.app.executor.ReportJobKind;
import org.lowfreq.app.executor.TrainJobKind;
import org.lowfreq.experiments.executor.JobKind;
import org.lowfreq.experiments.executor.JobKinds;
import org.lowfreq.experiments.executor.JobProcessLauncher;
import org.lowfreq.spi.Plugin;

/**
 * Wires the command line: the global options, the plugins that {@link PluginDiscovery} found and
 * the registry built from them, the progress bars, and what the experiment engine takes from the
 * command line (the job kinds, how to start a job's child process).
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
        bind(JobProcessLauncher.class).to(CliJobProcessLauncher.class);
    }

    @Provides
    JobKinds jobKinds(TrainJobKind train, ProbeJobKind probe, AttackJobKind attack, ReportJobKind report) {
        return new JobKinds(List.<JobKind>of(train, probe, attack, report));
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
