package org.lowfreq.probes.corruption;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.lowfreq.datasets.stream.ExampleOrder;
import org.lowfreq.datasets.stream.ExampleSource;
import org.lowfreq.datasets.stream.GrayscaleSource;
import org.lowfreq.datasets.stream.StreamableDataset;
import org.lowfreq.probes.data.BatchStream;
import org.lowfreq.probes.data.SplitStream;
import org.lowfreq.spi.UserInputException;

/**
 * A -C set in the published folder layout (Tiny-ImageNet-C, ImageNet-C:
 * {@code <corruption>/<severity>/<wnid>/*.JPEG}), opened as a streamable data set with splits
 * {@code <corruption>-<severity>}. Images are decoded on loader threads a few batches ahead. A
 * one-channel model gets the luma of the published RGB images ({@link GrayscaleSource},
 * L = 0.299 R + 0.587 G + 0.114 B), and every row says so.
 */
final class FolderSource implements CorruptedSource {
    /** The note of a converted run: the conversion and its weights (BT.601, as {@code tiny-imagenet-gray}). */
    static final String RGB_TO_GRAY = "input rgb->gray (L = 0.299R + 0.587G + 0.114B) of the published RGB images";

    private final StreamableDataset set;
    private final int channels;
    private final int workers;

    /**
     * @param channels the model's input channels: 1 converts RGB images to grayscale
     * @param workers  decoding threads
     */
    FolderSource(StreamableDataset set, int channels, int workers) {
        this.set = set;
        this.channels = channels;
        this.workers = workers;
        int stored = set.shape().channels();
        if (stored != channels && !(stored == 3 && channels == 1)) {
            throw new UserInputException("the -C set " + set.name() + " holds " + stored + "-channel images but the model takes "
                    + channels, "use a -C set made from the model's data set");
        }
    }

    @Override
    public List<String> corruptions() {
        Set<String> out = new LinkedHashSet<>();
        for (String split : set.splits()) {
            int dash = split.lastIndexOf('-');
            if (dash > 0) {
                out.add(split.substring(0, dash));
            }
        }
        return List.copyOf(out);
    }

    @Override
    public BatchStream stream(String corruption, int severity, int n, int batch) {
        String split = corruption + "-" + severity;
        set.requireSplit(split);
        int have = set.size(split);
        if (have < n) {
            throw new UserInputException("split " + split + " of the -C set " + set.name() + " holds " + have
                    + " images but the probe asks for " + n, "use --limit " + have + " or a complete -C set");
        }
        ExampleSource source = set.examples(split, false);
        if (converts()) {
            source = new GrayscaleSource(source);
        }
        return SplitStream.loader(source, ExampleOrder.sequential(n), batch, workers);
    }

    private boolean converts() {
        return channels == 1 && set.shape().channels() == 3;
    }

    @Override
    public boolean alignedWithClean() {
        // a published set is listed by class folder and file name, which need not be the clean split's
        // order (Tiny-ImageNet's val split follows val_annotations.txt), so pixel residuals are not taken
        return false;
    }

    @Override
    public String inputConversion() {
        return converts() ? RGB_TO_GRAY : "";
    }
}
