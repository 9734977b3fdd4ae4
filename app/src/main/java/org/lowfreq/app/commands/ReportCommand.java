package org.lowfreq.app.commands;

import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.lowfreq.analysis.report.Artifacts;
import org.lowfreq.analysis.report.DemoStore;
import org.lowfreq.analysis.report.ModelIdentity;
import org.lowfreq.analysis.report.SpectrumSource;
import org.lowfreq.analysis.report.ReportBuilder;
import org.lowfreq.analysis.report.ResultCollector;
import org.lowfreq.analysis.report.ResultSet;
import org.lowfreq.app.Progress;
import org.lowfreq.spi.ModelCard;
import org.lowfreq.spi.ModelCardFile;
import org.lowfreq.spi.UserInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lowfreq report results.csv --out DIR}: the figures and tables of a collected table as one HTML page. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Draw the report of a collected results table: DIR/index.html (self-contained, figures inlined) and DIR/figures/*.png.",
                "Figures the data does not allow say 'no data'.",
                "Examples:",
                "  lowfreq collect store --out results.csv && lowfreq report results.csv --out report",
                "  lowfreq report --demo --out demo-report     (synthetic data, to see what the report shows)"})
public final class ReportCommand implements Runnable {
    private final Progress progress;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "RESULTS", description = "Collected results.csv.")
    Path results;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (required).")
    Path out;

    @Option(names = "--store", paramLabel = "DIR",
            description = "Experiment store to search for the probes' PNG figures (default: the job folders recorded "
                    + "by 'lowfreq collect' in RESULTS.sources).")
    Path store;

    @Option(names = "--models", paramLabel = "DIR", description = "Folder of saved models: clean accuracy (when "
            + "no result row has it) and identity (configuration without seed, fine-tuned or not) from their model-card.json.")
    Path models;

    @Option(names = "--demo", description = "Write a synthetic store to DIR/demo-store, collect it and report on it.")
    boolean demo;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the bootstrap intervals (default: ${DEFAULT-VALUE}).")
    long seed;

    @Inject
    ReportCommand(Progress progress) {
        this.progress = progress;
    }

    /** Every model card up to two levels below {@code dir}. */
    static List<ModelCard> cards(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UserInputException("--models " + dir + " is not a folder", "pass the folder that holds the saved models");
        }
        try (Stream<Path> s = Files.walk(dir, 2)) {
            return s.filter(p -> p.getFileName().toString().equals(ModelCardFile.FILE_NAME))
                    .map(card -> ModelCardFile.read(card.getParent())).toList();
        } catch (IOException e) {
            throw new UserInputException("cannot list " + dir + ": " + e.getMessage());
        }
    }

    /** Model name -> clean accuracy of every model card up to two levels below {@code dir}. */
    static Map<String, Double> cleanAccuracyFromCards(Path dir) {
        Map<String, Double> out = new HashMap<>();
        for (ModelCard c : cards(dir)) {
            if (Double.isFinite(c.cleanAccuracy())) {
                out.put(c.name(), c.cleanAccuracy());
            }
        }
        return out;
    }

    @Override
    public void run() {
        Path table = results;
        if (demo) {
            Path demoStore = out.resolve("demo-store");
            DemoStore.write(demoStore, seed);
            table = out.resolve("demo-results.csv");
            ResultCollector.collect(demoStore, table, progress.listener());
        } else if (table == null) {
            throw new UserInputException("no results table given",
                    "pass the table written by 'lowfreq collect STORE --out results.csv', or --demo");
        }
        List<Path> jobs = store != null ? ResultCollector.findResultFiles(store).stream().map(Path::getParent).toList()
                : ResultCollector.readSources(table);
        ResultSet data = ResultSet.read(table);
        if (models != null) {
            // identities (configuration without seed, fine-tuned or not) for models the collected table does not know
            Map<String, ModelIdentity> ids = new HashMap<>();
            cards(models).forEach(c -> ids.put(c.name(), ModelIdentity.ofCard(c)));
            data = data.withCardCleanAccuracy(cleanAccuracyFromCards(models)).withIdentities(ids);
        }
        ReportBuilder builder = new ReportBuilder(data, Artifacts.scan(jobs), out, seed,
                SpectrumSource.CSV.orElse(new PerturbationSpectra()));
        Path index = builder.write(progress.listener());
        builder.warnings().forEach(w -> spec.commandLine().getErr().println("warning: " + w));
        spec.commandLine().getOut().println("report: " + index + " (" + builder.figureCount() + " figures)");
    }
}
