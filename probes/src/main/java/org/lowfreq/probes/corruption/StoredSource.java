package org.lowfreq.probes.corruption;

import java.nio.file.Path;
import java.util.List;
import org.lowfreq.datasets.CorruptedSet;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.UserInputException;

/** A -C set in the official layout (ours or the published CIFAR-10-C), read by the data sets module. */
final class StoredSource implements CorruptedSource {
    private final CorruptedSet set;

    StoredSource(Path dir, List<String> classNames) {
        this.set = new CorruptedSet("corrupted", dir, classNames,
                "generate one with 'lowfreq corrupt --out DIR' or download CIFAR-10-C (Hendrycks and Dietterich 2019)");
    }

    @Override
    public List<String> corruptions() {
        return set.corruptions();
    }

    @Override
    public Images read(String corruption, int severity, int n) {
        String split = CorruptedSet.split(corruption, severity);
        int have = set.size(split);
        if (have < n) {
            throw new UserInputException("the -C set holds " + have + " images per severity but the probe asks for " + n,
                    "use --limit " + have + " or a complete -C set");
        }
        return set.read(split, 0, n);
    }
}
