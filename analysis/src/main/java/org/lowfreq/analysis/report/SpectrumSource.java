package org.lowfreq.analysis.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.lowfreq.analysis.spectrum.PowerSpectrum;

/**
 * The 2-D mean power spectrum of a job's perturbations, for heat maps drawn on one shared colour
 * scale. {@link #CSV} reads {@value #POWER_CSV} (the layout of {@code SpectrumCsv.meanPower}); the
 * app adds a source that reads the attack's {@code perturbations.npy}.
 */
@FunctionalInterface
public interface SpectrumSource {
    String POWER_CSV = "spectrum_power.csv";

    Optional<PowerSpectrum> load(Path jobFolder);

    /** This source, else {@code other}. */
    default SpectrumSource orElse(SpectrumSource other) {
        return job -> {
            Optional<PowerSpectrum> s = load(job);
            return s.isPresent() ? s : other.load(job);
        };
    }

    /** Columns fy_cpp, fx_cpp, power, fftshifted row-major; a file that does not parse yields nothing. */
    SpectrumSource CSV = job -> {
        Path csv = job.resolve(POWER_CSV);
        if (!Files.isRegularFile(csv)) {
            return Optional.empty();
        }
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            List<double[]> rows = new ArrayList<>();
            TreeSet<Double> fy = new TreeSet<>();
            TreeSet<Double> fx = new TreeSet<>();
            for (CSVRecord rec : p) {
                double y = Double.parseDouble(rec.get("fy_cpp"));
                double x = Double.parseDouble(rec.get("fx_cpp"));
                fy.add(y);
                fx.add(x);
                rows.add(new double[] {y, x, Double.parseDouble(rec.get("power"))});
            }
            int h = fy.size();
            int w = fx.size();
            if (h * w != rows.size() || h < 2 || w < 2) {
                return Optional.empty();
            }
            double[] power = new double[h * w];
            for (int i = 0; i < rows.size(); i++) {
                int r0 = i / w;
                int c0 = i % w;
                // row r0 of the shifted layout is unshifted row (r0 + h - h/2) mod h
                power[((r0 + h - h / 2) % h) * w + (c0 + w - w / 2) % w] = rows.get(i)[2];
            }
            return Optional.of(new PowerSpectrum(h, w, 1, 1, power));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a figure input, not a result: fall back to the job's own PNG
        }
    };
}
