package org.lowfreq.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowfreq.spi.DatasetProvider;
import org.lowfreq.spi.Plugin;

class DatasetsPluginTest {
    @Test
    void serviceLoaderFindsTheProvidersWithUniqueNames(@TempDir Path empty) {
        Plugin p = ServiceLoader.load(Plugin.class).stream().map(ServiceLoader.Provider::get)
                .filter(x -> x instanceof DatasetsPlugin).findFirst().orElseThrow();
        var names = p.datasets().stream().map(DatasetProvider::name).toList();
        assertThat(names).doesNotHaveDuplicates().contains("cifar10", "cifar10-gray", "cifar100", "fashion-mnist",
                "mnist", "tiny-imagenet", "tiny-imagenet-gray", "imagenet", "cifar10-c", "tiny-imagenet-c", "imagenet-c");
        for (DatasetProvider d : p.datasets()) {
            assertThat(d.description()).isNotBlank();
            assertThat(d.howToGet(empty)).contains(empty.toString());
        }
    }
}
