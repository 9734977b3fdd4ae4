package org.lowfreq.datasets;

import java.util.List;
import org.lowfreq.datasets.folder.ImageFolderCorruptedProvider;
import org.lowfreq.spi.DatasetProvider;
import org.lowfreq.spi.Plugin;

/** The built-in data sets. */
public final class DatasetsPlugin implements Plugin {
    @Override
    public String name() {
        return "datasets";
    }

    @Override
    public List<DatasetProvider> datasets() {
        return List.of(
                new CifarProvider(CifarLayout.cifar10(), false),
                new CifarProvider(CifarLayout.cifar10(), true),
                new CifarProvider(CifarLayout.cifar100(), false),
                new CifarProvider(CifarLayout.cifar100(), true),
                IdxProvider.fashionMnist(),
                IdxProvider.mnist(),
                ImageFolderProvider.tinyImageNet(),
                ImageFolderProvider.tinyImageNetGray(),
                ImageFolderProvider.imageNet(),
                ImageFolderCorruptedProvider.tinyImageNetC(),
                ImageFolderCorruptedProvider.imageNetC(),
                CorruptedSetProvider.cifar10C(),
                CorruptedSetProvider.cifar100C());
    }
}
