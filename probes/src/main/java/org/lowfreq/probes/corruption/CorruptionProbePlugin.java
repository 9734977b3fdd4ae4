package org.lowfreq.probes.corruption;

import java.util.List;
import org.lowfreq.spi.Plugin;
import org.lowfreq.spi.Probe;

/** Offers the corruption probe. */
public final class CorruptionProbePlugin implements Plugin {
    @Override
    public String name() {
        return "probes-corruption";
    }

    @Override
    public List<Probe> probes() {
        return List.of(new CorruptionProbe());
    }
}
