package org.lowfreq.app;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.lowfreq.spi.Plugin;

/**
 * Finds plugins with {@link ServiceLoader}: the built-in modules on the class path, then every jar
 * in the plugin-path folders, each jar in a class loader of its own so that one broken jar is
 * reported by name and does not stop the others.
 */
public final class PluginDiscovery {
    private final List<DiscoveredPlugin> plugins = new ArrayList<>();
    private final List<PluginLoadFailure> failures = new ArrayList<>();

    public PluginDiscovery(List<Path> pluginPath, ClassLoader parent) {
        load(ServiceLoader.load(Plugin.class, parent), "built-in", null);
        for (Path dir : pluginPath) {
            for (Path jar : jarsIn(dir)) {
                loadJar(jar, parent);
            }
        }
    }

    public List<DiscoveredPlugin> plugins() {
        return List.copyOf(plugins);
    }

    public List<PluginLoadFailure> failures() {
        return List.copyOf(failures);
    }

    private List<Path> jarsIn(Path dir) {
        if (Files.isRegularFile(dir) && dir.toString().endsWith(".jar")) {
            return List.of(dir);
        }
        if (Files.isRegularFile(dir)) {
            failures.add(new PluginLoadFailure(dir.toString(), "plugin path entry is a file but not a .jar"
                    + " (pass a plugin jar or a folder of them)"));
            return List.of();
        }
        if (!Files.isDirectory(dir)) {
            failures.add(new PluginLoadFailure(dir.toString(), "plugin path entry does not exist"));
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            failures.add(new PluginLoadFailure(dir.toString(), "cannot list: " + e.getMessage()));
            return List.of();
        }
    }

    @SuppressWarnings("resource") // the loader must stay open while its plugins are in use
    private void loadJar(Path jar, ClassLoader parent) {
        // URLClassLoader silently sees no entries in a file that is not a zip, which would read as
        // "no plugin found"; say what is wrong instead
        try (java.util.jar.JarFile check = new java.util.jar.JarFile(jar.toFile())) {
            check.size();
        } catch (IOException e) {
            failures.add(new PluginLoadFailure(jar.toString(), "not a jar file: it cannot be read as a zip archive ("
                    + e.getMessage() + ")"));
            return;
        }
        URL url;
        try {
            url = jar.toUri().toURL();
        } catch (MalformedURLException e) {
            failures.add(new PluginLoadFailure(jar.toString(), e.getMessage()));
            return;
        }
        URLClassLoader loader = new URLClassLoader(new URL[] {url}, parent);
        int before = plugins.size();
        // ServiceLoader.load with a child loader also sees the parent's services: keep only this jar's.
        load(ServiceLoader.load(Plugin.class, loader), jar.toString(), loader);
        if (plugins.size() == before && failures.stream().noneMatch(f -> f.source().equals(jar.toString()))) {
            failures.add(new PluginLoadFailure(jar.toString(),
                    "no plugin found: the jar has no META-INF/services/org.lowfreq.spi.Plugin entry"));
        }
    }

    private void load(ServiceLoader<Plugin> loader, String source, ClassLoader only) {
        Iterator<ServiceLoader.Provider<Plugin>> it = loader.stream().iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    return;
                }
                ServiceLoader.Provider<Plugin> provider = it.next();
                if (only != null && provider.type().getClassLoader() != only) {
                    continue;
                }
                Plugin plugin = provider.get();
                plugin.name(); // fail here, not later, if the plugin is broken
                plugins.add(new DiscoveredPlugin(plugin, source));
            } catch (ServiceConfigurationError | LinkageError | RuntimeException e) {
                failures.add(new PluginLoadFailure(source, describe(e)));
                if (only == null) {
                    continue;
                }
                return; // a broken jar: stop reading it, keep the others
            }
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? e.toString() : e.getMessage() + " (" + root + ")";
    }
}
