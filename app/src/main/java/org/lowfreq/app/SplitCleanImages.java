package org.lowfreq.app;

import java.util.List;
import java.util.Locale;
import org.lowfreq.corruptions.CleanImages;
import org.lowfreq.datasets.stream.Batch;
import org.lowfreq.datasets.stream.ExampleSource;
import org.lowfreq.datasets.stream.StreamableDataset;
import org.lowfreq.probes.data.BatchStream;
import org.lowfreq.probes.data.SplitStream;
import org.lowfreq.spi.Dataset;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Images;

/**
 * A data set split as the clean images of {@code lowfreq corrupt}: streamed in chunks through
 * {@link SplitStream} (decoded on {@code workers} threads for a streamable set), labels read without
 * the pixels, and each image named after its source file when the data set has files.
 */
public final class SplitCleanImages implements CleanImages {
    private final Dataset data;
    private final String split;
    private final int workers;
    private final int[] labels;
    private final ExampleSource files;

    public SplitCleanImages(Dataset data, String split, int workers) {
        this.data = data;
        this.split = split;
        this.workers = workers;
        this.labels = data.labels(split);
        this.files = data instanceof StreamableDataset s ? s.examples(split, false) : null;
    }

    @Override
    public int count() {
        return labels.length;
    }

    @Override
    public ImageShape shape() {
        return data.shape();
    }

    @Override
    public int[] labels() {
        return labels;
    }

    @Override
    public List<String> classNames() {
        return data.classNames();
    }

    /** The source file's name without extension (as the published sets keep it), else the index. */
    @Override
    public String baseName(int index) {
        if (files != null) {
            String d = files.describe(index);
            String name = d.substring(Math.max(d.lastIndexOf('/'), d.lastIndexOf('\\')) + 1);
            String lower = name.toLowerCase(Locale.ROOT);
            for (String ext : List.of(".jpeg", ".jpg", ".png")) {
                if (lower.endsWith(ext) && name.length() > ext.length()) {
                    return name.substring(0, name.length() - ext.length());
                }
            }
        }
        return String.format(Locale.ROOT, "%08d", index);
    }

    @Override
    public void stream(int[] indices, int chunk, ChunkConsumer consumer) {
        try (BatchStream s = SplitStream.open(data, split, indices, chunk, workers)) {
            while (s.hasNext()) {
                try (Batch b = s.next()) {
                    Images images = b.images();
                    consumer.accept(b.indices(), images);
                }
            }
        }
    }
}
