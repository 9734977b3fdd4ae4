package org.lowfreq.app.experiment;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.lowfreq.app.Main;
import org.lowfreq.analysis.report.ResultCollector;

/** A small experiment on the synthetic data set and the reference backend, and helpers to run lowfreq. */
public final class TinyExperiment {
    private TinyExperiment() {
    }

    /** 3 models (2 linear seeds, 1 MLP), 2 probe settings each, and a report: 10 jobs. */
    public static Path write(Path dir, Path executionLog, long sleepMs, boolean failOneProbe) throws IOException {
        String yaml = """
                name: tiny
                dataset: synthetic
                seed: 0
                model_defaults:
                  backend: reference
                  arch: linear
                  epochs: 3
                  batch_size: 16
                  learning_rate: 0.5
                models:
                  - name: lin
                    grid: {seed: [0, 1]}
                  - name: mlp
                    arch: mlp
                    width: 4
                probes:
                  - probe: tiny-accuracy
                    options: {log_file: "%s", sleep_ms: %d}
                    grid: {options.scale: [1, 2]}
                %s
                report: true
                """.formatted(executionLog, sleepMs, failOneProbe
                ? "  - {probe: tiny-accuracy, models: [mlp], options: {fail: true}}" : "");
        Path file = dir.resolve("tiny.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    /** 2 linear models, 1 probe each, and a report: 5 jobs (few JVM starts, for Slurm). */
    public static Path writeSmall(Path dir, Path executionLog) throws IOException {
        Path file = dir.resolve("small.yaml");
        Files.writeString(file, """
                name: small
                dataset: synthetic
                model_defaults: {backend: reference, arch: linear, epochs: 3, batch_size: 16, learning_rate: 0.5}
                models:
                  - name: lin
                    grid: {seed: [0, 1]}
                probes:
                  - probe: tiny-accuracy
                    options: {log_file: "%s"}
                report: true
                """.formatted(executionLog));
        return file;
    }

    public record Run(int code, String out, String err) {
    }

    public static Run lowfreq(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    /** Every job's results.csv in the store, joined in hash order, without the creation-time column. */
    public static List<String> collected(Path store) throws IOException {
        List<Path> inputs;
        try (Stream<Path> s = Files.list(store.resolve("jobs"))) {
            inputs = s.map(d -> d.resolve("results.csv")).filter(Files::isRegularFile).sorted().toList();
        }
        Path out = Files.createTempFile("collected", ".csv");
        ResultCollector.join(inputs, out);
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(out)) {
            lines.add(line.substring(0, line.lastIndexOf(','))); // drop created_utc
        }
        Files.delete(out);
        return lines;
    }

    /** The class path of this test JVM, for child JVMs (surefire keeps the real one in a property). */
    public static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
