package org.lowfreq.app.commands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.lowfreq.datasets.ImageFolderProvider;
import org.lowfreq.datasets.folder.SyntheticImageFolders;
import org.lowfreq.datasets.folder.SyntheticImageFolders.Tree;
import org.lowfreq.spi.UserInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code data synth KIND ROOT}: a generated image-folder tree (for loader benchmarks and trying the
 * large-scale commands without the real data), written into a temporary folder and renamed into
 * place when complete, so an interrupted run leaves no half tree.
 */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = {"Write a generated tree of JPEGs in a data set's layout below ROOT (use ROOT as --data-dir):",
                "  imagenet          ROOT/imagenet/{train,val}/<wnid>/*.JPEG, about --width x --height px",
                "  tiny-imagenet     ROOT/tiny-imagenet-200/ in the official layout, 64 px",
                "  imagenet-c        ROOT/ImageNet-C/<corruption>/<severity>/<wnid>/*.JPEG, 224 px",
                "  tiny-imagenet-c   ROOT/Tiny-ImageNet-C/..., 64 px",
                "Each class has its own colour and grating; images are a function of --seed. Never real data.",
                "Example: lowfreq data synth imagenet /tmp/synth --classes 20 --per-class 50"})
public final class DataSynthCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KIND", description = "imagenet, tiny-imagenet, imagenet-c or tiny-imagenet-c.")
    String kind;

    @Parameters(index = "1", paramLabel = "ROOT", description = "Data root to write below.")
    Path root;

    @Option(names = "--classes", defaultValue = "20", converter = ValueConverters.AtLeastOne.class,
            description = "Classes (default: ${DEFAULT-VALUE}).")
    int classes;

    @Option(names = "--per-class", defaultValue = "50", converter = ValueConverters.AtLeastOne.class,
            description = "Training images per class; for -C sets, images per class and severity (default: ${DEFAULT-VALUE}).")
    int perClass;

    @Option(names = "--val-per-class", defaultValue = "10", converter = ValueConverters.ZeroOrMore.class,
            description = "Validation images per class (default: ${DEFAULT-VALUE}).")
    int valPerClass;

    @Option(names = "--width", defaultValue = "400", converter = ValueConverters.AtLeastOne.class,
            description = "imagenet: mean width in px, each image within 10 % (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", defaultValue = "350", converter = ValueConverters.AtLeastOne.class,
            description = "imagenet: mean height in px (default: ${DEFAULT-VALUE}).")
    int height;

    @Option(names = "--corruptions", defaultValue = "gaussian_noise,fog", split = ",",
            description = "-C sets: corruption folder names (default: ${DEFAULT-VALUE}).")
    List<String> corruptions;

    @Option(names = "--severities", defaultValue = "5", converter = ValueConverters.AtLeastOne.class,
            description = "-C sets: severities 1..N (default: ${DEFAULT-VALUE}).")
    int severities;

    @Option(names = "--seed", defaultValue = "0", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public void run() {
        String folder = switch (kind.toLowerCase(Locale.ROOT)) {
            case "imagenet" -> ImageFolderProvider.IMAGENET_FOLDER;
            case "tiny-imagenet" -> ImageFolderProvider.TINY_FOLDER;
            case "imagenet-c" -> "ImageNet-C";
            case "tiny-imagenet-c" -> "Tiny-ImageNet-C";
            default -> throw new UserInputException("unknown tree kind '" + kind + "'",
                    "use imagenet, tiny-imagenet, imagenet-c or tiny-imagenet-c");
        };
        Path target = root.resolve(folder);
        if (Files.exists(target)) {
            throw new UserInputException(target + " already exists; lowfreq does not write into an existing data set",
                    "remove it or choose another ROOT");
        }
        Path tmp;
        try {
            Files.createDirectories(root);
            tmp = Files.createTempDirectory(root, "." + folder + ".partial-");
        } catch (IOException e) {
            throw new UserInputException("cannot create a folder in " + root + ": " + e.getMessage());
        }
        long t0 = System.nanoTime();
        Tree tree;
        try {
            tree = switch (kind.toLowerCase(Locale.ROOT)) {
                case "imagenet" -> SyntheticImageFolders.imageNet(tmp, classes, perClass, valPerClass, width, height, seed);
                case "tiny-imagenet" -> SyntheticImageFolders.tinyImageNet(tmp, classes, perClass, valPerClass, 0, 64, seed);
                case "imagenet-c" -> SyntheticImageFolders.corrupted(tmp, corruptions, severities, classes, perClass, 224, seed);
                default -> SyntheticImageFolders.corrupted(tmp, corruptions, severities, classes, perClass, 64, seed);
            };
            Files.move(tmp, target);
        } catch (IOException | RuntimeException e) {
            deleteTree(tmp);
            if (e instanceof UserInputException u) {
                throw u;
            }
            throw new UserInputException("cannot write the tree in " + root + ": " + e.getMessage());
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "wrote %d images of %d classes in %s (%.1f s)%n", tree.images(),
                tree.classes().size(), target, (System.nanoTime() - t0) / 1e9);
        spec.commandLine().getOut().flush();
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // best effort: the partial folder is hidden (dot name) and named in no listing
        }
    }
}
