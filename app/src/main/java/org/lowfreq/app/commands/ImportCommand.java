package org.lowfreq.app.commands;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.lowfreq.app.ModelImport;
import org.lowfreq.spi.ModelCard;
import org.lowfreq.spi.ModelInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lowfreq import FILE --out DIR}: a TorchScript, ONNX or SavedModel model as a lowfreq model folder. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import a TorchScript (.pt), ONNX (.onnx) or SavedModel model: copy it into a model folder, "
                + "write its model-card.json (input shape and classes of the data set, layout, normalisation, "
                + "source SHA-256) and re-measure its clean accuracy on the first test images.",
                "The model must return logits for the data set's classes. See docs/IMPORTING.md.",
                "Example:", "  lowfreq import resnet18.pt --dataset cifar10 --mean 0.4914,0.4822,0.4465 "
                + "--std 0.2470,0.2435,0.2616 --out models/resnet18-imported"})
public final class ImportCommand implements Runnable {
    private final ModelImport importer;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "TorchScript file, ONNX file or SavedModel folder.")
    Path source;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "New model folder.")
    Path out;

    @Option(names = "--dataset", defaultValue = "cifar10", paramLabel = "NAME",
            description = "Data set the model classifies (default: ${DEFAULT-VALUE}); sets input shape and classes.")
    String dataset;

    @Option(names = "--format", paramLabel = "torchscript|onnx|savedmodel",
            description = "Model format (default: from the file name).")
    ModelImport.Format format;

    @Option(names = "--layout", paramLabel = "NCHW|NHWC",
            description = "Input layout the model takes (default: NCHW for TorchScript and ONNX, NHWC for SavedModel).")
    ModelInput.Layout layout;

    @Option(names = "--mean", split = ",", paramLabel = "M",
            description = "Per-channel mean lowfreq subtracts before the model (omit when the model normalises itself).")
    List<Float> mean = List.of();

    @Option(names = "--std", split = ",", paramLabel = "S", description = "Per-channel std lowfreq divides by (with --mean).")
    List<Float> std = List.of();

    @Option(names = "--name", paramLabel = "NAME", description = "Model name (default: the --out folder's name).")
    String name;

    @Option(names = "--family", defaultValue = "imported",
            description = "Family: baseline, adversarial, augmentation, brain, ... (default: ${DEFAULT-VALUE}).")
    String family;

    @Option(names = "--arch", defaultValue = "unknown", description = "Architecture, e.g. resnet18 (default: ${DEFAULT-VALUE}).")
    String arch;

    @Option(names = "--split", defaultValue = "test", description = "Split for the accuracy check (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--accuracy-images", defaultValue = "1000", paramLabel = "N",
            description = "Re-measure the clean accuracy on the first N images (default: ${DEFAULT-VALUE}).")
    int accuracyImages;

    @Inject
    ImportCommand(ModelImport importer) {
        this.importer = importer;
    }

    @Override
    public void run() {
        if (mean.size() != std.size()) {
            throw new org.lowfreq.spi.UserInputException("--mean has " + mean.size() + " values but --std has "
                    + std.size(), "give both, one value per channel, or neither");
        }
        String modelName = name != null ? name : out.toAbsolutePath().normalize().getFileName().toString();
        ModelImport.Outcome o = importer.run(new ModelImport.Request(source, format, out, modelName, family, arch,
                dataset, split, layout, floats(mean), floats(std), accuracyImages));
        ModelCard c = o.card();
        var w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "imported %s (backend %s): %s images of %s, %d classes, input %s, mean %s, std %s%n",
                c.name(), c.backend(), c.dataset(), c.inputShape(), c.classCount(),
                c.properties().getOrDefault(ModelInput.LAYOUT, "NHWC"), c.properties().getOrDefault(ModelInput.MEAN, "none"),
                c.properties().getOrDefault(ModelInput.STD, "none"));
        w.printf(Locale.ROOT, "clean accuracy %.4f on the first %d %s images; sha256 %s%n", c.cleanAccuracy(), o.images(),
                split, c.properties().get("source_sha256"));
        w.printf("wrote %s%n", out);
        w.flush();
    }

    private static float[] floats(List<Float> values) {
        float[] a = new float[values.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = values.get(i);
        }
        return a;
    }
}
