package org.lowfreq.analysis.manifold;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.lowfreq.analysis.units.SpatialFrequency;
import org.lowfreq.spi.Seeds;

/**
 * A synthetic V1-like population for known-answer tests of the manifold analysis (docs/METHODS.md 8).
 * Each unit is a Gabor filter (zero mean, unit L2 norm) with a preferred spatial frequency drawn
 * log-normally around its sub-population's value (sd in octaves), a uniform orientation and phase,
 * an envelope of sd 0.39 wavelengths (about 1.5 octaves of bandwidth, typical of V1) and a centre
 * jittered by up to 15% of the image around the middle. A simple unit responds
 * {@code max(0, g . (s - 0.5))} (half-wave rectified linear); a complex (energy) unit
 * {@code sqrt((g_even . s)^2 + (g_odd . s)^2)}. Gaussian noise of sd {@code noise} x the unit's
 * noiseless response sd is added.
 */
public final class V1Population {
    /** A group of units around one preferred frequency. */
    public record SubPopulation(double preferredCpd, int units) {
    }

    /** One unit's tuning. */
    public record Unit(double preferredCpd, double orientationRad, double phaseRad, double centreX, double centreY,
                       boolean complex) {
    }

    /**
     * @param subPopulations  the groups
     * @param octaveSd        spread of preferred frequency within a group, octaves
     * @param complexFraction fraction of energy units (0 = all simple)
     * @param noise           response noise sd relative to each unit's signal sd
     * @param fovDegrees      the images' field of view (width), degrees
     * @param seed            seed of the units and the noise
     */
    public record Config(List<SubPopulation> subPopulations, double octaveSd, double complexFraction, double noise,
                         double fovDegrees, long seed) {
        public Config {
            subPopulations = List.copyOf(subPopulations);
            if (subPopulations.isEmpty()) {
                throw new IllegalArgumentException("a population needs at least one sub-population");
            }
        }
    }

    private final Config config;
    private final List<Unit> units;
    private final int h;
    private final int w;

    public V1Population(Config config, int h, int w) {
        this.config = config;
        this.h = h;
        this.w = w;
        this.units = new ArrayList<>();
        SplittableRandom rng = Seeds.random(config.seed(), "v1-units");
        for (SubPopulation sp : config.subPopulations()) {
            double nyquistCpd = SpatialFrequency.cppToCpd(0.5, w, config.fovDegrees());
            if (!(sp.preferredCpd() > 0) || sp.preferredCpd() >= nyquistCpd) {
                throw new IllegalArgumentException("preferred frequency " + sp.preferredCpd() + " cycles/degree is not in (0, "
                        + nyquistCpd + "), the Nyquist limit of " + w + " px over " + config.fovDegrees() + " degrees");
            }
            for (int u = 0; u < sp.units(); u++) {
                double cpd = sp.preferredCpd() * Math.pow(2, config.octaveSd() * rng.nextGaussian());
                cpd = Math.min(cpd, 0.9 * nyquistCpd);
                units.add(new Unit(cpd, Math.PI * rng.nextDouble(), 2 * Math.PI * rng.nextDouble(),
                        (w - 1) / 2.0 + 0.15 * w * (2 * rng.nextDouble() - 1),
                        (h - 1) / 2.0 + 0.15 * h * (2 * rng.nextDouble() - 1), rng.nextDouble() < config.complexFraction()));
            }
        }
    }

    public List<Unit> units() {
        return List.copyOf(units);
    }

    /** The Gabor of a unit at a phase offset, zero mean and unit norm, h x w row-major. */
    public double[] filter(Unit u, double phaseOffset) {
        double cpp = SpatialFrequency.cyclesPerImageToCpp(
                SpatialFrequency.cpdToCyclesPerImage(u.preferredCpd(), config.fovDegrees()), w);
        double sigma = 0.39 / cpp;
        double c = Math.cos(u.orientationRad());
        double s = Math.sin(u.orientationRad());
        double[] g = new double[h * w];
        double mean = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double dx = x - u.centreX();
                double dy = y - u.centreY();
                double along = dx * c + dy * s;
                double env = Math.exp(-(dx * dx + dy * dy) / (2 * sigma * sigma));
                g[y * w + x] = env * Math.cos(2 * Math.PI * cpp * along + u.phaseRad() + phaseOffset);
                mean += g[y * w + x];
            }
        }
        mean /= g.length;
        double norm = 0;
        for (int i = 0; i < g.length; i++) {
            g[i] -= mean;
            norm += g[i] * g[i];
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < g.length; i++) {
            g[i] /= norm;
        }
        return g;
    }

    /** Responses (n x units, row-major) to grayscale stimuli (n x h x w in [0, 1]). */
    public float[] respond(float[] stimuli, int n) {
        if ((long) n * h * w != stimuli.length) {
            throw new IllegalArgumentException("stimuli hold " + stimuli.length + " values, not " + n + " x " + h + " x " + w);
        }
        int m = units.size();
        int p = h * w;
        float[] out = new float[n * m];
        for (int j = 0; j < m; j++) {
            Unit u = units.get(j);
            double[] even = filter(u, 0);
            double[] odd = u.complex() ? filter(u, Math.PI / 2) : null;
            double[] r = new double[n];
            double sum = 0;
            double sumSq = 0;
            for (int i = 0; i < n; i++) {
                double a = 0;
                double b = 0;
                for (int k = 0; k < p; k++) {
                    double v = stimuli[i * p + k] - 0.5;
                    a += even[k] * v;
                    if (odd != null) {
                        b += odd[k] * v;
                    }
                }
                r[i] = odd != null ? Math.sqrt(a * a + b * b) : Math.max(0, a);
                sum += r[i];
                sumSq += r[i] * r[i];
            }
            double sd = Math.sqrt(Math.max(0, sumSq / n - (sum / n) * (sum / n)));
            SplittableRandom rng = Seeds.random(config.seed(), "v1-noise", j);
            for (int i = 0; i < n; i++) {
                out[i * m + j] = (float) (r[i] + config.noise() * sd * rng.nextGaussian());
            }
        }
        return out;
    }
}
