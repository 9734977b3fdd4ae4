package org.lowfreq.app.commands;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.lowfreq.app.GlobalOptions;
import org.lowfreq.app.ImageGrid;
import org.lowfreq.app.PluginRegistry;
import org.lowfreq.app.Progress;
import org.lowfreq.datasets.DataRoot;
import org.lowfreq.datasets.ImageFolderDataset;
import org.lowfreq.spi.Dataset;
import org.lowfreq.spi.DatasetProvider;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.UserInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lowfreq data list|fetch|verify|show|bench|synth}: the data sets below the data root. */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = {"List, fetch, verify and show the data sets below the data root.",
                "The data root is ~/.cache/lowfreq unless --data-dir or $LOWFREQ_DATA names another.",
                "Examples:",
                "  lowfreq data list",
                "  lowfreq data fetch cifar10",
                "  lowfreq data verify cifar10",
                "  lowfreq data show cifar10 --split test --count 16 --out grid.png",
                "  lowfreq data synth imagenet /tmp/synth --classes 20 --per-class 50",
                "  lowfreq --data-dir /tmp/synth data bench imagenet --workers 1,2 --train"},
        subcommands = {DataCommand.ListCommand.class, DataCommand.FetchCommand.class, DataCommand.VerifyCommand.class,
                DataCommand.ShowCommand.class, DataBenchCommand.class, DataSynthCommand.class})
public final class DataCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static DataRoot root(GlobalOptions global) {
        return global.dataRoot();
    }

    /** {@code data list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the known data sets, whether each is present below the data root, and where.")
    public static final class ListCommand implements Runnable {
        private final PluginRegistry registry;
        private final GlobalOptions global;

        @Spec
        CommandSpec spec;

        @Inject
        ListCommand(PluginRegistry registry, GlobalOptions global) {
            this.registry = registry;
            this.global = global;
        }

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            DataRoot root = root(global);
            out.println("data root: " + root);
            out.printf("%-19s %-8s %s%n", "NAME", "PRESENT", "DESCRIPTION");
            registry.datasets().values().stream().sorted(Comparator.comparing(DatasetProvider::name)).forEach(p ->
                    out.printf("%-19s %-8s %s%n", p.name(), p.isPresent(root.path()) ? "yes" : "no", p.description()));
            out.flush();
        }
    }

    /** {@code data fetch NAME}. */
    @Command(name = "fetch", mixinStandardHelpOptions = true,
            description = {"Download, verify and unpack a data set into the data root.",
                "CIFAR-10 and CIFAR-100 only; for the others it says where to put the files. Does nothing when the files are there and verify."})
    public static final class FetchCommand implements Runnable {
        private final PluginRegistry registry;
        private final GlobalOptions global;
        private final Progress progress;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME", arity = "1..*", description = "Data set(s), e.g. cifar10.")
        List<String> names;

        @Inject
        FetchCommand(PluginRegistry registry, GlobalOptions global, Progress progress) {
            this.registry = registry;
            this.global = global;
            this.progress = progress;
        }

        @Override
        public void run() {
            DataRoot root = root(global);
            for (String name : names) {
                DatasetProvider p = registry.dataset(name);
                p.fetch(root.path(), progress.listener());
                spec.commandLine().getOut().println(name + ": present and verified in " + root.path());
            }
            spec.commandLine().getOut().flush();
        }
    }

    /** {@code data verify [NAME...]}. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Check a data set's files in full (sizes, checksums where published, labels).",
                    "Without names: every data set that is present."})
    public static final class VerifyCommand implements Runnable {
        private final PluginRegistry registry;
        private final GlobalOptions global;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME", arity = "0..*", description = "Data set(s); default: all present ones.")
        List<String> names = new ArrayList<>();

        @Inject
        VerifyCommand(PluginRegistry registry, GlobalOptions global) {
            this.registry = registry;
            this.global = global;
        }

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            DataRoot root = root(global);
            List<DatasetProvider> todo = names.isEmpty()
                    ? registry.datasets().values().stream().filter(p -> p.isPresent(root.path()))
                            .sorted(Comparator.comparing(DatasetProvider::name)).toList()
                    : names.stream().map(registry::dataset).toList();
            if (todo.isEmpty()) {
                throw new UserInputException("no data set is present below " + root,
                        "see 'lowfreq data list' and 'lowfreq data fetch cifar10'");
            }
            for (DatasetProvider p : todo) {
                for (String line : p.verify(root.path())) {
                    out.println(p.name() + ": " + line);
                }
                out.println(p.name() + ": OK");
                out.flush();
            }
        }
    }

    /** {@code data show NAME}. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Write a PNG grid of images of a data set with their class names under them.")
    public static final class ShowCommand implements Runnable {
        private final PluginRegistry registry;
        private final GlobalOptions global;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "Data set, e.g. cifar10.")
        String name;

        @Option(names = "--split", defaultValue = "test", description = "Split (default: ${DEFAULT-VALUE}).")
        String split;

        @Option(names = "--from", converter = ValueConverters.ZeroOrMore.class, defaultValue = "0", paramLabel = "I", description = "First image (default: ${DEFAULT-VALUE}).")
        int from;

        @Option(names = "--count", converter = ValueConverters.AtLeastOne.class, defaultValue = "16", paramLabel = "N", description = "Number of images (default: ${DEFAULT-VALUE}).")
        int count;

        @Option(names = "--scale", defaultValue = "0",
                description = "Nearest-neighbour upscaling (default: about 128 px per image, e.g. 4 for 32 px).")
        int scale;

        @Option(names = "--columns", converter = ValueConverters.AtLeastOne.class, defaultValue = "8", description = "Images per row (default: ${DEFAULT-VALUE}).")
        int columns;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "PNG file to write (required).")
        Path out;

        @Inject
        ShowCommand(PluginRegistry registry, GlobalOptions global) {
            this.registry = registry;
            this.global = global;
        }

        @Override
        public void run() {
            if (count < 1 || count > 1024) {
                throw new UserInputException("--count must be between 1 and 1024, got " + count);
            }
            System.setProperty("java.awt.headless", "true");
            DataRoot root = root(global);
            Dataset d = registry.dataset(name).open(root.path());
            d.requireSplit(split);
            int size = d.size(split);
            if (from < 0 || from >= size) {
                throw new UserInputException("--from " + from + " is outside split " + split + " (" + size + " images)");
            }
            Images images = d.read(split, from, Math.min(count, size - from));
            int s = scale > 0 ? scale : Math.max(1, Math.round(128f / d.shape().width()));
            // Tiny-ImageNet and ImageNet name classes by wnid; words.txt says what they are
            List<String> names = d instanceof ImageFolderDataset f ? f.classDescriptions() : d.classNames();
            ImageGrid.writePng(ImageGrid.render(images, names, s, columns), out);
            spec.commandLine().getOut().println("wrote " + out + ": " + images.count() + " images of " + d.name() + " "
                    + split + " from " + from);
            spec.commandLine().getOut().flush();
        }
    }
}
