package org.example.lowfreq;

import java.util.List;
import org.lowfreq.spi.Plugin;
import org.lowfreq.spi.Probe;

/** The plugin's entry point: lowfreq finds it through META-INF/services/org.lowfreq.spi.Plugin. */
public final class MeanBrightnessPlugin implements Plugin {
    @Override
    public String name() {
        return "mean-brightness-example";
    }

    @Override
    public List<Probe> probes() {
        return List.of(new MeanBrightnessProbe());
    }
}
