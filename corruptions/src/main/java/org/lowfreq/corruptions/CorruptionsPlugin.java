package org.lowfreq.corruptions;

import java.util.List;
import org.lowfreq.spi.Corruption;
import org.lowfreq.spi.Plugin;

/** Offers the 19 corruptions; frost photographs come from {@code LOWFREQ_FROST_DIR} or ../shared/corruptions/frost. */
public final class CorruptionsPlugin implements Plugin {
    @Override
    public String name() {
        return "corruptions";
    }

    @Override
    public List<Corruption> corruptions() {
        return new Corruptions(FrostImages.fromEnvironment()).all();
    }
}
