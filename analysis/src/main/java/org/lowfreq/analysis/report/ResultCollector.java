package org.lowfreq.analysis.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.lowfreq.analysis.results.AtomicCsv;
import org.lowfreq.analysis.results.ResultTable;
import org.lowfreq.spi.ProgressListener;
import org.lowfreq.spi.ResultColumns;
import org.lowfreq.spi.UserInputException;

/**
 * {@code lowfreq collect}: finds every {@code results.csv} below an experiment store (one folder per
 * job), checks each against {@link ResultColumns#ALL} (a mismatch is refused, naming the file) and
 * writes their rows as one tidy table, atomically. Hidden entries (names starting with '.') are
 * skipped: the store writes unfinished jobs under a temporary dot-name and renames them when done.
 * Beside the table it writes {@code <name>.sources}, the job folders it read, one per line, so
 * {@code lowfreq report} can find the figures the probes left there.
 */
public final class ResultCollector {
    public static final String RESULTS_FILE = "results.csv";

    /** What was collected. */
    public record Summary(Path table, int files, int rows, List<Path> jobFolders, List<String> warnings) {
    }

    private ResultCollector() {
    }

    /** The results files below {@code store}, sorted by path so the output order is stable. */
    public static List<Path> findResultFiles(Path store) {
        if (!Files.isDirectory(store)) {
            throw new UserInputException("store " + store + " is not a folder",
                    "pass the experiment store folder (the --store of 'lowfreq run'), which holds one folder per job");
        }
        try (Stream<Path> s = Files.walk(store)) {
            return s.filter(p -> p.getFileName().toString().equals(RESULTS_FILE))
                    .filter(Files::isRegularFile)
                    .filter(p -> !hidden(store.relativize(p)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UserInputException("cannot walk store " + store + ": " + e.getMessage());
        }
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** Joins all results files below {@code store} into {@code out}; identities from training folders' cards. */
    public static Summary collect(Path store, Path out, ProgressListener progress) {
        return collect(store, out, progress, ModelIdentities.Lookup.TRAINING_FOLDER_CARD);
    }

    /**
     * Joins all results files below {@code store} into {@code out}, and writes the identity of each
     * model beside it ({@link ModelIdentities}); models that share a name but differ are renamed.
     */
    public static Summary collect(Path store, Path out, ProgressListener progress, ModelIdentities.Lookup lookup) {
        List<Path> files = findResultFiles(store);
        if (files.isEmpty()) {
            throw new UserInputException("no " + RESULTS_FILE + " below " + store,
                    "run some jobs first ('lowfreq run' or 'lowfreq probe ... --out STORE/JOB')");
        }
        return collect(files, out, progress, lookup);
    }

    /**
     * {@link #collect(Path, Path, ProgressListener, ModelIdentities.Lookup)} of the given results
     * files only (e.g. the current jobs of one experiment), in the order given.
     */
    public static Summary collect(List<Path> files, Path out, ProgressListener progress, ModelIdentities.Lookup lookup) {
        Path outAbs = out.toAbsolutePath().normalize();
        progress.start("collect", files.size());
        Map<Path, List<Map<String, String>>> byJob = new LinkedHashMap<>();
        for (Path f : files) {
            if (f.toAbsolutePath().normalize().equals(outAbs)) {
                continue; // a previous collected table inside the store is not a job
            }
            byJob.put(f.getParent(), new ArrayList<>(ResultTable.read(f))); // refuses a wrong schema, naming the file
            progress.advance(1);
        }
        progress.finish();
        List<String> warnings = new ArrayList<>();
        Map<String, ModelIdentity> ids = ModelIdentities.resolve(byJob, lookup, warnings);
        List<Map<String, String>> rows = new ArrayList<>();
        byJob.values().forEach(rows::addAll);
        List<Path> jobs = List.copyOf(byJob.keySet());
        writeAtomically(out, rows);
        if (!out.toString().equals(org.lowfreq.spi.AtomicFiles.STANDARD_OUTPUT) && Files.isRegularFile(out)) {
            // no sidecars beside standard output or a device such as /dev/null
            writeSources(out, jobs);
            ModelIdentities.write(out, ids);
        }
        return new Summary(out, jobs.size(), rows.size(), jobs, warnings);
    }

    /** Joins the given tables, in that order, into one written atomically; returns the row count. */
    public static int join(List<Path> tables, Path out) {
        return join(tables, out, ModelIdentities.Lookup.TRAINING_FOLDER_CARD, new ArrayList<>());
    }

    /** {@link #join(List, Path)} that also writes the models' identities beside the table (see collect). */
    public static int join(List<Path> tables, Path out, ModelIdentities.Lookup lookup, List<String> warnings) {
        Map<Path, List<Map<String, String>>> byJob = new LinkedHashMap<>();
        for (Path t : tables) {
            byJob.put(t.toAbsolutePath().normalize().getParent(), new ArrayList<>(ResultTable.read(t)));
        }
        Map<String, ModelIdentity> ids = ModelIdentities.resolve(byJob, lookup, warnings);
        List<Map<String, String>> rows = new ArrayList<>();
        byJob.values().forEach(rows::addAll);
        writeAtomically(out, rows);
        ModelIdentities.write(out, ids);
        return rows.size();
    }

    /** Writes rows (column-name maps) as a tidy table with the header {@link ResultColumns#ALL}. */
    public static void writeAtomically(Path out, List<Map<String, String>> rows) {
        AtomicCsv.write(out, ResultColumns.ALL.toArray(String[]::new), p -> {
            for (Map<String, String> r : rows) {
                List<String> values = new ArrayList<>(ResultColumns.ALL.size());
                for (String c : ResultColumns.ALL) {
                    values.add(r.getOrDefault(c, ""));
                }
                p.printRecord(values);
            }
        });
    }

    /** The sidecar that lists the job folders of a collected table. */
    public static Path sourcesFile(Path table) {
        return table.resolveSibling(table.getFileName() + ".sources");
    }

    private static void writeSources(Path table, List<Path> jobs) {
        StringBuilder sb = new StringBuilder();
        for (Path j : jobs) {
            sb.append(j.toAbsolutePath().normalize()).append('\n');
        }
        org.lowfreq.spi.AtomicFiles.writeString(sourcesFile(table), sb.toString());
    }

    /** The job folders recorded beside a collected table, or an empty list. */
    public static List<Path> readSources(Path table) {
        Path f = sourcesFile(table);
        if (!Files.isRegularFile(f)) {
            return List.of();
        }
        try {
            return Files.readAllLines(f, StandardCharsets.UTF_8).stream().filter(s -> !s.isBlank()).map(Path::of)
                    .filter(Files::isDirectory).toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
