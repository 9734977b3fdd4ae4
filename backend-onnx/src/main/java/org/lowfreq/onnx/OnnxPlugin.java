package org.lowfreq.onnx;

import java.util.List;

import org.lowfreq.spi.ModelProvider;
import org.lowfreq.spi.Plugin;

/** Offers the ONNX model backend. */
public final class OnnxPlugin implements Plugin {
    @Override
    public String name() {
        return "backend-onnx";
    }

    @Override
    public List<ModelProvider> models() {
        return List.of(new OnnxModelProvider());
    }
}
