package org.lowfreq.probes.corruption;

import java.nio.file.Path;
import java.util.List;
import org.lowfreq.datasets.CorruptedSet;
import org.lowfreq.probes.data.BatchStream;
import org.lowfreq.probes.data.SplitStream;
import org.lowfreq.spi.UserInputException;

/** A -C set in the NPY layout of CIFAR-10-C (ours or the published one), read by the data sets module. */
final class StoredSource implements CorruptedSource {
    private final CorruptedSet set;

    StoredSource(Path dir, List<String> classNames) {
        this.set = new CorruptedSet("corrupted", dir, classNames,
                "point --from at a -C set: labels.npy + <corruption>.npy (CIFAR-10-C) or <corruption>/<severity>/<class>/*.JPEG "
                        + "(Tiny-ImageNet-C, ImageNet-C); generate one with 'lowfreq corrupt --out DIR' or download the "
                        + "published sets (Hendrycks and Dietterich 2019)");
    }

    @Override
    public List<String> corruptions() {
        return set.corruptions();
    }

    @Override
    public BatchStream stream(String corruption, int severity, int n, int batch) {
        String split = CorruptedSet.split(corruption, severity);
        int have = set.size(split);
        if (have < n) {
            throw new UserInputException("the -C set holds " + have + " images per severity but the probe asks for " + n,
                    "use --limit " + have + " or a complete -C set");
        }
        return SplitStream.first(set, split, n, batch, 0);
    }

    @Override
    public boolean alignedWithClean() {
        return true; // the NPY layout keeps the clean split's order (CIFAR-10-C does)
    }

    @Override
    public String inputConversion() {
        return "";
    }
}
