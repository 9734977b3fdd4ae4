package org.lowfreq.app.commands;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.Comparator;
import org.lowfreq.app.PluginRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lowfreq plugins}: what the discovered plugins offer. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "List every discovered provider: kind, name, plugin module, version and where it came from.")
public final class PluginsCommand implements Runnable {
    private final PluginRegistry registry;

    @Spec
    CommandSpec spec;

    @Inject
    PluginsCommand(PluginRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-11s %-22s %-20s %-16s %s%n", "KIND", "NAME", "PLUGIN", "VERSION", "SOURCE / DESCRIPTION");
        registry.entries().stream()
                .sorted(Comparator.comparing(PluginRegistryEntryOrder::kindRank).thenComparing(e -> e.name()))
                .forEach(e -> out.printf("%-11s %-22s %-20s %-16s %s%s%n", e.kind(), e.name(), e.plugin(), e.version(),
                        e.source().equals("built-in") ? "" : "[" + e.source() + "] ", e.description()));
        registry.shadowed().forEach(s -> out.println("note: " + s));
        registry.failures().forEach(f -> out.println("failed: " + f.source() + ": " + f.reason()));
        out.flush();
    }

    private static final class PluginRegistryEntryOrder {
        static int kindRank(PluginRegistry.Entry e) {
            return java.util.List.of("dataset", "model", "probe", "attack", "corruption", "analysis").indexOf(e.kind());
        }
    }
}
