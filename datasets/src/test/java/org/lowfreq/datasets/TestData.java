package org.lowfreq.datasets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/** Helpers that build small data files for tests. */
final class TestData {
    private TestData() {
    }

    /** A ustar archive (optionally gzip-compressed) of the given files, in order. */
    static byte[] tar(Map<String, byte[]> files, boolean gzip) throws IOException {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        for (var e : files.entrySet()) {
            tar.write(tarHeader(e.getKey(), e.getValue().length, e.getKey().endsWith("/") ? '5' : '0'));
            tar.write(e.getValue());
            tar.write(new byte[(512 - e.getValue().length % 512) % 512]);
        }
        tar.write(new byte[1024]);
        if (!gzip) {
            return tar.toByteArray();
        }
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(tar.toByteArray());
        }
        return gz.toByteArray();
    }

    static byte[] tarHeader(String name, long size, char type) {
        byte[] h = new byte[512];
        put(h, 0, name);
        put(h, 100, "0000644");
        put(h, 108, "0000000");
        put(h, 116, "0000000");
        put(h, 124, String.format("%011o", size));
        put(h, 136, String.format("%011o", 0));
        h[156] = (byte) type;
        put(h, 257, "ustar");
        h[263] = '0';
        h[264] = '0';
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, String.format("%06o", sum));
        h[154] = 0;
        h[155] = ' ';
        return h;
    }

    private static void put(byte[] h, int off, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, h, off, b.length);
    }

    /** A tiny CIFAR-like layout whose files are random bytes with valid labels. */
    record SmallCifar(CifarLayout layout, Path root, Map<String, byte[]> files) {
    }

    /**
     * Writes a CIFAR-10-style folder with two train files of 3 and 2 records and a test file of 4,
     * and a layout whose MD5s match them.
     */
    static SmallCifar smallCifar(Path root, long seed) throws IOException {
        Random rnd = new Random(seed);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("a.bin", records(3, rnd));
        files.put("b.bin", records(2, rnd));
        files.put("t.bin", records(4, rnd));
        Path dir = root.resolve("small-cifar");
        Files.createDirectories(dir);
        for (var e : files.entrySet()) {
            Files.write(dir.resolve(e.getKey()), e.getValue());
        }
        CifarLayout layout = new CifarLayout("small", "small-cifar", 1, 0, 10,
                Map.of("train", List.of(bin("a.bin", 3, files), bin("b.bin", 2, files)),
                        "test", List.of(bin("t.bin", 4, files))),
                "names.txt", CifarLayout.cifar10().defaultClassNames(), "http://127.0.0.1:9/small.tar.gz", null);
        return new SmallCifar(layout, root, files);
    }

    private static CifarLayout.BinFile bin(String name, int n, Map<String, byte[]> files) {
        return new CifarLayout.BinFile(name, n, FileChecks.md5(files.get(name)));
    }

    static byte[] records(int n, Random rnd) {
        byte[] b = new byte[n * 3073];
        rnd.nextBytes(b);
        for (int r = 0; r < n; r++) {
            b[r * 3073] = (byte) rnd.nextInt(10);
        }
        return b;
    }
}
