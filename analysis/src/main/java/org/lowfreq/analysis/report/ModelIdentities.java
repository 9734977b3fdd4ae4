package org.lowfreq.analysis.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.lowfreq.analysis.results.AtomicCsv;
import org.lowfreq.spi.ModelCardFile;
import org.lowfreq.spi.UserInputException;

/**
 * The identities of the models of a collected table, kept beside it as {@code <table>.models}
 * (columns model, configuration, seed, fine_tuned, init_from, source), and the rule that gives two
 * different models that share a name distinct names: {@code name [configuration sSEED]}.
 */
public final class ModelIdentities {
    static final String[] HEADER = {"model", "configuration", "seed", "fine_tuned", "init_from", "source"};

    /** Finds the identity of the model a job folder measured; empty when the folder does not say. */
    public interface Lookup {
        Optional<ModelIdentity> of(Path jobFolder);

        /** The model card of a training job ({@code <job>/model/model-card.json}); nothing for other folders. */
        Lookup TRAINING_FOLDER_CARD = job -> ModelCardFile.exists(job.resolve("model"))
                ? Optional.of(ModelIdentity.ofCard(ModelCardFile.read(job.resolve("model")))) : Optional.empty();
    }

    private ModelIdentities() {
    }

    public static Path file(Path table) {
        return table.resolveSibling(table.getFileName() + ".models");
    }

    /**
     * Gives every job's rows an identity and renames models whose name is shared by different
     * models (another configuration or seed); returns model name -> identity after renaming. The
     * rows of {@code rowsByJob} are renamed in place.
     */
    public static Map<String, ModelIdentity> resolve(Map<Path, List<Map<String, String>>> rowsByJob, Lookup lookup,
                                                     List<String> warnings) {
        // 1. what each folder says; 2. a folder that says nothing (e.g. a probe run by hand) takes the identity
        // of the other folders of its model name when they agree, else its card columns
        Map<Path, java.util.Optional<ModelIdentity>> found = new LinkedHashMap<>();
        Map<String, List<ModelIdentity>> foundByName = new LinkedHashMap<>();
        for (var e : rowsByJob.entrySet()) {
            if (e.getValue().isEmpty()) {
                continue;
            }
            String name = e.getValue().get(0).get("model");
            java.util.Optional<ModelIdentity> id = lookup.of(e.getKey()).map(i -> i.named(name));
            found.put(e.getKey(), id);
            id.ifPresent(i -> {
                List<ModelIdentity> known = foundByName.computeIfAbsent(name, k -> new ArrayList<>());
                if (known.stream().noneMatch(i::sameModel)) {
                    known.add(i);
                }
            });
        }
        Map<Path, ModelIdentity> byJob = new LinkedHashMap<>();
        Map<String, List<ModelIdentity>> byName = new LinkedHashMap<>();
        for (var e : found.entrySet()) {
            Map<String, String> first = rowsByJob.get(e.getKey()).get(0);
            String name = first.get("model");
            List<ModelIdentity> same = foundByName.getOrDefault(name, List.of());
            ModelIdentity id = e.getValue().orElseGet(() -> same.size() == 1 ? same.get(0)
                    : ModelIdentity.ofColumns(ResultRecord.of(first, e.getKey().toString())));
            byJob.put(e.getKey(), id);
            List<ModelIdentity> known = byName.computeIfAbsent(name, k -> new ArrayList<>());
            if (known.stream().noneMatch(id::sameModel)) {
                known.add(id);
            }
        }
        Map<String, ModelIdentity> out = new LinkedHashMap<>();
        for (var e : byJob.entrySet()) {
            ModelIdentity id = e.getValue();
            String name = id.model();
            if (byName.get(name).size() > 1) {
                String renamed = name + " [" + id.configuration() + " s" + id.seed() + "]";
                rowsByJob.get(e.getKey()).forEach(r -> r.put("model", renamed));
                id = id.named(renamed);
                String w = "model name '" + name + "' is shared by " + byName.get(name).size()
                        + " different models (configuration or seed); each is reported as '" + name
                        + " [CONFIGURATION sSEED]'";
                if (!warnings.contains(w)) {
                    warnings.add(w);
                }
            }
            out.putIfAbsent(id.model(), id);
        }
        return out;
    }

    public static void write(Path table, Map<String, ModelIdentity> ids) {
        AtomicCsv.write(file(table), HEADER, p -> {
            for (ModelIdentity i : ids.values()) {
                p.printRecord(i.model(), i.configuration(), i.seed(), i.fineTuned(), i.initFrom(), i.source());
            }
        });
    }

    /** The identities beside a collected table; empty when there is no such file. */
    public static Map<String, ModelIdentity> read(Path table) {
        Path f = file(table);
        Map<String, ModelIdentity> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(f)) {
            return out;
        }
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            for (CSVRecord rec : p) {
                out.put(rec.get("model"), new ModelIdentity(rec.get("model"), rec.get("configuration"),
                        Long.parseLong(rec.get("seed")), Boolean.parseBoolean(rec.get("fine_tuned")), rec.get("init_from"),
                        rec.get("source")));
            }
        } catch (IOException | RuntimeException e) {
            throw new UserInputException(f + " is not a model-identity table: " + e.getMessage(),
                    "collect the store again with 'lowfreq collect', or delete the file");
        }
        return out;
    }
}
