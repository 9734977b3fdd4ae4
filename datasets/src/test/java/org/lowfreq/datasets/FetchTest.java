package org.lowfreq.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowfreq.spi.ProgressListener;
import org.lowfreq.spi.UserInputException;

/** Unpacking and verification of archives, and the download path against a local server. */
class FetchTest {
    @TempDir
    Path tmp;

    private Map<String, byte[]> cifarLike(TestData.SmallCifar c) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("small-cifar/", new byte[0]);
        c.files().forEach((k, v) -> entries.put("small-cifar/" + k, v));
        entries.put("small-cifar/readme.html", "<p>x</p>".getBytes());
        return entries;
    }

    @Test
    void tarReaderExtractsFilesAndFolders() throws Exception {
        Map<String, byte[]> e = new LinkedHashMap<>();
        e.put("d/", new byte[0]);
        e.put("d/a.txt", "hello".getBytes());
        e.put("d/sub/b.bin", new byte[1300]);
        List<Path> files = TarReader.extract(new ByteArrayInputStream(TestData.tar(e, false)), tmp.resolve("x"), "t");
        assertThat(files).containsExactly(Path.of("d/a.txt"), Path.of("d/sub/b.bin"));
        assertThat(Files.readString(tmp.resolve("x/d/a.txt"))).isEqualTo("hello");
        assertThat(Files.size(tmp.resolve("x/d/sub/b.bin"))).isEqualTo(1300);
    }

    @Test
    void tarReaderRefusesEntriesOutsideTheFolderAndDamagedHeaders() throws Exception {
        byte[] evil = TestData.tar(Map.of("../evil.txt", "x".getBytes()), false);
        assertThatThrownBy(() -> TarReader.extract(new ByteArrayInputStream(evil), tmp.resolve("y"), "evil.tar"))
                .isInstanceOf(IOException.class).hasMessageContaining("outside");
        assertThat(tmp.resolve("evil.txt")).doesNotExist();
        byte[] ok = TestData.tar(Map.of("a.txt", "x".getBytes()), false);
        ok[10] ^= 1;
        assertThatThrownBy(() -> TarReader.extract(new ByteArrayInputStream(ok), tmp.resolve("z"), "bad.tar"))
                .hasMessageContaining("checksum");
    }

    @Test
    void installVerifiesUnpacksAndOpens() throws Exception {
        TestData.SmallCifar c = TestData.smallCifar(tmp.resolve("src"), 11);
        byte[] tgz = TestData.tar(cifarLike(c), true);
        Path archive = Files.write(tmp.resolve("small.tar.gz"), tgz);
        Path root = tmp.resolve("root");
        AtomicLong advanced = new AtomicLong();
        new ArchiveFetcher().install(archive, FileChecks.md5(tgz), root, "small-cifar", "hint", counting(advanced));
        assertThat(advanced.get()).isGreaterThanOrEqualTo(tgz.length);
        assertThat(Files.readAllBytes(root.resolve("small-cifar/t.bin"))).isEqualTo(c.files().get("t.bin"));
        assertThat(new CifarProvider(c.layout(), false).verify(root)).hasSize(3);
        try (var s = Files.list(root)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("small-cifar");
        }
    }

    @Test
    void installRefusesAWrongChecksumOrATruncatedArchive() throws Exception {
        TestData.SmallCifar c = TestData.smallCifar(tmp.resolve("src"), 12);
        byte[] tgz = TestData.tar(cifarLike(c), true);
        Path archive = Files.write(tmp.resolve("small.tar.gz"), tgz);
        Path root = tmp.resolve("root");
        assertThatThrownBy(() -> new ArchiveFetcher().install(archive, "0".repeat(32), root, "small-cifar", "hint",
                ProgressListener.NONE)).isInstanceOf(UserInputException.class).hasMessageContaining("MD5 mismatch")
                .hasMessageContaining(archive.toString());
        Path cut = Files.write(tmp.resolve("cut.tar.gz"), Arrays.copyOf(tgz, tgz.length - 100));
        assertThatThrownBy(() -> new ArchiveFetcher().install(cut, null, root, "small-cifar", "hint",
                ProgressListener.NONE)).isInstanceOf(UserInputException.class).hasMessageContaining("cut.tar.gz");
        assertThat(root.resolve("small-cifar")).doesNotExist();
    }

    @Test
    void fetchDownloadsFromAServerAndReplacesADamagedFile() throws Exception {
        TestData.SmallCifar c = TestData.smallCifar(tmp.resolve("src"), 13);
        byte[] tgz = TestData.tar(cifarLike(c), true);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/small.tar.gz", ex -> {
            ex.sendResponseHeaders(200, tgz.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(tgz);
            }
        });
        server.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/small.tar.gz");
            CifarLayout layout = withArchive(c.layout(), FileChecks.md5(tgz));
            CifarProvider p = new CifarProvider(layout, false, url, new ArchiveFetcher());
            Path root = tmp.resolve("root");
            Files.createDirectories(root.resolve("small-cifar"));
            Files.write(root.resolve("small-cifar/t.bin"), new byte[4 * 3073]); // damaged
            AtomicLong advanced = new AtomicLong();
            p.fetch(root, counting(advanced));
            assertThat(advanced.get()).isGreaterThanOrEqualTo(2L * tgz.length); // download + checksum
            assertThat(p.verify(root)).hasSize(3);
            assertThat(Files.readAllBytes(root.resolve("small-cifar/t.bin"))).isEqualTo(c.files().get("t.bin"));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void offlineFetchFailsQuicklyAndSaysWhereToPutTheFiles() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        URI url = URI.create("http://127.0.0.1:" + port + "/cifar-10-binary.tar.gz");
        CifarProvider p = new CifarProvider(CifarLayout.cifar10(), false, url, new ArchiveFetcher(Duration.ofSeconds(5)));
        Path root = tmp.resolve("root");
        assertThatThrownBy(() -> p.fetch(root, ProgressListener.NONE)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("cannot download")
                .satisfies(e -> assertThat(((UserInputException) e).hint())
                        .contains(root.resolve("cifar-10-batches-bin").toString()));
        try (var s = Files.list(root)) {
            assertThat(s.toList()).isEmpty(); // no .part file left behind
        }
    }

    private static CifarLayout withArchive(CifarLayout l, String md5) {
        return new CifarLayout(l.name(), l.folder(), l.labelBytes(), l.labelIndex(), l.classCount(), l.splits(),
                l.classNamesFile(), l.defaultClassNames(), l.archiveUrl(), md5);
    }

    private static ProgressListener counting(AtomicLong n) {
        return new ProgressListener() {
            @Override
            public void start(String task, long total) {
            }

            @Override
            public void advance(long steps) {
                n.addAndGet(steps);
            }
        };
    }
}
