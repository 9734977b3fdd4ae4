package org.lowfreq.pytorch;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.lowfreq.reference.ReferenceModelProvider;
import org.lowfreq.spi.Classifier;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.ModelCard;
import org.lowfreq.spi.ModelCardFile;

/** The committed models of tools/fixtures (made by tools/make-fixtures.py), as model folders. */
final class Fixtures {
    static final ImageShape CIFAR = new ImageShape(32, 32, 3);
    static final List<String> CLASSES = List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog",
            "horse", "ship", "truck");
    /** The normalisation tools/make-fixtures.py trained with (outside the module). */
    static final Map<String, String> NORMALISATION = Map.of("input_layout", "NCHW",
            "input_mean", "0.4914,0.4822,0.4465", "input_std", "0.2470,0.2435,0.2616");

    private Fixtures() {
    }

    static Path file(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("test fixture " + name + " is missing (run tools/make-fixtures.py)", e);
        }
    }

    /** A pytorch model folder holding {@code file} under a card with the given shape, classes and properties. */
    static Path torchModel(Path dir, String file, ImageShape shape, List<String> classes, Map<String, String> props)
            throws IOException {
        Files.createDirectories(dir);
        Files.copy(file(file), dir.resolve("model.pt"));
        ModelCardFile.write(dir, new ModelCard("fixture-" + file, "imported", "mlp", PyTorchModelProvider.NAME, shape,
                classes, 0, 0, "cifar10", 0, Double.NaN, props));
        return dir;
    }

    /** The tiny MLP as TorchScript, with the card of its training normalisation. */
    static Path tinyMlp(Path dir) throws IOException {
        return torchModel(dir, "tiny-mlp.pt", CIFAR, CLASSES, NORMALISATION);
    }

    /** The same weights in the pure-Java reference backend (normalisation folded into the first layer). */
    static Classifier reference() {
        return new ReferenceModelProvider().load(file("tiny-mlp-reference"));
    }

    /** Seeded uniform [0,1] images. */
    static Images randomImages(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] px = new float[n * CIFAR.size()];
        for (int i = 0; i < px.length; i++) {
            px[i] = (float) r.nextDouble();
        }
        return new Images(n, CIFAR, px);
    }
}
