package org.lowfreq.analysis.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.lowfreq.analysis.fourier.Fft2;
import org.lowfreq.analysis.fourier.FrequencyGrid;
import org.lowfreq.analysis.results.Provenance;
import org.lowfreq.analysis.results.ResultTableWriter;
import org.lowfreq.analysis.spectrum.PowerSpectrum;
import org.lowfreq.analysis.spectrum.SpectrumCsv;
import org.lowfreq.analysis.spectrum.SpectrumFigures;
import org.lowfreq.analysis.units.SpatialFrequency;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.ModelCard;
import org.lowfreq.spi.ResultRow;
import org.lowfreq.spi.Seeds;

/**
 * A synthetic experiment store with plausible (made-up) results in the probes' tidy format: a
 * baseline (two seeds), a blur sweep (sigma 0.5 to 3, five seeds at sigma 1.5), a blur model
 * fine-tuned from the baseline, an adversarially trained and an augmentation-trained model, each
 * with a training job (model card, clean accuracy) and measured by the hybrid probe, the Linf attack
 * protocol and the corruption probe, under the probes' metric names. Robustness is an inverted U in
 * f_rev by construction (peak near sigma 1.5), so the Goldilocks fit has a known answer. For
 * {@code lowfreq report --demo} and the tests; never data.
 */
public final class DemoStore {
    public static final double[] F_MIX = {0, .03, .04, .05, .06, .08, .09, .11, .13, .15, .17, .19, .22, .27, .33,
            .42, .57, 1.0};
    static final String[] CORRUPTIONS = {"gaussian_noise", "shot_noise", "impulse_noise", "defocus_blur", "glass_blur",
            "motion_blur", "zoom_blur", "snow", "frost", "fog", "brightness", "contrast", "elastic_transform",
            "pixelate", "jpeg_compression"};
    static final String[] EXTRAS = {"speckle_noise", "gaussian_blur", "spatter", "saturate"};
    /** Where the synthetic corruption accuracy peaks (normalised f_rev). */
    public static final double DEMO_PEAK_F_REV = 0.19;

    private DemoStore() {
    }

    private record Spec(String family, double sigma, long seed, double fRev, double cleanAcc, double cAcc,
                        double fHalf, double medianEps, boolean fineTuned) {
    }

    /** Writes the store (one folder per model x job) with all 15 common corruptions; returns the job folders. */
    public static List<Path> write(Path store, long seed) {
        return write(store, seed, CORRUPTIONS.length);
    }

    /**
     * Writes the store with the corruption probe run on the first {@code corruptions} common
     * corruptions only (fewer than 15 makes it a "-C subset"); returns the job folders.
     */
    public static List<Path> write(Path store, long seed, int corruptions) {
        List<Spec> specs = new ArrayList<>();
        SplittableRandom rng = Seeds.random(seed, "demo-store");
        for (long s = 0; s < 2; s++) {
            specs.add(spec("baseline", 0, s, 0.34, rng));
        }
        for (double sigma : new double[] {0.5, 1.0, 2.0, 3.0}) {
            specs.add(spec("blur", sigma, 0, 0.34 / (1 + 0.55 * sigma), rng));
        }
        for (long s = 0; s < 5; s++) {
            specs.add(spec("blur", 1.5, s, 0.34 / (1 + 0.55 * 1.5), rng));
        }
        Spec ft = spec("blur", 1.5, 0, 0.34 / (1 + 0.4 * 1.5), rng);
        specs.add(new Spec(ft.family(), ft.sigma(), ft.seed(), ft.fRev(), ft.cleanAcc(), ft.cAcc(), ft.fHalf(),
                ft.medianEps(), true));
        specs.add(spec("adversarial", 0, 0, 0.15, rng));
        specs.add(spec("augmentation", 0, 0, 0.21, rng));
        List<Path> jobs = new ArrayList<>();
        for (Spec sp : specs) {
            String name = "resnet18-w16-" + sp.family() + (sp.sigma() > 0 ? sp.sigma() : "") + (sp.fineTuned() ? "-ft" : "")
                    + "-s" + sp.seed();
            Map<String, String> props = new java.util.TreeMap<>(Map.of("demo", "true", "epochs", "3", "width", "16",
                    "augmentation", "reflect-pad 4 + random crop 32, horizontal flip"));
            if (sp.fineTuned()) {
                props.put("init_from", "resnet18-w16-baseline-s0");
            }
            ModelCard card = new ModelCard(name, sp.family(), "resnet18", "demo", new ImageShape(32, 32, 3),
                    List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"),
                    sp.sigma(), 0, "cifar10", sp.seed(), sp.cleanAcc(), props);
            SplittableRandom r = Seeds.random(seed, "demo", name);
            Path trainJob = job(store, card, "train", 10000, List.of(ResultRow.summary("clean_accuracy", sp.cleanAcc(),
                    sp.seed())));
            org.lowfreq.spi.ModelCardFile.write(trainJob.resolve("model"), card);
            jobs.add(trainJob);
            Path hybridJob = job(store, card, "hybrid", 10000, hybridRows(sp, r));
            if (sp.seed() == 0 && "baseline".equals(sp.family())) {
                writeHybridExamples(hybridJob.resolve("hybrid-examples.png"));
            }
            jobs.add(hybridJob);
            PowerSpectrum spectrum = syntheticSpectrum(sp.fHalf(), Seeds.derive(seed, "demo-spectrum", name));
            Path attackJob = job(store, card, "attack-linf", 200, attackRows(sp, spectrum));
            SpectrumCsv.cumulativeRadial(spectrum.cumulativeRadial(), attackJob.resolve(Artifacts.CUMULATIVE_CSV));
            SpectrumCsv.meanPower(spectrum, attackJob.resolve(SpectrumSource.POWER_CSV));
            if (sp.seed() == 0) {
                SpectrumFigures.heatMap(name + ": mean power of the perturbations", spectrum,
                        attackJob.resolve("spectrum_heatmap.png"));
            }
            jobs.add(attackJob);
            jobs.add(job(store, card, "corruption", 10000, corruptionRows(sp, r, corruptions)));
        }
        return jobs;
    }

    private static Spec spec(String family, double sigma, long seed, double fRevTrue, SplittableRandom rng) {
        double fRev = fRevTrue + 0.008 * rng.nextGaussian();
        double clean = 0.93 - 0.035 * sigma - ("adversarial".equals(family) ? 0.12 : 0) + 0.004 * rng.nextGaussian();
        double cAcc = 0.72 - 12 * Math.pow(fRev - DEMO_PEAK_F_REV, 2) + 0.006 * rng.nextGaussian();
        if ("augmentation".equals(family)) {
            cAcc = 0.83;
        } else if ("adversarial".equals(family)) {
            cAcc = 0.74;
        }
        double fHalf = 0.6 * SpatialFrequency.normalisedToCpp(fRev) + 0.03 + 0.003 * rng.nextGaussian();
        double eps = 0.012 - 2.0 * Math.pow(fHalf - 0.085, 2) + 0.0003 * rng.nextGaussian();
        if ("adversarial".equals(family)) {
            fHalf = 0.055;
            eps = 0.03;
        }
        return new Spec(family, sigma, seed, fRev, clean, cAcc, fHalf, eps, false);
    }

    private static Path job(Path store, ModelCard card, String probe, int images, List<ResultRow> rows) {
        Path dir = store.resolve(card.name() + "__" + probe);
        try (ResultTableWriter w = new ResultTableWriter(dir.resolve(ResultCollector.RESULTS_FILE),
                new Provenance(card, "cifar10", "test", images, probe), "demo")) {
            rows.forEach(w::accept);
            w.commit();
        }
        return dir;
    }

    private static double logistic(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static List<ResultRow> hybridRows(Spec sp, SplittableRandom r) {
        List<ResultRow> rows = new ArrayList<>();
        List<Double> fRevs = new ArrayList<>();
        for (long s = 0; s < 3; s++) {
            double centre = sp.fRev() + 0.01 * r.nextGaussian();
            double[] d = new double[F_MIX.length];
            for (int i = 0; i < F_MIX.length; i++) {
                double f = F_MIX[i];
                double toLow = logistic((f - centre) / 0.035);
                double pLow = sp.cleanAcc() * toLow;
                double pHigh = sp.cleanAcc() * (1 - toLow);
                d[i] = pLow - pHigh;
                rows.add(ResultRow.at("f_mix", f, s, "p_low", pLow));
                rows.add(ResultRow.at("f_mix", f, s, "p_high", pHigh));
                rows.add(ResultRow.at("f_mix", f, s, "p_other", 1 - pLow - pHigh));
                rows.add(ResultRow.at("f_mix", f, s, "confidence", 0.6 + 0.3 * Math.abs(d[i])));
                rows.add(ResultRow.at("f_mix", f, s, "d_low_minus_high", d[i]));
            }
            double fRev = Double.NaN;
            for (int i = 1; i < d.length && Double.isNaN(fRev); i++) {
                if (d[i - 1] < 0 && d[i] >= 0) {
                    fRev = F_MIX[i - 1] + (F_MIX[i] - F_MIX[i - 1]) * (-d[i - 1]) / (d[i] - d[i - 1]);
                }
            }
            fRevs.add(fRev);
            rows.add(ResultRow.summary("f_rev_norm", fRev, s));
            String ci = "95% percentile bootstrap over images, 1000 resamples";
            rows.add(ResultRow.summary("f_rev_norm_ci_low", fRev - 0.012 - 0.004 * Math.abs(r.nextGaussian()), s).withNote(ci));
            rows.add(ResultRow.summary("f_rev_norm_ci_high", fRev + 0.012 + 0.004 * Math.abs(r.nextGaussian()), s).withNote(ci));
            rows.add(ResultRow.summary("f_rev_cpp", SpatialFrequency.normalisedToCpp(fRev), s));
        }
        double mean = fRevs.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double sd = Math.sqrt(fRevs.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / (fRevs.size() - 1));
        rows.add(ResultRow.summary("f_rev_norm_mean", mean, -1));
        rows.add(ResultRow.summary("f_rev_norm_sd", sd, -1));
        rows.add(ResultRow.summary("f_rev_cpp_mean", SpatialFrequency.normalisedToCpp(mean), -1));
        rows.add(ResultRow.summary("f_rev_cpp_sd", SpatialFrequency.normalisedToCpp(sd), -1));
        return rows;
    }

    /** Attack rows in the layout of the minimal-epsilon protocol (metric names epsilon_min_linf_*). */
    private static List<ResultRow> attackRows(Spec sp, PowerSpectrum spectrum) {
        List<ResultRow> rows = new ArrayList<>();
        double logSd = 0.5;
        for (int i = 0; i < 14; i++) {
            double eps = 0.001 * Math.pow(1.35, i);
            double z = (Math.log(eps) - Math.log(sp.medianEps())) / logSd;
            double rate = 0.5 * (1 + erf(z / Math.sqrt(2)));
            rows.add(ResultRow.at("epsilon_linf", Math.round(eps * 1e6) / 1e6, 0, "success_rate", rate));
        }
        // the most robust models fail on some images within the budget: success fraction < 1
        double success = Math.min(1, 0.025 / sp.medianEps());
        double mean = sp.medianEps() * Math.exp(logSd * logSd / 2);
        String over = "over the images with a success";
        rows.add(ResultRow.summary("epsilon_min_linf_median_success", sp.medianEps(), 0).withNote(over));
        rows.add(ResultRow.summary("epsilon_min_linf_mean_success", mean, 0).withNote(over));
        rows.add(ResultRow.summary("log_epsilon_min_linf_mean_success", Math.log(mean), 0).withNote(over));
        rows.add(ResultRow.summary("success_fraction", success, 0));
        rows.add(ResultRow.summary("epsilon_min_linf_median_all", success > 0.5 ? sp.medianEps() / success : Double.NaN, 0)
                .withNote(success > 0.5 ? "over all images, failures counted as +infinity"
                        : "half or more of the images have no successful perturbation"));
        double fHalf = spectrum.cumulativeRadial().halfPowerFrequencyCpp();
        rows.add(ResultRow.summary("f_half_cpp", fHalf, 0).withGroup("perturbation_spectrum"));
        rows.add(ResultRow.summary("f_half_norm", SpatialFrequency.cppToNormalised(fHalf), 0).withGroup("perturbation_spectrum"));
        return rows;
    }

    /**
     * The mean power spectrum of 8 synthetic perturbations (32 x 32 x 3): white noise shaped by a
     * Gaussian amplitude whose power exp(-f^2 / s^2) puts half its power within f_0.5 = s sqrt(ln 2).
     */
    static PowerSpectrum syntheticSpectrum(double fHalfCpp, long seed) {
        int size = 32;
        int count = 8;
        ImageShape shape = new ImageShape(size, size, 3);
        double s = fHalfCpp / Math.sqrt(Math.log(2));
        Fft2 fft = new Fft2(size, size);
        float[] all = new float[count * shape.size()];
        SplittableRandom rng = Seeds.random(seed, "perturbations");
        for (int i = 0; i < count; i++) {
            for (int c = 0; c < 3; c++) {
                float[] plane = new float[size * size];
                for (int j = 0; j < plane.length; j++) {
                    plane[j] = (float) rng.nextGaussian();
                }
                float[] spec = fft.forward(plane);
                for (int k = 0; k < size; k++) {
                    for (int l = 0; l < size; l++) {
                        double f = FrequencyGrid.radial(k, l, size, size);
                        float g = (float) Math.exp(-f * f / (2 * s * s));
                        spec[2 * (k * size + l)] *= g;
                        spec[2 * (k * size + l) + 1] *= g;
                    }
                }
                Fft2.putPlane(fft.inverseReal(spec), all, i * shape.size(), 3, c);
            }
        }
        return PowerSpectrum.of(all, shape, count);
    }

    private static List<ResultRow> corruptionRows(Spec sp, SplittableRandom r, int corruptions) {
        List<ResultRow> rows = new ArrayList<>();
        double sum = 0;
        int cells = 0;
        for (int c = 0; c < CORRUPTIONS.length + EXTRAS.length; c++) {
            boolean extra = c >= CORRUPTIONS.length;
            if (!extra && c >= corruptions) {
                continue;
            }
            // noise corruptions hurt high-frequency models more; haze-like ones hurt low-frequency models more
            double tilt = c < 3 ? -1.2 * (sp.fRev() - 0.2) : (c >= 7 && c <= 11 ? 0.6 * (sp.fRev() - 0.2) : 0);
            double offset = 0.05 * Math.sin(1.7 * c) + tilt;
            String name = extra ? EXTRAS[c - CORRUPTIONS.length] : CORRUPTIONS[c];
            double extraSum = 0;
            for (int s = 1; s <= 5; s++) {
                double acc = Math.max(0.1, Math.min(sp.cleanAcc(), sp.cAcc() + offset - 0.055 * (s - 3)
                        + 0.01 * r.nextGaussian()));
                rows.add(ResultRow.at("severity", s, 0, "accuracy", acc).withGroup(name));
                if (!extra) {
                    sum += acc;
                    cells++;
                } else {
                    extraSum += acc;
                }
            }
            if (extra) {
                rows.add(new ResultRow("", "", name, 0, "accuracy_mean_over_severities", extraSum / 5, ""));
            }
        }
        if (cells == 5 * CORRUPTIONS.length) {
            rows.add(ResultRow.summary("c_accuracy", sum / cells, 0).withNote("mean of the 75 cells"));
        } else {
            rows.add(ResultRow.summary("c_subset_accuracy", sum / cells, 0).withNote("-C subset (" + cells + " of 75 cells)"));
        }
        rows.add(ResultRow.summary("clean_accuracy", sp.cleanAcc(), 0).withNote("uncorrupted test images"));
        return rows;
    }

    /**
     * A strip of synthetic hybrids (docs/METHODS.md 1: low-pass of a smooth pattern + high-pass of a fine
     * one) across f_mix, standing in for the probe's example figure.
     */
    static void writeHybridExamples(Path png) {
        int n = 32;
        float[] low = new float[n * n];
        float[] high = new float[n * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                low[y * n + x] = (float) (0.5 + 0.4 * Math.exp(-((x - 16) * (x - 16) + (y - 12) * (y - 12)) / 60.0)
                        - 0.3 * Math.exp(-((x - 8) * (x - 8) + (y - 24) * (y - 24)) / 30.0));
                high[y * n + x] = (float) (0.5 + 0.35 * Math.signum(Math.sin(2 * Math.PI * x / 4.0) * Math.sin(2 * Math.PI * y / 5.0)));
            }
        }
        Fft2 fft = new Fft2(n, n);
        float[] lowS = fft.forward(low);
        float[] highS = fft.forward(high);
        double[] grid = {0, 0.1, 0.2, 0.3, 0.5, 0.7, 1.0};
        int scale = 4;
        int cell = n * scale + 8;
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(cell * grid.length, cell + 22,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(java.awt.Color.BLACK);
        for (int gi = 0; gi < grid.length; gi++) {
            double r = 0.5 * grid[gi];
            float[] mix = new float[2 * n * n];
            for (int k = 0; k < n; k++) {
                for (int l = 0; l < n; l++) {
                    int b = 2 * (k * n + l);
                    boolean keepLow = FrequencyGrid.radial(k, l, n, n) <= r;
                    float[] src = keepLow ? lowS : highS;
                    mix[b] = src[b];
                    mix[b + 1] = src[b + 1];
                }
            }
            float[] x = fft.inverseReal(mix);
            for (int y = 0; y < n * scale; y++) {
                for (int xx = 0; xx < n * scale; xx++) {
                    int v = (int) Math.round(255 * Math.min(1, Math.max(0, x[(y / scale) * n + xx / scale])));
                    img.setRGB(gi * cell + 4 + xx, 4 + y, new java.awt.Color(v, v, v).getRGB());
                }
            }
            g.drawString("f_mix = " + grid[gi], gi * cell + 30, cell + 14);
        }
        g.dispose();
        try {
            javax.imageio.ImageIO.write(img, "png", png.toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // Abramowitz-Stegun 7.1.26, |error| < 1.5e-7: enough for a synthetic success-rate curve.
    private static double erf(double x) {
        double t = 1 / (1 + 0.3275911 * Math.abs(x));
        double y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t
                * Math.exp(-x * x);
        return Math.signum(x) * y;
    }
}
