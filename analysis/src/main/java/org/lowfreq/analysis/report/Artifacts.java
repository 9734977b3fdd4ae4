package org.lowfreq.analysis.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.lowfreq.analysis.results.ResultTable;

/**
 * The PNG figures that probes left in their job folders, found through the folders a collected
 * table came from. Hybrid examples are the PNGs of hybrid-probe jobs whose name mentions
 * "example" or "hybrid"; spectrum heat maps are PNGs whose name mentions "spectrum", "heatmap" or
 * "power" (the spectra writers draw them with their colour bars; the report embeds them as they are).
 */
public record Artifacts(List<Figure> hybridExamples, List<Figure> spectrumHeatMaps) {

    /** A PNG file with the model and probe of the job that wrote it. */
    public record Figure(String model, String probe, Path file) {
    }

    public static Artifacts none() {
        return new Artifacts(List.of(), List.of());
    }

    public static Artifacts scan(List<Path> jobFolders) {
        List<Figure> hybrid = new ArrayList<>();
        List<Figure> spectra = new ArrayList<>();
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
            if (pngs.isEmpty()) {
                continue;
            }
            List<Map<String, String>> rows = ResultTable.read(results);
            String model = rows.isEmpty() ? job.getFileName().toString() : rows.get(0).get("model");
            String probe = rows.isEmpty() ? "" : rows.get(0).get("probe");
            for (Path p : pngs) {
                String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                if (probe.equals("hybrid") && (name.contains("example") || name.contains("hybrid"))) {
                    hybrid.add(new Figure(model, probe, p));
                } else if (name.contains("spectrum") || name.contains("heatmap") || name.contains("power")) {
                    spectra.add(new Figure(model, probe, p));
                }
            }
        }
        return new Artifacts(List.copyOf(hybrid), List.copyOf(spectra));
    }
}
