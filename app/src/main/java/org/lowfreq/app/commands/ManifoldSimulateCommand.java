package org.lowfreq.app.commands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lowfreq.analysis.manifold.ManifoldAnalysis;
import org.lowfreq.analysis.manifold.NoiseStimuli;
import org.lowfreq.analysis.manifold.V1Population;
import org.lowfreq.datasets.npy.NpyArray;
import org.lowfreq.datasets.npy.NpyWriter;
import org.lowfreq.spi.UserInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lowfreq manifold simulate}: a V1-like population's responses to noise (or given) images, as NPY files. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Simulate a V1-like population (Gabor simple cells and/or energy units) with known frequency preferences.",
                "It responds to seeded white or pink noise images, or to given images; writes DIR/responses.npy "
                        + "(stimuli x units, float32), DIR/stimuli.npy (stimuli x height x width, float32 in [0, 1]) "
                        + "and DIR/units.csv (each unit's tuning).",
                "Example (two sub-populations, 2.7 and 8.1 cycles/image at 67.5 degrees):",
                "  lowfreq manifold simulate --pref-cpd 0.04,0.12 --units 80 --size 24 --count 900 --out sim"})
public final class ManifoldSimulateCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (required).")
    Path out;

    @Option(names = "--pref-cpd", split = ",", defaultValue = "0.04", paramLabel = "CPD[,CPD...]",
            description = "Preferred frequency of each sub-population, cycles/degree (default: ${DEFAULT-VALUE}).")
    List<Double> prefCpd;

    @Option(names = "--units", defaultValue = "100", description = "Units per sub-population (default: ${DEFAULT-VALUE}).")
    int units;

    @Option(names = "--octave-sd", defaultValue = "0.1", description = "Spread of preferred frequency within a "
            + "sub-population, octaves (default: ${DEFAULT-VALUE}).")
    double octaveSd;

    @Option(names = "--complex-fraction", defaultValue = "0", description = "Fraction of energy (complex) units "
            + "(default: ${DEFAULT-VALUE}; their linear receptive fields are near zero).")
    double complexFraction;

    @Option(names = "--noise", defaultValue = "0.3", description = "Response noise sd relative to each unit's signal sd "
            + "(default: ${DEFAULT-VALUE}).")
    double noise;

    @Option(names = "--fov-deg", defaultValue = "67.5", description = "Field of view of the image width, degrees "
            + "(default: ${DEFAULT-VALUE}).")
    double fovDeg;

    @Option(names = "--size", defaultValue = "32", description = "Generated image size, px (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--count", defaultValue = "1000", description = "Generated images (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--stimulus", defaultValue = "white", description = "Generated noise: white or pink (default: ${DEFAULT-VALUE}).")
    NoiseStimuli.Kind stimulus;

    @Option(names = "--stimuli", paramLabel = "S.npy", description = "Use these images instead of generated noise "
            + "(shape (n, h, w[, 1 or 3]), values in [0, 1]).")
    Path givenStimuli;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of units, noise and stimuli (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public void run() {
        ManifoldAnalysis.Stimuli st;
        if (givenStimuli != null) {
            NpyArray a = NpyArray.read(givenStimuli);
            st = ManifoldAnalysis.Stimuli.of(a.toFloats(), a.shape());
        } else {
            if (size < 4 || count < 2) {
                throw new UserInputException("--size " + size + " / --count " + count + " is too small",
                        "use at least 4 px and 2 images (about as many images as pixels for a good receptive field)");
            }
            st = new ManifoldAnalysis.Stimuli(NoiseStimuli.generate(stimulus, count, size, size, seed), count, size, size);
        }
        List<V1Population.SubPopulation> pops = prefCpd.stream().map(c -> new V1Population.SubPopulation(c, units)).toList();
        V1Population pop;
        try {
            pop = new V1Population(new V1Population.Config(pops, octaveSd, complexFraction, noise, fovDeg, seed), st.h(), st.w());
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), "lower --pref-cpd or raise --size");
        }
        float[] r = pop.respond(st.pixels(), st.n());
        try {
            Files.createDirectories(out);
            NpyWriter.writeFloat32(out.resolve("responses.npy"), new int[] {st.n(), pop.units().size()}, r);
            NpyWriter.writeFloat32(out.resolve("stimuli.npy"), new int[] {st.n(), st.h(), st.w()}, st.pixels());
            List<String> lines = new ArrayList<>();
            lines.add("unit,preferred_cycles_per_degree,preferred_cycles_per_image,orientation_rad,phase_rad,centre_x_px,"
                    + "centre_y_px,complex");
            for (int i = 0; i < pop.units().size(); i++) {
                V1Population.Unit u = pop.units().get(i);
                lines.add(String.format(Locale.ROOT, "%d,%.5f,%.4f,%.4f,%.4f,%.2f,%.2f,%b", i, u.preferredCpd(),
                        u.preferredCpd() * fovDeg, u.orientationRad(), u.phaseRad(), u.centreX(), u.centreY(), u.complex()));
            }
            org.lowfreq.spi.AtomicFiles.writeString(out.resolve("units.csv"), String.join("\n", lines) + "\n");
        } catch (IOException e) {
            throw new UserInputException("cannot write to " + out + ": " + e.getMessage());
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "simulated %d units x %d stimuli (%d x %d px, %.1f degrees) into %s%n",
                pop.units().size(), st.n(), st.w(), st.h(), fovDeg, out);
    }
}
