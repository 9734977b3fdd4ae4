package org.lowfreq.corruptions;

import java.util.List;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Images;

/**
 * The clean split a -C set is made from, read in chunks so that it is never held whole: the command
 * line streams a data set split (the probes' {@code SplitStream}); tests hand images held in memory.
 */
public interface CleanImages {
    int count();

    ImageShape shape();

    /** Labels of all images, in order (read without decoding where the data set can). */
    int[] labels();

    /** Class names, index = label (the class folder of the published layout). */
    List<String> classNames();

    /**
     * The file name image {@code index} keeps in the published folder layout (its source file's name,
     * as Hendrycks and Dietterich's scripts keep it), without extension.
     */
    String baseName(int index);

    /** Receives a chunk: image j of {@code images} is image {@code indices[j]} of the split. */
    @FunctionalInterface
    interface ChunkConsumer {
        void accept(int[] indices, Images images);
    }

    /** Streams the images at {@code indices}, in that order, in chunks of at most {@code chunk} images. */
    void stream(int[] indices, int chunk, ChunkConsumer consumer);

    /** Images held in memory, named by their index. */
    static CleanImages of(Images images, List<String> classNames) {
        return new CleanImages() {
            @Override
            public int count() {
                return images.count();
            }

            @Override
            public ImageShape shape() {
                return images.shape();
            }

            @Override
            public int[] labels() {
                return images.labels();
            }

            @Override
            public List<String> classNames() {
                return classNames;
            }

            @Override
            public String baseName(int index) {
                return String.format(java.util.Locale.ROOT, "%08d", index);
            }

            @Override
            public void stream(int[] indices, int chunk, ChunkConsumer consumer) {
                for (int from = 0; from < indices.length; from += chunk) {
                    int[] part = java.util.Arrays.copyOfRange(indices, from, Math.min(indices.length, from + chunk));
                    consumer.accept(part, images.select(part));
                }
            }
        };
    }
}
