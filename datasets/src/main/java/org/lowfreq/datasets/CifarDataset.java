package org.lowfreq.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.lowfreq.spi.Dataset;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.UserInputException;

/**
 * A CIFAR binary release opened from its folder. Sizes of all files are checked when opened; each
 * file's MD5 (where published) and label bytes are checked in full the first time any record of it
 * is read, before anything is decoded, so a corrupt file never yields images.
 */
public final class CifarDataset implements Dataset {
    private final CifarLayout layout;
    private final Path dir;
    private final boolean gray;
    private final List<String> classNames;
    private final String hint;
    private final Set<String> verified = ConcurrentHashMap.newKeySet();

    CifarDataset(CifarLayout layout, Path dir, boolean gray, List<String> classNames, String hint) {
        this.layout = layout;
        this.dir = dir;
        this.gray = gray;
        this.classNames = List.copyOf(classNames);
        this.hint = hint;
        for (List<CifarLayout.BinFile> files : layout.splits().values()) {
            for (CifarLayout.BinFile f : files) {
                FileChecks.requireSize(dir.resolve(f.file()), (long) f.records() * layout.recordBytes(), hint);
            }
        }
    }

    @Override
    public String name() {
        return layout.name() + (gray ? "-gray" : "");
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    @Override
    public ImageShape shape() {
        return new ImageShape(CifarLayout.SIDE, CifarLayout.SIDE, gray ? 1 : 3);
    }

    @Override
    public List<String> splits() {
        return List.of("train", "test");
    }

    @Override
    public int size(String split) {
        requireSplit(split);
        return layout.splits().get(split).stream().mapToInt(CifarLayout.BinFile::records).sum();
    }

    @Override
    public Images read(String split, int from, int count) {
        int size = size(split);
        if (from < 0 || count < 0 || from + count > size) {
            throw new UserInputException("images [" + from + ", " + (from + count) + ") are outside split " + split
                    + " of " + name() + " (" + size + " images)");
        }
        int channels = gray ? 1 : 3;
        float[] pixels = new float[count * CifarLayout.SIDE * CifarLayout.SIDE * channels];
        int[] labels = new int[count];
        int done = 0;
        int fileStart = 0;
        for (CifarLayout.BinFile f : layout.splits().get(split)) {
            int lo = Math.max(from + done, fileStart);
            int hi = Math.min(from + count, fileStart + f.records());
            if (lo < hi) {
                verifyFile(f);
                byte[] raw = readRecords(f, lo - fileStart, hi - lo);
                decode(raw, hi - lo, pixels, labels, done);
                done += hi - lo;
            }
            fileStart += f.records();
        }
        return new Images(count, shape(), pixels, labels);
    }

    /** Labels of a whole split without decoding pixels (verifies the files first). */
    public int[] labels(String split) {
        int n = size(split);
        int[] out = new int[n];
        int at = 0;
        for (CifarLayout.BinFile f : layout.splits().get(split)) {
            verifyFile(f);
            byte[] raw = readRecords(f, 0, f.records());
            for (int r = 0; r < f.records(); r++) {
                out[at++] = raw[r * layout.recordBytes() + layout.labelIndex()] & 0xff;
            }
        }
        return out;
    }

    /** Full check of every file; one line per file. */
    public List<String> verifyAll() {
        List<String> lines = new ArrayList<>();
        for (String split : splits()) {
            for (CifarLayout.BinFile f : layout.splits().get(split)) {
                verified.remove(f.file());
                String md5 = verifyFile(f);
                lines.add(f.file() + ": " + ((long) f.records() * layout.recordBytes()) + " bytes, MD5 " + md5
                        + (f.md5() == null ? " (no official per-file MD5; size and labels checked)" : " ok"));
            }
        }
        return lines;
    }

    private String verifyFile(CifarLayout.BinFile f) {
        if (verified.contains(f.file())) {
            return f.md5();
        }
        Path file = dir.resolve(f.file());
        long expectedSize = (long) f.records() * layout.recordBytes();
        FileChecks.requireSize(file, expectedSize, hint);
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        int rb = layout.recordBytes();
        byte[] buf = new byte[rb * 512];
        long record = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int filled;
            while ((filled = in.readNBytes(buf, 0, buf.length)) > 0) {
                md.update(buf, 0, filled);
                if (filled % rb != 0 && filled == buf.length) {
                    throw new IllegalStateException("buffer is a whole number of records");
                }
                for (int off = 0; off + rb <= filled; off += rb, record++) {
                    int label = buf[off + layout.labelIndex()] & 0xff;
                    if (label >= layout.classCount()) {
                        throw new UserInputException("file " + file + " is corrupt: record " + record + " has label "
                                + label + " but " + layout.name() + " has " + layout.classCount() + " classes", hint);
                    }
                }
            }
        } catch (IOException e) {
            throw new UserInputException("cannot read " + file + ": " + e.getMessage(), hint, e);
        }
        String md5 = HexFormat.of().formatHex(md.digest());
        if (f.md5() != null && !f.md5().equalsIgnoreCase(md5)) {
            throw new UserInputException("MD5 mismatch for " + file + ": got " + md5 + ", expected " + f.md5()
                    + " (the file is corrupt or not the official release)", hint);
        }
        verified.add(f.file());
        return md5;
    }

    private byte[] readRecords(CifarLayout.BinFile f, int first, int n) {
        Path file = dir.resolve(f.file());
        int rb = layout.recordBytes();
        byte[] raw = new byte[n * rb];
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.wrap(raw);
            long pos = (long) first * rb;
            while (b.hasRemaining()) {
                int k = ch.read(b, pos);
                if (k < 0) {
                    throw new UserInputException("file " + file + " ended early (truncated since it was verified?)", hint);
                }
                pos += k;
            }
        } catch (IOException e) {
            throw new UserInputException("cannot read " + file + ": " + e.getMessage(), hint, e);
        }
        return raw;
    }

    /** Planar CHW bytes of each record to interleaved HWC floats in [0, 1]. */
    private void decode(byte[] raw, int n, float[] pixels, int[] labels, int at) {
        int rb = layout.recordBytes();
        int plane = CifarLayout.SIDE * CifarLayout.SIDE;
        for (int r = 0; r < n; r++) {
            int base = r * rb;
            labels[at + r] = raw[base + layout.labelIndex()] & 0xff;
            int px = base + layout.labelBytes();
            if (gray) {
                int out = (at + r) * plane;
                for (int p = 0; p < plane; p++) {
                    float v = Grayscale.WR * (raw[px + p] & 0xff) + Grayscale.WG * (raw[px + plane + p] & 0xff)
                            + Grayscale.WB * (raw[px + 2 * plane + p] & 0xff);
                    pixels[out + p] = Math.min(1f, v / 255f);
                }
            } else {
                int out = (at + r) * plane * 3;
                for (int p = 0; p < plane; p++) {
                    pixels[out + 3 * p] = (raw[px + p] & 0xff) / 255f;
                    pixels[out + 3 * p + 1] = (raw[px + plane + p] & 0xff) / 255f;
                    pixels[out + 3 * p + 2] = (raw[px + 2 * plane + p] & 0xff) / 255f;
                }
            }
        }
    }

    @Override
    public String toString() {
        return name() + " at " + dir;
    }
}
