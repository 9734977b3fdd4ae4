package org.lowfreq.probes.corruption;

import java.nio.file.Path;
import java.util.List;
import org.lowfreq.datasets.stream.StreamableDataset;
import org.lowfreq.spi.ImageShape;

/**
 * Opens -C sets in the published folder layout ({@code <corruption>/<severity>/<wnid>/*.JPEG}) as
 * streamable data sets with splits {@code <corruption>-<severity>}. A seam so the probe does not
 * depend on one reader.
 */
interface FolderLayoutReader {
    /** Whether {@code dir} holds at least one {@code <corruption>/<severity>/<class>/} folder. */
    boolean isFolderLayout(Path dir);

    /**
     * @param shape      the clean set's image shape (the published images are its evaluation crops)
     * @param classNames the clean set's classes, index = label
     */
    StreamableDataset open(Path dir, ImageShape shape, List<String> classNames);
}
