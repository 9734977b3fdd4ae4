package org.lowfreq.probes;

import java.util.List;
import org.lowfreq.probes.heatmap.FourierHeatMapProbe;
import org.lowfreq.probes.hybrid.HybridImageProbe;
import org.lowfreq.spi.Plugin;
import org.lowfreq.spi.Probe;

/** Offers the frequency probes: hybrid images (f_rev) and the Fourier heat map. */
public final class ProbesPlugin implements Plugin {
    @Override
    public String name() {
        return "probes";
    }

    @Override
    public List<Probe> probes() {
        return List.of(new HybridImageProbe(), new FourierHeatMapProbe());
    }
}
