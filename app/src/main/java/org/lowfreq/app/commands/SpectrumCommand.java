package org.lowfreq.app.commands;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.lowfreq.analysis.spectrum.PowerSpectrum;
import org.lowfreq.analysis.spectrum.RadialCumulative;
import org.lowfreq.analysis.spectrum.SpectrumCsv;
import org.lowfreq.analysis.spectrum.SpectrumFigures;
import org.lowfreq.datasets.npy.NpyArray;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.UserInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lowfreq spectrum}: the mean power spectrum and f_0.5 of a set of perturbations (docs/METHODS.md 2). */
@Command(name = "spectrum", mixinStandardHelpOptions = true,
        description = {"Compute the mean power spectrum of perturbations and its f_0.5.",
                "Input: numeric NPY, N x H x W x C, e.g. x_adv - x or x_corrupt - x. Output: heat map with colour bar, cumulative radial power with the f_0.5 crossing, CSV.",
                "All-zero perturbations (failed attacks) are left out.",
                "Example:",
                "  lowfreq spectrum --perturbations out/attack-baseline/perturbations.npy --out out/spectrum-baseline"})
public final class SpectrumCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--perturbations", required = true, paramLabel = "FILE.npy", description = "Perturbations, N x H x W x C (float32, float64 or integer NPY) (required).")
    Path perturbations;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (required).")
    Path out;

    @Option(names = "--points", defaultValue = "" + PowerSpectrum.DEFAULT_RADIAL_POINTS, description = "Radii of the cumulative curve (default: ${DEFAULT-VALUE}).")
    int points;

    @Option(names = "--title", paramLabel = "TEXT", description = "Figure title (default: the file name).")
    String title;

    @Override
    public void run() {
        if (!Files.isRegularFile(perturbations)) {
            throw new UserInputException("perturbation file " + perturbations + " does not exist");
        }
        // any numeric NPY is accepted: numpy writes float64 residuals by default
        NpyArray a = NpyArray.read(perturbations);
        int[] s = a.shape();
        if (s.length != 4 && s.length != 3) {
            throw new UserInputException(perturbations + " has shape " + java.util.Arrays.toString(s),
                    "expected N x H x W x C (or N x H x W for one channel)");
        }
        ImageShape shape = new ImageShape(s[1], s[2], s.length == 4 ? s[3] : 1);
        int d = shape.size();
        int kept = 0;
        float[] data = a.toFloats();
        float[] nonZero = new float[data.length];
        for (int i = 0; i < s[0]; i++) {
            boolean any = false;
            for (int k = i * d; k < i * d + d && !any; k++) {
                any = data[k] != 0f;
            }
            if (any) {
                System.arraycopy(data, i * d, nonZero, kept * d, d);
                kept++;
            }
        }
        if (kept == 0) {
            throw new UserInputException(perturbations + " holds only zero perturbations", "nothing to analyse");
        }
        PowerSpectrum sp = PowerSpectrum.of(java.util.Arrays.copyOf(nonZero, kept * d), shape, kept);
        RadialCumulative c = sp.cumulativeRadial(points);
        String t = title != null ? title : perturbations.getFileName().toString();
        SpectrumFigures.heatMap(t, sp, out.resolve("spectrum_heatmap.png"));
        SpectrumFigures.cumulativeRadial(t, List.of(new SpectrumFigures.Curve(t, c)), out.resolve("spectrum_cumulative.png"));
        SpectrumCsv.cumulativeRadial(c, out.resolve("spectrum_cumulative.csv"));
        SpectrumCsv.summary(sp, c, out.resolve("spectrum.csv"));
        SpectrumCsv.meanPower(sp, out.resolve("mean_power.csv"));
        spec.commandLine().getOut().printf("%d of %d perturbations (non-zero); f_half_cpp = %.4f, f_half_norm = %.4f%nwritten to %s%n",
                kept, s[0], c.halfPowerFrequencyCpp(), c.halfPowerFrequencyNorm(), out);
        spec.commandLine().getOut().flush();
    }
}
