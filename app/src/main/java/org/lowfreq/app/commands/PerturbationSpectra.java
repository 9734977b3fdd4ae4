package org.lowfreq.app.commands;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.lowfreq.analysis.report.SpectrumSource;
import org.lowfreq.analysis.spectrum.PowerSpectrum;
import org.lowfreq.datasets.npy.NpyArray;
import org.lowfreq.spi.ImageShape;

/**
 * The report's heat-map source for attack jobs: the mean power spectrum of the successful
 * perturbations in the job's {@code perturbations.npy} (N x H x W x C; a failed image is stored as
 * all zeros and is left out, as the attack's own spectrum leaves it out).
 */
final class PerturbationSpectra implements SpectrumSource {
    static final String FILE = "perturbations.npy";

    @Override
    public Optional<PowerSpectrum> load(Path job) {
        Path npy = job.resolve(FILE);
        if (!Files.isRegularFile(npy)) {
            return Optional.empty();
        }
        try {
            NpyArray a = NpyArray.read(npy);
            int[] s = a.shape();
            if (s.length != 4) {
                return Optional.empty();
            }
            float[] all = a.toFloats();
            int d = s[1] * s[2] * s[3];
            int kept = 0;
            float[] ok = new float[all.length];
            for (int i = 0; i < s[0]; i++) {
                boolean nonzero = false;
                for (int j = 0; j < d && !nonzero; j++) {
                    nonzero = all[i * d + j] != 0f;
                }
                if (nonzero) {
                    System.arraycopy(all, i * d, ok, kept * d, d);
                    kept++;
                }
            }
            if (kept == 0) {
                return Optional.empty();
            }
            float[] used = java.util.Arrays.copyOf(ok, kept * d);
            return Optional.of(PowerSpectrum.of(used, new ImageShape(s[1], s[2], s[3]), kept));
        } catch (RuntimeException e) {
            return Optional.empty(); // a figure input: the report falls back to the job's own heat-map PNG
        }
    }
}
