package org.lowfreq.pytorch;

import java.util.List;

import org.lowfreq.spi.ModelProvider;
import org.lowfreq.spi.Plugin;

/** Offers the TorchScript model backend. */
public final class PyTorchPlugin implements Plugin {
    @Override
    public String name() {
        return "backend-pytorch";
    }

    @Override
    public List<ModelProvider> models() {
        return List.of(new PyTorchModelProvider());
    }
}
