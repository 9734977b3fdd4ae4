package org.lowfreq.corruptions;

import java.nio.file.Path;
import java.util.List;
import org.lowfreq.spi.Corruption;
import org.lowfreq.spi.Options;
import org.lowfreq.spi.Plugin;

/**
 * Offers the 19 corruptions. Frost photographs: the copies in this jar, unless
 * {@code LOWFREQ_FROST_DIR} or, for a probe, its {@code frost_dir} option names a folder.
 */
public final class CorruptionsPlugin implements Plugin {
    /** The probe option that carries {@code --frost-dir}. */
    public static final String FROST_DIR_OPTION = "frost_dir";

    @Override
    public String name() {
        return "corruptions";
    }

    @Override
    public List<Corruption> corruptions() {
        // checked on first use: discovery runs for every command, most of which never make frost
        return new Corruptions(FrostImages.resolveOnFirstUse(null, System.getenv(FrostImages.ENV))).all();
    }

    /** With {@code frost_dir=DIR}: frost from that folder, checked now. */
    @Override
    public List<Corruption> corruptions(Options options) {
        String dir = options.getString(FROST_DIR_OPTION, null);
        if (dir == null || dir.isBlank()) {
            return corruptions();
        }
        return new Corruptions(FrostImages.fromEnvironment(Path.of(dir))).all();
    }
}
