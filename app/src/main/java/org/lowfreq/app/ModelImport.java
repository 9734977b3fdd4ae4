package org.lowfreq.app;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.lowfreq.spi.Classifier;
import org.lowfreq.spi.Dataset;
import org.lowfreq.spi.ModelCard;
import org.lowfreq.spi.ModelCardFile;
import org.lowfreq.spi.ModelInput;
import org.lowfreq.spi.ModelProvider;
import org.lowfreq.spi.UserInputException;

/**
 * Turns a TorchScript file, an ONNX file or a SavedModel folder into a lowfreq model folder: the
 * copied model, a {@code model-card.json} describing its input (shape and classes from the data set,
 * layout and normalisation as given) and the source's SHA-256, and the clean accuracy re-measured on
 * the first test images (as RobustBench re-checks every zoo model). The folder is assembled under a
 * temporary name beside the target, checked by loading it with its backend (which refuses a wrong
 * class count or input shape), and renamed when complete, so a failed import leaves nothing behind.
 */
public final class ModelImport {
    /** Model file formats and the backend that runs each. */
    public enum Format {
        TORCHSCRIPT("pytorch", "model.pt", ModelInput.Layout.NCHW),
        ONNX("onnx", "model.onnx", ModelInput.Layout.NCHW),
        SAVEDMODEL("tensorflow", null, ModelInput.Layout.NHWC);

        final String backend;
        final String fileName;
        final ModelInput.Layout defaultLayout;

        Format(String backend, String fileName, ModelInput.Layout defaultLayout) {
            this.backend = backend;
            this.fileName = fileName;
            this.defaultLayout = defaultLayout;
        }

        /** The format a path's name or content implies. */
        static Format of(Path source) {
            if (Files.isDirectory(source)) {
                if (Files.isRegularFile(source.resolve("saved_model.pb"))) {
                    return SAVEDMODEL;
                }
                throw new UserInputException(source + " is a folder without saved_model.pb",
                        "pass a TorchScript (.pt) or ONNX (.onnx) file, or a SavedModel folder");
            }
            String name = source.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".onnx")) {
                return ONNX;
            }
            if (name.endsWith(".pt") || name.endsWith(".pth") || name.endsWith(".ts") || name.endsWith(".torchscript")) {
                return TORCHSCRIPT;
            }
            throw new UserInputException("cannot tell the format of " + source.getFileName(),
                    "name it .pt (TorchScript) or .onnx, or pass --format torchscript|onnx|savedmodel");
        }
    }

    /**
     * What to import.
     *
     * @param layout         null for the format's default (NCHW for TorchScript and ONNX)
     * @param mean           per-channel normalisation lowfreq applies in front of the model; empty for
     *                       none (normalisation inside the model)
     * @param accuracyImages how many of the first test images to re-measure the accuracy on
     */
    public record Request(Path source, Format format, Path out, String name, String family, String arch,
                          String dataset, String split, ModelInput.Layout layout, float[] mean, float[] std,
                          int accuracyImages) {
    }

    /** What was written. */
    public record Outcome(Path folder, ModelCard card, int images) {
    }

    private final PluginRegistry registry;
    private final ProbeRun probeRun;
    private final Progress progress;

    @Inject
    public ModelImport(PluginRegistry registry, ProbeRun probeRun, Progress progress) {
        this.registry = registry;
        this.probeRun = probeRun;
        this.progress = progress;
    }

    public Outcome run(Request r) {
        if (!Files.exists(r.source())) {
            throw new UserInputException("model file " + r.source() + " does not exist");
        }
        Format format = r.format() != null ? r.format() : Format.of(r.source());
        ModelInput.Layout layout = r.layout() != null ? r.layout() : format.defaultLayout;
        ModelInput input = new ModelInput(layout, r.mean(), r.std());
        if (format == Format.SAVEDMODEL && (layout != ModelInput.Layout.NHWC || input.normalises())) {
            throw new UserInputException("a SavedModel takes [0,1] NHWC images with any normalisation inside its graph",
                    "drop --layout, --mean and --std, or re-export the model with the normalisation inside");
        }
        if (r.accuracyImages() < 1) {
            throw new UserInputException("--accuracy-images must be at least 1, got " + r.accuracyImages());
        }
        if (Files.exists(r.out()) && !isEmptyFolder(r.out())) {
            throw new UserInputException("--out " + r.out() + " already exists", "choose a new folder for the imported model");
        }
        Dataset data = probeRun.openDataset(r.dataset(), r.split(), 0);
        if (input.normalises() && input.mean().length != data.shape().channels()) {
            throw new UserInputException("--mean and --std have " + input.mean().length + " values but " + data.name()
                    + " images have " + data.shape().channels() + " channels", "give one value per channel");
        }
        int n = Math.min(r.accuracyImages(), data.size(r.split()));
        ModelProvider backend = registry.modelBackend(format.backend);

        Path target = r.out().toAbsolutePath().normalize();
        Path tmp = target.resolveSibling("." + target.getFileName() + ".importing-" + ProcessHandle.current().pid());
        try {
            deleteTree(tmp);
            Files.createDirectories(tmp);
            String sha256 = copyAndHash(r.source(), tmp, format);
            Map<String, String> props = new LinkedHashMap<>();
            if (format != Format.SAVEDMODEL) {
                props.putAll(input.properties());
                props.put("model_file", format.fileName);
            }
            props.put("format", format.name().toLowerCase(Locale.ROOT));
            props.put("source_file", r.source().getFileName().toString());
            props.put("source_sha256", sha256);
            props.put("imported_with", "lowfreq " + VersionProvider.version());
            ModelCard card = new ModelCard(r.name(), r.family(), r.arch(), format.backend, data.shape(), data.classNames(),
                    0, 0, data.name(), -1, Double.NaN, props);
            ModelCardFile.write(tmp, card);
            double accuracy;
            try (Classifier c = backend.load(tmp)) {
                accuracy = CleanAccuracy.measure(c, data, r.split(), n, progress.listener());
            }
            props.put("clean_accuracy_images", Integer.toString(n));
            props.put("clean_accuracy_split", r.split());
            ModelCard measured = new ModelCard(card.name(), card.family(), card.arch(), card.backend(), card.inputShape(),
                    card.classNames(), 0, 0, card.dataset(), -1, accuracy, props);
            ModelCardFile.write(tmp, measured);
            if (Files.exists(target)) {
                Files.delete(target); // an empty folder, checked above
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
                throw new UserInputException("cannot rename " + tmp + " to " + target + ": " + e.getMessage());
            }
            return new Outcome(target, measured, n);
        } catch (IOException e) {
            throw new UserInputException("cannot write the model folder " + r.out() + ": " + e.getMessage());
        } finally {
            try {
                deleteTree(tmp);
            } catch (IOException e) {
                // best effort: the import's own error (if any) is the one to report
            }
        }
    }

    /**
     * Copies the model into the folder and returns the SHA-256 of the source: of the file itself, or
     * for a SavedModel folder of every file's relative path and bytes in sorted path order.
     */
    private static String copyAndHash(Path source, Path into, Format format) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
        if (format != Format.SAVEDMODEL) {
            Path dest = into.resolve(format.fileName);
            try (InputStream in = new DigestInputStream(Files.newInputStream(source), sha)) {
                Files.copy(in, dest);
            }
            return HexFormat.of().formatHex(sha.digest());
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(source)) {
            files = walk.filter(Files::isRegularFile).sorted(Comparator.comparing(p -> source.relativize(p).toString())).toList();
        }
        for (Path f : files) {
            String rel = source.relativize(f).toString();
            if (rel.equals(ModelCardFile.FILE_NAME)) {
                continue; // an old card is replaced, not copied
            }
            sha.update((rel + "\0").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            Path dest = into.resolve(rel);
            Files.createDirectories(dest.getParent());
            try (InputStream in = new DigestInputStream(Files.newInputStream(f), sha)) {
                Files.copy(in, dest);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static boolean isEmptyFolder(Path p) {
        if (!Files.isDirectory(p)) {
            return false;
        }
        try (Stream<Path> s = Files.list(p)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
