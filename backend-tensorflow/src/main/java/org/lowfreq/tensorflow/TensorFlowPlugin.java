package org.lowfreq.tensorflow;

import java.util.List;

import org.lowfreq.spi.ModelProvider;
import org.lowfreq.spi.Plugin;

/** Offers the TensorFlow model backend. */
public final class TensorFlowPlugin implements Plugin {
    @Override
    public String name() {
        return "backend-tensorflow";
    }

    @Override
    public List<ModelProvider> models() {
        return List.of(new TensorFlowModelProvider());
    }
}
