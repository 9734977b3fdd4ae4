package org.lowfreq.analysis.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.lowfreq.analysis.results.ResultTable;

/**
 * The figures and curves that probes left in their job folders, found through the folders a
 * collected table came from. Hybrid examples are the PNGs of hybrid-probe jobs whose name mentions
 * "example" ({@code hybrid-examples.png}); heat maps are PNGs whose name mentions "heatmap"
 * ({@code spectrum_heatmap.png} of the spectra writers, {@code fourier-heatmap.png}; drawn with their
 * colour bars, embedded as they are); cumulative radial power curves come from
 * {@code spectrum_cumulative.csv}.
 */
public record Artifacts(List<Figure> hybridExamples, List<Figure> spectrumHeatMaps, List<Curve> cumulativeCurves,
                        List<Job> jobs) {

    /** A job folder with the model and probe of its rows (for sources that read the folder themselves). */
    public record Job(String model, String probe, Path folder) {
    }

    /** The file the spectra writers put the cumulative radial power in (columns a_cpp, a_norm, ratio). */
    public static final String CUMULATIVE_CSV = "spectrum_cumulative.csv";

    /** A cumulative radial power curve (radius in cycles/pixel -> ratio) read from a job folder. */
    public record Curve(String model, String probe, TreeMap<Double, Double> ratioByRadiusCpp) {
    }

    /** A PNG file with the model and probe of the job that wrote it. */
    public record Figure(String model, String probe, Path file) {
    }

    public static Artifacts none() {
        return new Artifacts(List.of(), List.of(), List.of(), List.of());
    }

    public static Artifacts scan(List<Path> jobFolders) {
        List<Figure> hybrid = new ArrayList<>();
        List<Figure> spectra = new ArrayList<>();
        List<Curve> curves = new ArrayList<>();
        List<Job> folders = new ArrayList<>();
        for (Path job : jobFolders) {
            Path results = job.resolve(ResultCollector.RESULTS_FILE);
            if (!Files.isRegularFile(results)) {
                continue;
            }
            List<Path> pngs;
            try (Stream<Path> s = Files.walk(job, 2)) {
                pngs = s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")).sorted().toList();
            } catch (IOException e) {
                continue;
            }
            Path cumulative = job.resolve(CUMULATIVE_CSV);
            List<Map<String, String>> rows = ResultTable.read(results);
            String model = rows.isEmpty() ? job.getFileName().toString() : rows.get(0).get("model");
            String probe = rows.isEmpty() ? "" : rows.get(0).get("probe");
            folders.add(new Job(model, probe, job));
            for (Path p : pngs) {
                String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                if (probe.equals("hybrid") && name.contains("example")) {
                    hybrid.add(new Figure(model, probe, p));
                } else if (name.contains("heatmap")) {
                    spectra.add(new Figure(model, probe, p));
                }
            }
            if (Files.isRegularFile(cumulative)) {
                TreeMap<Double, Double> c = readCumulative(cumulative);
                if (!c.isEmpty()) {
                    curves.add(new Curve(model, probe, c));
                }
            }
        }
        return new Artifacts(List.copyOf(hybrid), List.copyOf(spectra), List.copyOf(curves), List.copyOf(folders));
    }

    /** Columns a_cpp and ratio of a spectrum_cumulative.csv; a file that does not parse yields an empty curve. */
    static TreeMap<Double, Double> readCumulative(Path csv) {
        TreeMap<Double, Double> out = new TreeMap<>();
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            if (!p.getHeaderNames().contains("a_cpp") || !p.getHeaderNames().contains("ratio")) {
                return out;
            }
            for (CSVRecord rec : p) {
                out.put(Double.parseDouble(rec.get("a_cpp")), Double.parseDouble(rec.get("ratio")));
            }
        } catch (IOException | RuntimeException e) {
            out.clear(); // a figure input, not a result: the report shows "no data" rather than failing
        }
        return out;
    }
}
