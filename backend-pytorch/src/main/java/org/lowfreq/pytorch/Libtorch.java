package org.lowfreq.pytorch;

import java.io.IOException;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.pytorch.global.torch;
import org.lowfreq.spi.UserInputException;

/**
 * Loads libtorch's native libraries. JavaCPP extracts them from the jar into its cache one by one as
 * it loads them, so on a first run {@code libtorch.so} is loaded before {@code libtorch_cpu.so} is
 * extracted beside it, and the dynamic linker then takes any other {@code libtorch_cpu.so} it finds
 * on the system (Debian's {@code python3-torch} installs one), which crashes the JVM. Extracting the
 * whole platform folder first makes every library resolve to its neighbour in the cache.
 */
final class Libtorch {
    private static volatile boolean loaded;

    private Libtorch() {
    }

    static synchronized void load() {
        if (loaded) {
            return;
        }
        String folder = "/org/bytedeco/pytorch/" + Loader.getPlatform() + "/";
        try {
            if (Loader.cacheResources(folder).length == 0) {
                throw new UserInputException("libtorch has no native libraries for platform " + Loader.getPlatform(),
                        "the pytorch backend ships CPU libraries for linux-x86_64 only");
            }
        } catch (IOException e) {
            throw new UserInputException("cannot extract libtorch's native libraries: " + e.getMessage(),
                    "check that the JavaCPP cache (~/.javacpp/cache, or -Dorg.bytedeco.javacpp.cachedir) is writable");
        }
        Loader.load(torch.class);
        loaded = true;
    }
}
