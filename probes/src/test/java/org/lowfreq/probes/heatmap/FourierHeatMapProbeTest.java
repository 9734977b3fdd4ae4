package org.lowfreq.probes.heatmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowfreq.analysis.fourier.Fft2;
import org.lowfreq.probes.hybrid.Sinks;
import org.lowfreq.probes.hybrid.SyntheticRings;
import org.lowfreq.spi.Classifier;
import org.lowfreq.spi.InMemoryDataset;
import org.lowfreq.spi.Options;
import org.lowfreq.spi.ResultRow;

class FourierHeatMapProbeTest {
    private static final SyntheticRings RINGS = new SyntheticRings(21);

    @Test
    void halfPlaneHoldsEveryBasisOnceWithUnitNormAndOneFrequencyPair() {
        List<FourierBasis.Element> basis = FourierBasis.halfPlane(8, 8);
        // 64 bins: DC and the three self-mirrored Nyquist bins alone, the other 60 in pairs
        assertThat(basis).hasSize(4 + 30);
        Fft2 fft = new Fft2(8, 8);
        boolean[] covered = new boolean[64];
        for (FourierBasis.Element e : basis) {
            double norm = 0;
            for (float v : e.plane()) {
                norm += v * (double) v;
            }
            assertThat(norm).isCloseTo(1, within(1e-5));
            double[] p = fft.power(e.plane());
            for (int b = 0; b < 64; b++) {
                boolean own = b == e.row() * 8 + e.col() || b == e.mirrorRow() * 8 + e.mirrorCol();
                if (own) {
                    covered[b] = true;
                    assertThat(p[b]).isGreaterThan(1e-3);
                } else {
                    assertThat(p[b]).isLessThan(1e-8);
                }
            }
            assertThat(e.fy() > 0 || e.fy() == -0.5 || (e.fy() == 0 && (e.fx() >= 0 || e.fx() == -0.5))).isTrue();
        }
        assertThat(covered).doesNotContain(false);
        assertThat(FourierBasis.halfPlane(32, 32)).hasSize(514);
    }

    @Test
    void lowPassModelIgnoresPerturbationsAboveItsCutOffButNotAtItsRing(@TempDir Path out) throws Exception {
        InMemoryDataset data = RINGS.dataset(60, 22);
        Classifier lowPass = RINGS.bandClassifierLinear(-1, 0.16);
        Sinks sink = new Sinks();
        FourierHeatMapProbe.Result r = new FourierHeatMapProbe().measure(Sinks.context(lowPass, data,
                Options.of("eps", "3"), 5, 2, out, sink));
        assertThat(r.cleanErrorRate()).isZero();
        double worstAtRingA = 0;
        for (int b = 0; b < r.basis().size(); b++) {
            FourierBasis.Element e = r.basis().get(b);
            double f = Math.hypot(e.fx(), e.fy());
            // the model's weights live only on ring A: any other basis is invisible to it
            if (Math.abs(f - SyntheticRings.RING_A_CPP) < 1e-9) {
                worstAtRingA = Math.max(worstAtRingA, r.errorRate()[b]);
            } else {
                assertThat(r.errorRate()[b]).as("basis at %.3f cycles/pixel", f).isEqualTo(r.cleanErrorRate());
            }
        }
        assertThat(worstAtRingA).isGreaterThan(0.05);
        assertThat(sink.metric("error_rate")).hasSize(514)
                .allSatisfy(row -> assertThat(row.parameter()).isEqualTo("fx_cpp"));
        assertThat(sink.metric("clean_error_rate")).hasSize(1);
        assertThat(out.resolve(FourierHeatMapProbe.FIGURE)).exists();
        String keep = System.getProperty("probes.keepFigures");
        if (keep != null) {
            Files.createDirectories(Path.of(keep));
            Files.copy(out.resolve(FourierHeatMapProbe.FIGURE), Path.of(keep).resolve(FourierHeatMapProbe.FIGURE),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void anEpsilonThatIsNotFiniteAndPositiveIsRefusedNamingTheOption(@TempDir Path out) {
        InMemoryDataset data = RINGS.dataset(10, 24);
        Classifier c = RINGS.bandClassifierLinear(-1, 0.16);
        for (String eps : new String[] {"Infinity", "NaN", "0", "-1"}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new FourierHeatMapProbe().measure(Sinks.context(c, data,
                    Options.of("eps", eps, "figures", "false"), 1, 1, out, new Sinks())))
                    .hasMessageContaining("option eps must be a finite number > 0");
        }
    }

    @Test
    void sameSeedSameNumbersWhateverTheThreadCount(@TempDir Path a, @TempDir Path b) {
        InMemoryDataset data = RINGS.dataset(30, 23);
        Classifier c = RINGS.bandClassifierLinear(-1, 0.16);
        Sinks one = new Sinks();
        Sinks two = new Sinks();
        Options o = Options.of("eps", "3", "figures", "false");
        new FourierHeatMapProbe().measure(Sinks.context(c, data, o, 9, 1, a, one));
        new FourierHeatMapProbe().measure(Sinks.context(c, data, o, 9, 3, b, two));
        assertThat(two.rows).containsExactlyElementsOf(one.rows);
    }

    @Test
    void signsDependOnTheSeedAndAreRandomPerImage() {
        var images = RINGS.images(40, 24);
        FourierBasis.Element e = FourierBasis.halfPlane(32, 32).get(40);
        float[] p9 = FourierHeatMapProbe.perturb(images, e, 1, 9).pixels();
        assertThat(FourierHeatMapProbe.perturb(images, e, 1, 9).pixels()).isEqualTo(p9);
        assertThat(FourierHeatMapProbe.perturb(images, e, 1, 10).pixels()).isNotEqualTo(p9);
        int positive = 0;
        int size = images.shape().size();
        for (int i = 0; i < 40; i++) {
            // sign of channel 0 from the perturbation's correlation with the basis
            double dot = 0;
            for (int q = 0; q < 1024; q++) {
                dot += (p9[i * size + q * 3] - images.pixels()[i * size + q * 3]) * e.plane()[q];
            }
            assertThat(Math.abs(dot)).isCloseTo(1, within(1e-3));
            positive += dot > 0 ? 1 : 0;
        }
        assertThat(positive).isBetween(8, 32);
    }

    @Test
    void defaultEpsIsYinsFourOn32PixelsAndScalesWithTheSide() {
        assertThat(FourierHeatMapProbe.defaultEps(SyntheticRings.SHAPE)).isEqualTo(4.0);
        assertThat(FourierHeatMapProbe.defaultEps(new org.lowfreq.spi.ImageShape(64, 64, 3))).isEqualTo(8.0);
    }
}
