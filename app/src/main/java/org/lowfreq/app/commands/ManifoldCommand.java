package org.lowfreq.app.commands;

import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.lowfreq.analysis.manifold.ManifoldAnalysis;
import org.lowfreq.analysis.manifold.ManifoldReport;
import org.lowfreq.app.Progress;
import org.lowfreq.datasets.npy.NpyArray;
import org.lowfreq.spi.UserInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code lowfreq manifold --responses R.npy --stimuli S.npy --fov-deg 67.5 --out DIR}: PCA of a
 * population's responses and the preferred spatial frequency of each leading component's
 * receptive field (docs/METHODS.md 8); {@code lowfreq manifold simulate} makes a V1-like test population.
 */
@Command(name = "manifold", mixinStandardHelpOptions = true,
        subcommands = {ManifoldSimulateCommand.class},
        description = {"Find the spatial frequencies a population of neurons (or units) prefers.",
                "Neural-manifold analysis: PCA of responses (stimuli x neurons), then per leading component its receptive field (cross-validated ridge regression of its scores on the stimulus pixels), the field's radial power spectrum and preferred spatial frequency in cycles/image and cycles/degree.",
                "Writes DIR/index.html, components.csv, scree.png, receptive-fields.png, spectra.png.",
                "Examples:",
                "  lowfreq manifold simulate --pref-cpd 0.04 --out sim",
                "  lowfreq manifold --responses sim/responses.npy --stimuli sim/stimuli.npy --fov-deg 67.5 --out sim/analysis"})
public final class ManifoldCommand implements Runnable {
    private final Progress progress;

    @Spec
    CommandSpec spec;

    @Option(names = "--responses", paramLabel = "R.npy", description = "Responses, shape (stimuli, neurons).")
    Path responses;

    @Option(names = "--stimuli", paramLabel = "S.npy",
            description = "Stimulus images, shape (stimuli, height, width[, 1 or 3]), row i shown for response row i.")
    Path stimuli;

    @Option(names = "--fov-deg", paramLabel = "DEG", description = "Field of view of the image width, degrees (e.g. 67.5).")
    Double fovDeg;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--components", defaultValue = "8", description = "Leading components to map (default: ${DEFAULT-VALUE}).")
    int components;

    @Option(names = "--folds", defaultValue = "5", description = "Cross-validation folds for the ridge penalty (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the fold assignment (default: ${DEFAULT-VALUE}).")
    long seed;

    @Inject
    ManifoldCommand(Progress progress) {
        this.progress = progress;
    }

    @Override
    public void run() {
        if (responses == null || stimuli == null || fovDeg == null || out == null) {
            throw new UserInputException("manifold needs --responses, --stimuli, --fov-deg and --out",
                    "e.g. lowfreq manifold --responses R.npy --stimuli S.npy --fov-deg 67.5 --out DIR "
                            + "(or 'lowfreq manifold simulate --out sim' for test data)");
        }
        NpyArray r = read(responses);
        NpyArray s = read(stimuli);
        if (r.shape().length != 2) {
            throw new UserInputException(responses + " has shape " + Arrays.toString(r.shape()),
                    "responses must be 2-D: (stimuli, neurons)");
        }
        ManifoldAnalysis.Stimuli st = ManifoldAnalysis.Stimuli.of(s.toFloats(), s.shape());
        ManifoldAnalysis.Result res = ManifoldAnalysis.analyse(r.toFloats(), r.shape()[0], r.shape()[1], st, fovDeg,
                components, folds, seed, progress.listener());
        Path index = ManifoldReport.write(res, responses.getFileName().toString(), out);
        for (ManifoldAnalysis.ComponentField c : res.components()) {
            spec.commandLine().getOut().printf(java.util.Locale.ROOT,
                    "PC%d  %.3f of variance  preferred %.2f cycles/image = %.4f cycles/degree  (CV R^2 %.2f)%n",
                    c.index() + 1, c.varianceExplained(), c.preferredCpi(), c.preferredCpd(), c.cvR2());
        }
        spec.commandLine().getOut().printf(java.util.Locale.ROOT, "participation ratio %.2f%nreport: %s%n",
                res.pca().participationRatio(), index);
    }

    private static NpyArray read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserInputException("no such file: " + file, "pass an .npy file written by numpy.save or lowfreq");
        }
        return NpyArray.read(file);
    }
}
