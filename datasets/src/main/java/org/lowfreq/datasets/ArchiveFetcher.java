package org.lowfreq.datasets;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.lowfreq.spi.AtomicFiles;
import org.lowfreq.spi.ProgressListener;
import org.lowfreq.spi.UserInputException;

/**
 * Downloads an official {@code .tar.gz}, checks its MD5, unpacks it beside the data root and moves
 * the wanted folder's files into place one by one with atomic renames, so an interrupted fetch
 * leaves either the old files or complete new ones.
 */
public final class ArchiveFetcher {
    private final Duration connectTimeout;

    public ArchiveFetcher(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public ArchiveFetcher() {
        this(Duration.ofSeconds(10));
    }

    /**
     * Fetches {@code url} and installs its {@code folder} below {@code root}.
     *
     * @param hint how to get the files by hand, shown when the download fails
     */
    public void fetch(URI url, String md5, Path root, String folder, String hint, ProgressListener progress) {
        createRoot(root, hint);
        Path[] archive = new Path[1];
        try {
            download(url, () -> archive[0] = Files.createTempFile(root, ".fetch-" + folder, ".tar.gz.part"), hint,
                    progress);
            install(archive[0], md5, root, folder, hint, progress);
        } catch (IOException e) {
            throw new UserInputException("cannot fetch " + url + " into " + root + ": " + e.getMessage(), hint, e);
        } finally {
            deleteQuietly(archive[0]);
        }
    }

    /** Checks an archive already on disk and installs its {@code folder} below {@code root}. */
    public void install(Path archive, String md5, Path root, String folder, String hint, ProgressListener progress) {
        createRoot(root, hint);
        progress.start("checking " + archive.getFileName(), sizeOf(archive));
        String actual = FileChecks.md5(archive, progress);
        progress.finish();
        if (md5 != null && !actual.equalsIgnoreCase(md5)) {
            throw new UserInputException("MD5 mismatch for downloaded archive " + archive + ": got " + actual
                    + ", expected " + md5 + " (the download is damaged or the file changed upstream)", hint);
        }
        Path unpack = null;
        try {
            unpack = Files.createTempDirectory(root, ".unpack-" + folder);
            progress.start("unpacking " + archive.getFileName(), -1);
            List<Path> files;
            try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(archive), 1 << 16))) {
                files = TarReader.extract(in, unpack, archive.toString());
            } catch (IOException e) {
                throw new UserInputException("archive " + archive + " is damaged: " + e.getMessage(), hint, e);
            }
            progress.advance(files.size());
            progress.finish();
            Path src = unpack.resolve(folder);
            if (!Files.isDirectory(src)) {
                throw new UserInputException("archive " + archive + " has no folder " + folder + "/", hint);
            }
            Path dest = root.resolve(folder);
            Files.createDirectories(dest);
            try (Stream<Path> s = Files.walk(src)) {
                for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                    Path target = dest.resolve(src.relativize(f).toString());
                    Files.createDirectories(target.getParent());
                    AtomicFiles.move(f, target);
                }
            }
        } catch (IOException e) {
            throw new UserInputException("cannot unpack " + archive + " into " + root + ": " + e.getMessage(), hint, e);
        } finally {
            deleteTree(unpack);
        }
    }

    /** Makes the file to download into; called only once the server has answered. */
    private interface Target {
        Path create() throws IOException;
    }

    private void download(URI url, Target targetFile, String hint, ProgressListener progress) throws IOException {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        HttpRequest request = HttpRequest.newBuilder(url).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new UserInputException("cannot download " + url + " (" + describe(e) + "); are you offline?", hint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserInputException("download of " + url + " was interrupted", hint, e);
        }
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw new UserInputException("cannot download " + url + ": HTTP " + response.statusCode(), hint);
            }
            long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            Path target = targetFile.create();
            progress.start("downloading " + url, total);
            long got = 0;
            try (OutputStream out = Files.newOutputStream(target)) {
                byte[] buf = new byte[1 << 16];
                int n;
                while ((n = in.read(buf)) > 0) {
                    out.write(buf, 0, n);
                    got += n;
                    progress.advance(n);
                }
            } catch (IOException e) {
                throw new UserInputException("download of " + url + " broke off after " + got + " bytes ("
                        + describe(e) + ")", hint, e);
            }
            progress.finish();
            if (total >= 0 && got != total) {
                throw new UserInputException("download of " + url + " stopped at " + got + " of " + total + " bytes", hint);
            }
        }
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
    }

    private static void createRoot(Path root, String hint) {
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UserInputException("cannot create data folder " + root + ": " + e.getMessage(), hint, e);
        }
        if (!Files.isWritable(root)) {
            throw new UserInputException("data folder " + root + " is not writable",
                    "choose another one with --data-dir or LOWFREQ_DATA; " + hint);
        }
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a left-over .part file is harmless and named as such
            }
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // left-over temp folders start with '.unpack-' and may be deleted by hand
        }
    }
}
