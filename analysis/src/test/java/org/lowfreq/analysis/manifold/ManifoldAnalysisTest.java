package org.lowfreq.analysis.manifold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lowfreq.spi.ProgressListener;

class ManifoldAnalysisTest {
    private static final int SIZE = 24;
    private static final double FOV = 67.5;

    private static ManifoldAnalysis.Result simulate(List<V1Population.SubPopulation> pops, int n, int components, long seed) {
        V1Population pop = new V1Population(new V1Population.Config(pops, 0.1, 0, 0.3, FOV, seed), SIZE, SIZE);
        float[] stimuli = NoiseStimuli.generate(NoiseStimuli.Kind.WHITE, n, SIZE, SIZE, seed);
        float[] r = pop.respond(stimuli, n);
        return ManifoldAnalysis.analyse(r, n, pop.units().size(),
                new ManifoldAnalysis.Stimuli(stimuli, n, SIZE, SIZE), FOV, components, 5, seed, ProgressListener.NONE);
    }

    @Test
    void mouseLikePopulationAt004CyclesPerDegreeGives2Point7CyclesPerImage() {
        ManifoldAnalysis.Result res = simulate(List.of(new V1Population.SubPopulation(0.04, 120)), 900, 3, 1);
        ManifoldAnalysis.ComponentField first = res.components().get(0);
        assertThat(first.cvR2()).isGreaterThan(0.5);
        assertThat(first.preferredCpi()).isCloseTo(2.7, within(0.27));
        assertThat(first.preferredCpd()).isCloseTo(0.04, within(0.004));
        assertThat(res.pca().explained()[0]).isGreaterThan(res.pca().explained()[1]);
        assertThat(res.pca().participationRatio()).isGreaterThan(1).isLessThan(120);
    }

    @Test
    void twoSubPopulationsAreSeparatedAcrossComponents() {
        // 0.04 and 0.12 cycles/degree over 67.5 degrees: 2.7 and 8.1 cycles/image
        ManifoldAnalysis.Result res = simulate(List.of(new V1Population.SubPopulation(0.04, 80),
                new V1Population.SubPopulation(0.12, 80)), 900, 12, 2);
        List<Double> cpi = res.components().stream().map(ManifoldAnalysis.ComponentField::preferredCpi).toList();
        long low = cpi.stream().filter(f -> Math.abs(f - 2.7) < 0.15 * 2.7).count();
        long high = cpi.stream().filter(f -> Math.abs(f - 8.1) < 0.15 * 8.1).count();
        // the larger, more overlapping low-frequency fields share more variance, so they lead
        assertThat(cpi.get(0)).isCloseTo(2.7, within(0.27));
        assertThat(low).isGreaterThanOrEqualTo(3);
        assertThat(high).isGreaterThanOrEqualTo(2);
        // components belong to one sub-population or the other, rarely to a blend in between
        assertThat(low + high).isGreaterThanOrEqualTo(9);
    }

    /**
     * Issue 11 point 8: at the simulator's defaults (32 px, 1,000 white-noise stimuli, 100 units, 0.1
     * octave spread, noise 0.3, 67.5 degrees) PC1 recovers the population's preferred frequency for
     * seeds 0-4 at 0.02, 0.04 and 0.08 cycles/degree: each within 5%, mean error below 2%. (The power
     * spectrum of PC1's own field, used before, gave 2.30, 2.46, 2.57 cycles/image for 2.7.)
     */
    @Test
    void pc1RecoversThePreferredFrequencyAtTheDefaultsForFiveSeedsAndThreeFrequencies() {
        int size = 32;
        int n = 1000;
        double sumError = 0;
        int runs = 0;
        StringBuilder seen = new StringBuilder();
        for (double cpd : new double[] {0.02, 0.04, 0.08}) {
            double truth = cpd * FOV;
            for (long seed = 0; seed < 5; seed++) {
                V1Population pop = new V1Population(new V1Population.Config(
                        List.of(new V1Population.SubPopulation(cpd, 100)), 0.1, 0, 0.3, FOV, seed), size, size);
                float[] stimuli = NoiseStimuli.generate(NoiseStimuli.Kind.WHITE, n, size, size, seed);
                float[] r = pop.respond(stimuli, n);
                ManifoldAnalysis.Result res = ManifoldAnalysis.analyse(r, n, pop.units().size(),
                        new ManifoldAnalysis.Stimuli(stimuli, n, size, size), FOV, 1, 5, 0, ProgressListener.NONE);
                double pc1 = res.components().get(0).preferredCpi();
                double error = Math.abs(pc1 - truth) / truth;
                seen.append(String.format(java.util.Locale.ROOT, " %.3f/%.2f", pc1, truth));
                assertThat(error).as("cpd %s seed %d: PC1 at %.3f cycles/image, truth %.3f", cpd, seed, pc1, truth)
                        .isLessThan(0.05);
                sumError += error;
                runs++;
            }
        }
        assertThat(sumError / runs).as("mean relative error over" + seen).isLessThan(0.02);
    }
}
