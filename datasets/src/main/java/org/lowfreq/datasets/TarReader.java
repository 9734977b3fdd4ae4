package org.lowfreq.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Extracts a tar stream (POSIX ustar, with GNU long names and pax path records) into a folder.
 * Only regular files and folders are created; links and devices are skipped, and entries that
 * would land outside the folder are refused. Small on purpose: the archives lowfreq fetches are
 * plain data folders, so a library dependency is not worth it.
 */
public final class TarReader {
    private static final int BLOCK = 512;

    private TarReader() {
    }

    /** Extracts all entries; returns the regular files written, relative to {@code dest}. */
    public static List<Path> extract(InputStream in, Path dest, String source) throws IOException {
        Path root = dest.toAbsolutePath().normalize();
        Files.createDirectories(root);
        List<Path> written = new ArrayList<>();
        byte[] header = new byte[BLOCK];
        String longName = null;
        while (true) {
            int n = in.readNBytes(header, 0, BLOCK);
            if (n == 0) {
                return written; // some writers omit the two zero blocks
            }
            if (n < BLOCK) {
                throw new IOException("tar archive " + source + " ends inside a header");
            }
            if (isZero(header)) {
                return written;
            }
            checkChecksum(header, source);
            String name = longName != null ? longName : headerName(header);
            longName = null;
            long size = parseSize(header, source);
            char type = (char) header[156];
            switch (type) {
                case 'L' -> longName = trimNul(new String(readData(in, size, source), StandardCharsets.UTF_8));
                case 'x' -> longName = paxPath(readData(in, size, source));
                case '0', '\0', '7' -> {
                    Path target = safeResolve(root, name, source);
                    Files.createDirectories(target.getParent());
                    try (OutputStream out = Files.newOutputStream(target)) {
                        copy(in, out, size, source);
                    }
                    skipPadding(in, size, source);
                    written.add(root.relativize(target));
                }
                case '5' -> {
                    Files.createDirectories(safeResolve(root, name, source));
                    skipData(in, size, source);
                }
                default -> skipData(in, size, source); // links, devices, global pax headers
            }
        }
    }

    private static boolean isZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private static void checkChecksum(byte[] h, String source) throws IOException {
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += (i >= 148 && i < 156) ? ' ' : (h[i] & 0xff);
        }
        long stored = parseOctal(h, 148, 8, source);
        if (stored != sum) {
            throw new IOException("tar archive " + source + " has a damaged header (checksum " + stored
                    + " but bytes sum to " + sum + ")");
        }
    }

    private static String headerName(byte[] h) {
        String name = field(h, 0, 100);
        String magic = field(h, 257, 6);
        if (magic.startsWith("ustar")) {
            String prefix = field(h, 345, 155);
            if (!prefix.isEmpty()) {
                name = prefix + "/" + name;
            }
        }
        return name;
    }

    private static String field(byte[] h, int off, int len) {
        int end = off;
        while (end < off + len && h[end] != 0) {
            end++;
        }
        return new String(h, off, end - off, StandardCharsets.UTF_8);
    }

    private static String trimNul(String s) {
        int z = s.indexOf('\0');
        return z >= 0 ? s.substring(0, z) : s;
    }

    private static long parseSize(byte[] h, String source) throws IOException {
        if ((h[124] & 0x80) != 0) { // GNU base-256 for sizes of 8 GiB and more
            long v = h[124] & 0x7f;
            for (int i = 125; i < 136; i++) {
                v = (v << 8) | (h[i] & 0xff);
            }
            return v;
        }
        return parseOctal(h, 124, 12, source);
    }

    private static long parseOctal(byte[] h, int off, int len, String source) throws IOException {
        long v = 0;
        boolean any = false;
        for (int i = off; i < off + len; i++) {
            int c = h[i];
            if (c == 0 || c == ' ') {
                if (any) {
                    break;
                }
                continue;
            }
            if (c < '0' || c > '7') {
                throw new IOException("tar archive " + source + " has a malformed number in a header");
            }
            v = v * 8 + (c - '0');
            any = true;
        }
        return v;
    }

    private static String paxPath(byte[] data) {
        // records are "<length> <key>=<value>\n"
        String s = new String(data, StandardCharsets.UTF_8);
        for (String line : s.split("\n")) {
            int sp = line.indexOf(' ');
            String kv = sp >= 0 ? line.substring(sp + 1) : line;
            if (kv.startsWith("path=")) {
                return kv.substring(5);
            }
        }
        return null;
    }

    private static Path safeResolve(Path root, String name, String source) throws IOException {
        Path p = root.resolve(name).normalize();
        if (!p.startsWith(root)) {
            throw new IOException("tar archive " + source + " has an entry outside its folder: " + name);
        }
        return p;
    }

    private static byte[] readData(InputStream in, long size, String source) throws IOException {
        if (size > 1 << 20) {
            throw new IOException("tar archive " + source + " has an oversized extended header");
        }
        byte[] data = in.readNBytes((int) size);
        if (data.length < size) {
            throw new IOException("tar archive " + source + " is truncated");
        }
        skipPadding(in, size, source);
        return data;
    }

    private static void copy(InputStream in, OutputStream out, long size, String source) throws IOException {
        byte[] buf = new byte[1 << 16];
        long left = size;
        while (left > 0) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) {
                throw new IOException("tar archive " + source + " is truncated");
            }
            out.write(buf, 0, n);
            left -= n;
        }
    }

    private static void skipData(InputStream in, long size, String source) throws IOException {
        skipFully(in, size, source);
        skipPadding(in, size, source);
    }

    private static void skipPadding(InputStream in, long size, String source) throws IOException {
        long pad = (BLOCK - size % BLOCK) % BLOCK;
        skipFully(in, pad, source);
    }

    private static void skipFully(InputStream in, long n, String source) throws IOException {
        long left = n;
        while (left > 0) {
            long k = in.skip(left);
            if (k <= 0) {
                if (in.read() < 0) {
                    throw new IOException("tar archive " + source + " is truncated");
                }
                k = 1;
            }
            left -= k;
        }
    }
}
