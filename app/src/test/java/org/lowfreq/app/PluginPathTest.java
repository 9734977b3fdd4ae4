package org.lowfreq.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowfreq.spi.Plugin;

/**
 * Plugins from outside the repository: sources compiled against the spi alone, jarred into a
 * folder and found through the plugin path, while broken jars are reported by name.
 */
class PluginPathTest {
    @TempDir
    Path tmp;

    private static final String SERVICE = "META-INF/services/org.lowfreq.spi.Plugin";

    private static final String TINY_PLUGIN = """
            package tiny;

            import java.nio.file.Path;
            import java.util.List;
            import org.lowfreq.spi.*;

            public final class TinyPlugin implements Plugin {
                @Override public String name() { return "tiny"; }

                @Override public List<DatasetProvider> datasets() {
                    return List.of(new DatasetProvider() {
                        @Override public String name() { return "tiny-set"; }
                        @Override public String description() { return "a data set from a jar"; }
                        @Override public boolean isPresent(Path root) { return false; }
                        @Override public Dataset open(Path root) { throw new UserInputException("absent"); }
                        @Override public String howToGet(Path root) { return "nowhere"; }
                    });
                }
            }
            """;

    /** Compiles sources against the spi classes only and writes a jar with the service entry. */
    static Path buildJar(Path work, String jarName, List<Path> sources, String serviceLine) throws IOException {
        return jar(compile(work, jarName, sources), work.resolve("plugins").resolve(jarName + ".jar"), serviceLine);
    }

    static Path compile(Path work, String name, List<Path> sources) throws IOException {
        Path classes = Files.createDirectories(work.resolve(name + "-classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac).as("a JDK, not a JRE").isNotNull();
        Path spi;
        try {
            spi = Path.of(Plugin.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<String> args = new ArrayList<>(List.of("--release", "17", "-classpath", spi.toString(), "-d",
                classes.toString(), "-proc:none"));
        sources.forEach(s -> args.add(s.toString()));
        StringWriter diagnostics = new StringWriter();
        int rc = javac.run(null, new java.io.PrintStream(OutputStream.nullOutputStream()),
                new java.io.PrintStream(new java.io.ByteArrayOutputStream() {
                    @Override
                    public void flush() {
                        diagnostics.write(toString(StandardCharsets.UTF_8));
                        reset();
                    }
                }, true), args.toArray(String[]::new));
        assertThat(rc).as("javac: " + diagnostics).isZero();
        return classes;
    }

    static Path jar(Path classes, Path jar, String serviceLine) throws IOException {
        Files.createDirectories(jar.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry(SERVICE));
            out.write((serviceLine + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    @Test
    void aJarOnThePluginPathIsDiscoveredAndBrokenJarsAreReportedByName() throws IOException {
        Path src = tmp.resolve("src/tiny/TinyPlugin.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, TINY_PLUGIN);
        Path classes = compile(tmp, "tiny", List.of(src));
        Path good = jar(classes, tmp.resolve("plugins/good.jar"), "tiny.TinyPlugin");
        Path missingClass = jar(classes, tmp.resolve("plugins/missing-class.jar"), "tiny.NoSuchPlugin");
        Path notAJar = Files.writeString(good.resolveSibling("garbage.jar"), "this is not a zip file");
        Path dir = good.getParent();

        PluginDiscovery d = new PluginDiscovery(List.of(dir), getClass().getClassLoader());

        assertThat(d.plugins()).anySatisfy(p -> {
            assertThat(p.plugin().name()).isEqualTo("tiny");
            assertThat(p.source()).isEqualTo(good.toString());
        });
        assertThat(d.plugins()).anyMatch(p -> p.plugin().name().equals("datasets") && p.source().equals("built-in"));
        assertThat(d.failures()).extracting(PluginLoadFailure::source)
                .contains(missingClass.toString(), notAJar.toString())
                .doesNotContain(good.toString());
        assertThat(d.failures()).filteredOn(f -> f.source().equals(missingClass.toString()))
                .allMatch(f -> f.reason().contains("tiny.NoSuchPlugin"));

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"--plugin-path", dir.toString(), "plugins"}, new PrintWriter(out, true),
                new PrintWriter(err, true));
        assertThat(code).isZero();
        assertThat(out.toString()).containsPattern("dataset\\s+tiny-set\\s+tiny").contains("[" + good + "]")
                .containsPattern("dataset\\s+cifar10\\s+datasets");
        assertThat(err.toString()).contains("garbage.jar").contains("missing-class.jar");
    }

    @Test
    void theExamplePluginProjectBuildsAgainstTheSpiAloneAndIsFound() throws IOException {
        Path example = Path.of("..", "examples", "plugin-example").toAbsolutePath().normalize();
        Path srcRoot = example.resolve("src/main/java");
        org.assertj.core.api.Assumptions.assumeThat(Files.isDirectory(srcRoot)).as(srcRoot.toString()).isTrue();
        List<Path> sources;
        try (Stream<Path> s = Files.walk(srcRoot)) {
            sources = s.filter(p -> p.toString().endsWith(".java")).toList();
        }
        String service = Files.readString(example.resolve("src/main/resources/" + SERVICE)).trim();
        Path jar = buildJar(tmp, "mean-brightness", sources, service);

        PluginDiscovery d = new PluginDiscovery(List.of(jar.getParent()), getClass().getClassLoader());
        assertThat(d.failures()).isEmpty();
        PluginRegistry registry = new PluginRegistry(d);
        assertThat(registry.probe("mean-brightness").description()).contains("mean pixel value");
    }
}
