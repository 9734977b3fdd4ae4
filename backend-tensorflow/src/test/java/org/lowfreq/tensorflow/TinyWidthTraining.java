package org.lowfreq.tensorflow;

import java.nio.file.Path;

import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.InMemoryDataset;
import org.lowfreq.spi.Options;
import org.lowfreq.spi.ProgressListener;
import org.lowfreq.spi.TrainingSpec;

/**
 * Trains tiny ResNets (widths given as arguments) one after another with TensorFlow's default
 * thread counts, in its own JVM: {@link TinyWidthStressTest} runs it so that a native crash
 * shows as an exit status instead of killing the test JVM.
 */
public final class TinyWidthTraining {
    private TinyWidthTraining() {
    }

    /** Arguments: output folder, repetitions, widths... */
    public static void main(String[] args) {
        Path out = Path.of(args[0]);
        int repetitions = Integer.parseInt(args[1]);
        ImageShape shape = new ImageShape(32, 32, 3);
        InMemoryDataset data = new InMemoryDataset("random", java.util.List.of("a", "b", "c"), shape,
                java.util.Map.of("train", TinyModels.randomImages(256, shape, 1),
                        "test", TinyModels.randomImages(32, shape, 2)));
        // threads 0: TensorFlow's defaults (intra = inter = cores), the setting that crashed
        TensorFlowModelProvider provider = new TensorFlowModelProvider(SessionOptions.threads(0));
        for (int r = 0; r < repetitions; r++) {
            for (int i = 2; i < args.length; i++) {
                int width = Integer.parseInt(args[i]);
                TrainingSpec spec = new TrainingSpec("baseline", "resnet18", width, 0, 0, false, 1, 64, 0.05, r, 0, 0,
                        0, false, Options.EMPTY);
                provider.trainer().orElseThrow().train(spec, data, out.resolve("w" + width + "-r" + r),
                        ProgressListener.NONE);
                System.out.println("trained width " + width + " run " + r);
            }
        }
    }
}
