package org.lowfreq.datasets;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.lowfreq.spi.DatasetProvider;
import org.lowfreq.spi.ProgressListener;
import org.lowfreq.spi.UserInputException;

/** CIFAR-10 or CIFAR-100 (binary release) below the data root, in colour or as grayscale. */
public final class CifarProvider implements DatasetProvider {
    private final CifarLayout layout;
    private final boolean gray;
    private final URI archive;
    private final ArchiveFetcher fetcher;

    public CifarProvider(CifarLayout layout, boolean gray) {
        this(layout, gray, URI.create(layout.archiveUrl()), new ArchiveFetcher());
    }

    /** With another archive location (a mirror, or a local server in tests). */
    public CifarProvider(CifarLayout layout, boolean gray, URI archive, ArchiveFetcher fetcher) {
        this.layout = layout;
        this.gray = gray;
        this.archive = archive;
        this.fetcher = fetcher;
    }

    @Override
    public String name() {
        return layout.name() + (gray ? "-gray" : "");
    }

    @Override
    public String description() {
        int train = layout.splits().get("train").stream().mapToInt(CifarLayout.BinFile::records).sum();
        int test = layout.splits().get("test").stream().mapToInt(CifarLayout.BinFile::records).sum();
        return (layout.classCount() == 10 ? "CIFAR-10" : "CIFAR-100") + " binary release, " + train + " + " + test
                + " images of 32x32, " + layout.classCount() + " classes"
                + (gray ? ", as grayscale (L = 0.299R + 0.587G + 0.114B)" : ", RGB")
                + " [" + layout.folder() + "/]";
    }

    public Path folder(Path dataRoot) {
        return dataRoot.resolve(layout.folder());
    }

    @Override
    public boolean isPresent(Path dataRoot) {
        Path dir = folder(dataRoot);
        return layout.splits().values().stream().flatMap(List::stream)
                .allMatch(f -> Files.isRegularFile(dir.resolve(f.file())));
    }

    @Override
    public CifarDataset open(Path dataRoot) {
        Path dir = folder(dataRoot);
        if (!Files.isDirectory(dir)) {
            throw new UserInputException("data set " + name() + " not found: there is no folder " + dir,
                    howToGet(dataRoot));
        }
        return new CifarDataset(layout, dir, gray, classNames(dir), howToGet(dataRoot));
    }

    @Override
    public List<String> verify(Path dataRoot) {
        return open(dataRoot).verifyAll();
    }

    @Override
    public void fetch(Path dataRoot, ProgressListener progress) {
        if (isPresent(dataRoot)) {
            try {
                open(dataRoot).verifyAll();
                return; // complete and verified: nothing to do
            } catch (UserInputException e) {
                // fall through: a fresh copy replaces the damaged files
            }
        }
        fetcher.fetch(archive, layout.archiveMd5(), dataRoot, layout.folder(), byHand(dataRoot), progress);
        open(dataRoot).verifyAll();
    }

    @Override
    public String howToGet(Path dataRoot) {
        return "run 'lowfreq data fetch " + layout.name() + "', or " + byHand(dataRoot);
    }

    /** The manual route, for when lowfreq cannot download. */
    private String byHand(Path dataRoot) {
        String probe = layout.splits().get("test").get(0).file();
        return "download " + layout.archiveUrl() + " (MD5 " + layout.archiveMd5() + ") where there is internet and"
                + " unpack it in " + dataRoot + " so that " + folder(dataRoot).resolve(probe) + " exists"
                + " (tar xzf " + archiveName() + " -C " + dataRoot + "); or point --data-dir or LOWFREQ_DATA"
                + " at a folder that holds " + layout.folder() + "/";
    }

    private String archiveName() {
        String u = layout.archiveUrl();
        return u.substring(u.lastIndexOf('/') + 1);
    }

    private List<String> classNames(Path dir) {
        Path f = dir.resolve(layout.classNamesFile());
        if (Files.isRegularFile(f)) {
            try {
                List<String> names = Files.readAllLines(f).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
                if (names.size() == layout.classCount()) {
                    return names;
                }
            } catch (IOException e) {
                // the names are a convenience; the official ones are built in
            }
        }
        return layout.defaultClassNames();
    }
}
