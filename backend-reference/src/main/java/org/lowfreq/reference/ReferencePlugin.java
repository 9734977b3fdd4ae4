package org.lowfreq.reference;

import java.util.List;
import org.lowfreq.spi.ModelProvider;
import org.lowfreq.spi.Plugin;

/** Offers the pure-Java reference backend. */
public final class ReferencePlugin implements Plugin {
    @Override
    public String name() {
        return "backend-reference";
    }

    @Override
    public List<ModelProvider> models() {
        return List.of(new ReferenceModelProvider());
    }
}
