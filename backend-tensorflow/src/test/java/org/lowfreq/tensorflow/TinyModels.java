package org.lowfreq.tensorflow;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.InMemoryDataset;
import org.lowfreq.spi.ModelCard;
import org.lowfreq.spi.ModelCardFile;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.types.TFloat32;

/** Small models and synthetic data for fast tests. */
final class TinyModels {
    static final ImageShape SHAPE = new ImageShape(8, 8, 3);

    private TinyModels() {
    }

    static ModelSpec spec(double blurSigma, PcaProjection pca) {
        return new ModelSpec("resnet18", 4, SHAPE, 3, new float[] {0.5f, 0.4f, 0.3f}, new float[] {0.25f, 0.2f, 0.3f},
                blurSigma, pca);
    }

    static Images randomImages(int n, ImageShape shape, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] px = new float[n * shape.size()];
        for (int i = 0; i < px.length; i++) {
            px[i] = (float) rng.nextDouble();
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = rng.nextInt(3);
        }
        return new Images(n, shape, px, labels);
    }

    /**
     * Three learnable classes: a bright square in the top-left, top-right or bottom half on noise.
     */
    static InMemoryDataset patternData(int train, int test, long seed) {
        return new InMemoryDataset("patterns", List.of("left", "right", "bottom"), SHAPE,
                Map.of("train", patterns(train, seed), "test", patterns(test, seed + 1)));
    }

    static Images patterns(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] px = new float[n * SHAPE.size()];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int c = rng.nextInt(3);
            labels[i] = c;
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    boolean on = switch (c) {
                        case 0 -> y < 4 && x < 4;
                        case 1 -> y < 4 && x >= 4;
                        default -> y >= 4;
                    };
                    for (int ch = 0; ch < 3; ch++) {
                        px[i * SHAPE.size() + (y * 8 + x) * 3 + ch] = (float) (0.3 * rng.nextDouble() + (on ? 0.6 : 0.1));
                    }
                }
            }
        }
        return new Images(n, SHAPE, px, labels);
    }

    /** Exports an untrained (seeded) model to {@code dir} and returns its logits for {@code images}, from the exporting session. */
    static float[] exportUntrained(Path dir, ModelSpec spec, long seed, Images images) {
        try (Graph g = new Graph()) {
            ModelGraph mg = new ModelGraph(g, spec, seed, 1e-4);
            try (Session s = new Session(g)) {
                s.initialize();
                float[] logits;
                try (TFloat32 x = Tensors.images(images.pixels(), 0, images.count(), spec.input().height(),
                        spec.input().width(), spec.input().channels());
                     Result r = s.runner().feed(mg.images, x).fetch(mg.logits).run()) {
                    logits = Tensors.floats(r.get(0));
                }
                TrainingCheckpoints.export(s, mg, dir);
                ModelCardFile.write(dir, card(spec, "tiny"));
                return logits;
            }
        }
    }

    static ModelCard card(ModelSpec spec, String name) {
        List<String> classes = new java.util.ArrayList<>();
        for (int i = 0; i < spec.classes(); i++) {
            classes.add("c" + i);
        }
        return new ModelCard(name, "baseline", spec.arch(), "tensorflow", spec.input(), classes, spec.blurSigma(),
                spec.pcaComponents(), "synthetic", 0, Double.NaN, Map.of());
    }
}
