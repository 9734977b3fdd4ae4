package org.lowfreq.analysis.spectrum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.UserInputException;

class PowerSpectrumTest {
    private static final ImageShape RGB32 = new ImageShape(32, 32, 3);

    /** count images of cos(2 pi (kx x / w + ky y / h) + phase) plus a per-image, per-channel offset. */
    private static float[] sinusoids(ImageShape s, int count, int kx, int ky, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] d = new float[count * s.size()];
        for (int i = 0; i < count; i++) {
            double phase = r.nextDouble(2 * Math.PI);
            for (int c = 0; c < s.channels(); c++) {
                double offset = r.nextDouble(-0.3, 0.3);
                for (int y = 0; y < s.height(); y++) {
                    for (int x = 0; x < s.width(); x++) {
                        double v = Math.cos(2 * Math.PI * ((double) kx * x / s.width() + (double) ky * y / s.height()) + phase);
                        d[i * s.size() + (y * s.width() + x) * s.channels() + c] = (float) (0.01 * v + offset);
                    }
                }
            }
        }
        return d;
    }

    @Test
    void oneSinusoidGivesItsOwnFrequencyWithinGridResolution() {
        for (int[] k : new int[][] {{5, 0}, {0, 9}, {3, 4}, {12, 9}, {1, 1}}) {
            double f = Math.hypot(k[0], k[1]) / 32.0;
            PowerSpectrum s = PowerSpectrum.of(sinusoids(RGB32, 4, k[0], k[1], 7), RGB32, 4);
            double step = PowerSpectrum.MAX_RADIUS_CPP / (PowerSpectrum.DEFAULT_RADIAL_POINTS - 1);
            assertThat(s.halfPowerFrequency()).as("k=%d,%d", k[0], k[1]).isCloseTo(f, within(step));
            // a fine curve pins it down more tightly
            RadialCumulative fine = s.cumulativeRadial(2001);
            assertThat(fine.halfPowerFrequencyCpp()).isCloseTo(f, within(PowerSpectrum.MAX_RADIUS_CPP / 2000));
            assertThat(fine.halfPowerFrequencyNorm()).isCloseTo(2 * fine.halfPowerFrequencyCpp(), within(1e-12));
        }
    }

    @Test
    void perImageMeanIsRemovedAndDcExcluded() {
        PowerSpectrum s = PowerSpectrum.of(sinusoids(RGB32, 3, 2, 0, 1), RGB32, 3);
        double[] p = s.mean2d();
        assertThat(p[0]).isZero();
        // all power at (0, +-2): amplitude 0.01, each peak (0.01 h w / 2)^2
        double peak = Math.pow(0.01 * 32 * 32 / 2, 2);
        assertThat(p[2]).isCloseTo(peak, within(peak * 1e-4));
        assertThat(p[30]).isCloseTo(peak, within(peak * 1e-4));
        assertThat(s.totalPower()).isCloseTo(2 * peak, within(peak * 1e-3));
        assertThat(s.images()).isEqualTo(3);
        assertThat(s.channels()).isEqualTo(3);
    }

    @Test
    void whiteNoiseGivesTheHalfPowerFrequencyOfAFlatSpectrum() {
        int h = 32;
        int w = 32;
        ImageShape shape = RGB32;
        int n = 300;
        SplittableRandom r = new SplittableRandom(3);
        float[] d = new float[n * shape.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) r.nextGaussian();
        }
        double measured = PowerSpectrum.of(d, shape, n).halfPowerFrequency();

        // Expected, independently: flat power over all non-DC bins, so ratio(a) is the share of
        // non-DC bins with radius <= a; interpolate its 0.5 crossing on the same grid of radii.
        int points = PowerSpectrum.DEFAULT_RADIAL_POINTS;
        double amax = Math.sqrt(0.5);
        double[] ratio = new double[points];
        for (int j = 0; j < points; j++) {
            double a = j * amax / (points - 1);
            int inside = 0;
            for (int ky = -h / 2; ky < h / 2; ky++) {
                for (int kx = -w / 2; kx < w / 2; kx++) {
                    if ((kx != 0 || ky != 0) && Math.hypot(kx / (double) w, ky / (double) h) <= a + 1e-9) {
                        inside++;
                    }
                }
            }
            ratio[j] = inside / (double) (h * w - 1);
        }
        int j = 0;
        while (ratio[j] < 0.5) {
            j++;
        }
        double expected = (j - 1) * amax / (points - 1)
                + (0.5 - ratio[j - 1]) / (ratio[j] - ratio[j - 1]) * amax / (points - 1);
        assertThat(measured).isCloseTo(expected, within(0.005));
        // and near the continuum answer: a disc of area 1/2, r = sqrt(1 / (2 pi))
        assertThat(measured).isCloseTo(Math.sqrt(1 / (2 * Math.PI)), within(0.02));
    }

    @Test
    void lowPassNoiseSitsBelowWhiteNoise() {
        ImageShape gray = new ImageShape(16, 16, 1);
        SplittableRandom r = new SplittableRandom(5);
        int n = 50;
        float[] white = new float[n * gray.size()];
        float[] smooth = new float[n * gray.size()];
        for (int i = 0; i < white.length; i++) {
            white[i] = (float) r.nextGaussian();
        }
        for (int i = 0; i < n; i++) {
            for (int y = 0; y < 16; y++) {
                for (int x = 0; x < 16; x++) {
                    double acc = 0;
                    for (int dy = -2; dy <= 2; dy++) {
                        for (int dx = -2; dx <= 2; dx++) {
                            acc += white[i * 256 + ((y + dy + 16) % 16) * 16 + (x + dx + 16) % 16];
                        }
                    }
                    smooth[i * 256 + y * 16 + x] = (float) acc;
                }
            }
        }
        assertThat(PowerSpectrum.of(smooth, gray, n).halfPowerFrequency())
                .isLessThan(PowerSpectrum.of(white, gray, n).halfPowerFrequency() - 0.1);
    }

    @Test
    void cumulativeCurveRunsFromZeroToOne() {
        RadialCumulative c = PowerSpectrum.of(sinusoids(RGB32, 2, 16, 16, 2), RGB32, 2).cumulativeRadial();
        int last = 199;
        assertThat(c.radiusCpp()).hasSize(last + 1);
        assertThat(c.radiusCpp()[0]).isZero();
        assertThat(c.radiusCpp()[last]).isEqualTo(Math.sqrt(0.5));
        assertThat(c.ratio()[0]).isZero();
        // the Nyquist corner (0.5, 0.5) is inside the last radius
        assertThat(c.ratio()[last]).isCloseTo(1.0, within(1e-12));
        for (int j = 1; j <= last; j++) {
            assertThat(c.ratio()[j]).isGreaterThanOrEqualTo(c.ratio()[j - 1]);
        }
    }

    @Test
    void zeroPerturbationsHaveNoHalfPowerFrequency() {
        PowerSpectrum s = PowerSpectrum.of(new float[2 * RGB32.size()], RGB32, 2);
        assertThat(s.halfPowerFrequency()).isNaN();
    }

    @Test
    void badInputIsRefused() {
        assertThatThrownBy(() -> PowerSpectrum.of(new float[10], RGB32, 1)).isInstanceOf(UserInputException.class);
        float[] d = new float[RGB32.size()];
        d[5] = Float.NaN;
        assertThatThrownBy(() -> PowerSpectrum.of(d, RGB32, 1)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("perturbation 0");
    }

    @Test
    void shiftedLogPutsDcAtTheCentre() {
        PowerSpectrum s = PowerSpectrum.of(sinusoids(RGB32, 1, 3, 0, 4), RGB32, 1);
        double[] l = s.shiftedLog10();
        assertThat(l[16 * 32 + 16]).isNaN();
        assertThat(s.shiftedColumnFrequency(16)).isZero();
        assertThat(s.shiftedColumnFrequency(0)).isEqualTo(-0.5);
        // the peak at fx = +3/32 sits 3 columns right of centre
        double max = Double.NEGATIVE_INFINITY;
        int at = -1;
        for (int k = 0; k < l.length; k++) {
            if (!Double.isNaN(l[k]) && l[k] > max) {
                max = l[k];
                at = k;
            }
        }
        assertThat(at == 16 * 32 + 19 || at == 16 * 32 + 13).isTrue();
    }

    @Test
    void figuresAndTablesAreWritten(@TempDir Path dir) throws Exception {
        PowerSpectrum a = PowerSpectrum.of(sinusoids(RGB32, 2, 3, 1, 1), RGB32, 2);
        SplittableRandom r = new SplittableRandom(1);
        float[] noise = new float[2 * RGB32.size()];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) r.nextGaussian();
        }
        PowerSpectrum b = PowerSpectrum.of(noise, RGB32, 2);
        Path heat = SpectrumFigures.heatMaps(List.of(new SpectrumFigures.Panel("sinusoid", a),
                new SpectrumFigures.Panel("noise", b)), dir.resolve("heat.png"));
        BufferedImage img = ImageIO.read(heat.toFile());
        assertThat(img.getWidth()).isGreaterThan(img.getHeight());
        Path cum = SpectrumFigures.cumulativeRadial("test", List.of(new SpectrumFigures.Curve("noise", b.cumulativeRadial())),
                dir.resolve("cum.png"));
        assertThat(ImageIO.read(cum.toFile())).isNotNull();
        Path csv = SpectrumCsv.summary(b, b.cumulativeRadial(), dir.resolve("s.csv"));
        assertThat(java.nio.file.Files.readAllLines(csv).get(0)).isEqualTo("images,channels,total_power,f_half_cpp,f_half_norm");
        SpectrumCsv.cumulativeRadial(b.cumulativeRadial(), dir.resolve("c.csv"));
        assertThat(java.nio.file.Files.readAllLines(SpectrumCsv.meanPower(b, dir.resolve("p.csv")))).hasSize(1 + 32 * 32);
        assertThat(dir.toFile().list()).containsExactlyInAnyOrder("heat.png", "cum.png", "s.csv", "c.csv", "p.csv");
    }
}
