package org.lowfreq.app.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowfreq.analysis.spectrum.PowerSpectrum;
import org.lowfreq.datasets.npy.NpyWriter;

class PerturbationSpectraTest {
    @TempDir
    Path job;

    @Test
    void failedImagesStoredAsZerosAreLeftOutOfTheHeatMapSpectrum() {
        int n = 8;
        // image 0: a vertical cosine of 4 cycles (power only at f_x = +-4/8); image 1: all zeros (a failure)
        float[] p = new float[2 * n * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                p[y * n + x] = (float) Math.cos(2 * Math.PI * 2 * x / n);
            }
        }
        NpyWriter.writeFloat32(job.resolve(PerturbationSpectra.FILE), new int[] {2, n, n, 1}, p);
        PowerSpectrum s = new PerturbationSpectra().load(job).orElseThrow();
        assertThat(s.images()).isEqualTo(1);
        // |DFT|^2 of cos(2 pi 2 x / 8) over 8 x 8: (8 * 8 / 2)^2 at columns 2 and 6 of row 0, 0 elsewhere
        assertThat(s.power()[2]).isCloseTo(1024, within(1e-3));
        assertThat(s.power()[6]).isCloseTo(1024, within(1e-3));
        assertThat(s.totalPower()).isCloseTo(2048, within(1e-2));
    }

    @Test
    void aJobWithoutPerturbationsHasNone() {
        assertThat(new PerturbationSpectra().load(job)).isEmpty();
    }
}
