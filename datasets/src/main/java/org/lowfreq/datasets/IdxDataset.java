package org.lowfreq.datasets;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.lowfreq.spi.Dataset;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.UserInputException;

/**
 * MNIST-style IDX files (images {@code idx3-ubyte}, labels {@code idx1-ubyte}), raw or gzip. A split
 * is read and checked whole on first use (magic numbers, dimensions, exact length, label range,
 * and for gzip the CRC-32 and length in its trailer), then kept as bytes.
 */
public final class IdxDataset implements Dataset {
    static final Map<String, String> PREFIX = Map.of("train", "train", "test", "t10k");

    private final String name;
    private final Path dir;
    private final List<String> classNames;
    private final String hint;
    private final Map<String, Split> loaded = new ConcurrentHashMap<>();
    private final ImageShape shape;

    private record Split(int count, byte[] pixels, int[] labels) {
    }

    IdxDataset(String name, Path dir, List<String> classNames, String hint) {
        this.name = name;
        this.dir = dir;
        this.classNames = List.copyOf(classNames);
        this.hint = hint;
        for (String split : splits()) {
            file(split, "images", 3);
            file(split, "labels", 1);
        }
        this.shape = readShape(file("test", "images", 3));
    }

    /** The raw or gzip file of a split, or an error naming both candidates. */
    Path file(String split, String kind, int dims) {
        String base = PREFIX.get(split) + "-" + kind + "-idx" + dims + "-ubyte";
        Path raw = dir.resolve(base);
        if (Files.isRegularFile(raw)) {
            return raw;
        }
        Path gz = dir.resolve(base + ".gz");
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        throw new UserInputException("data set " + name + " is incomplete: neither " + raw + " nor " + gz + " exists",
                hint);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    @Override
    public ImageShape shape() {
        return shape;
    }

    @Override
    public List<String> splits() {
        return List.of("train", "test");
    }

    @Override
    public int size(String split) {
        requireSplit(split);
        return load(split).count();
    }

    @Override
    public Images read(String split, int from, int count) {
        Split s = load(split);
        if (from < 0 || count < 0 || from + count > s.count()) {
            throw new UserInputException("images [" + from + ", " + (from + count) + ") are outside split " + split
                    + " of " + name + " (" + s.count() + " images)");
        }
        int size = shape.size();
        float[] px = new float[count * size];
        for (int i = 0; i < px.length; i++) {
            px[i] = (s.pixels()[from * size + i] & 0xff) / 255f;
        }
        int[] labels = java.util.Arrays.copyOfRange(s.labels(), from, from + count);
        return new Images(count, shape, px, labels);
    }

    /** Reads and checks every file; one line per file. */
    public List<String> verifyAll() {
        loaded.clear();
        return splits().stream().flatMap(split -> {
            Split s = load(split);
            return java.util.stream.Stream.of(
                    file(split, "images", 3).getFileName() + ": " + s.count() + " images of " + shape + " ok",
                    file(split, "labels", 1).getFileName() + ": " + s.count() + " labels in [0, "
                            + classNames.size() + ") ok");
        }).toList();
    }

    private Split load(String split) {
        requireSplit(split);
        return loaded.computeIfAbsent(split, this::readSplit);
    }

    private Split readSplit(String split) {
        Path imgFile = file(split, "images", 3);
        Path lblFile = file(split, "labels", 1);
        ByteBuffer img = ByteBuffer.wrap(readAll(imgFile));
        ByteBuffer lbl = ByteBuffer.wrap(readAll(lblFile));
        int[] imgDims = header(img, imgFile, 3);
        int[] lblDims = header(lbl, lblFile, 1);
        long pixels = (long) imgDims[0] * imgDims[1] * imgDims[2];
        requireLength(img, imgFile, 16 + pixels);
        requireLength(lbl, lblFile, 8 + lblDims[0]);
        if (imgDims[0] != lblDims[0]) {
            throw new UserInputException(imgFile + " holds " + imgDims[0] + " images but " + lblFile + " holds "
                    + lblDims[0] + " labels", hint);
        }
        if (imgDims[1] != shape.height() || imgDims[2] != shape.width()) {
            throw new UserInputException(imgFile + " holds " + imgDims[1] + "x" + imgDims[2] + " images but the test split "
                    + shape.height() + "x" + shape.width(), hint);
        }
        int[] labels = new int[lblDims[0]];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = lbl.get(8 + i) & 0xff;
            if (labels[i] >= classNames.size()) {
                throw new UserInputException("file " + lblFile + " is corrupt: label " + i + " is " + labels[i]
                        + " but " + name + " has " + classNames.size() + " classes", hint);
            }
        }
        byte[] px = new byte[(int) pixels];
        img.get(16, px);
        return new Split(imgDims[0], px, labels);
    }

    private ImageShape readShape(Path imgFile) {
        byte[] head = new byte[16];
        try (InputStream in = open(imgFile)) {
            if (in.readNBytes(head, 0, 16) < 16) {
                throw new UserInputException("file " + imgFile + " is too short for an IDX header", hint);
            }
        } catch (IOException e) {
            throw damaged(imgFile, e);
        }
        int[] dims = header(ByteBuffer.wrap(head), imgFile, 3);
        return new ImageShape(dims[1], dims[2], 1);
    }

    private int[] header(ByteBuffer b, Path file, int dims) {
        if (b.limit() < 4 + 4 * dims) {
            throw new UserInputException("file " + file + " is too short for an IDX header", hint);
        }
        int magic = b.getInt(0);
        if (magic != (0x0800 | dims)) {
            throw new UserInputException("file " + file + " is not an IDX file of unsigned bytes with " + dims
                    + " dimension(s) (magic 0x" + Integer.toHexString(magic) + ")", hint);
        }
        int[] d = new int[dims];
        for (int i = 0; i < dims; i++) {
            d[i] = b.getInt(4 + 4 * i);
            if (d[i] <= 0) {
                throw new UserInputException("file " + file + " has dimension " + d[i], hint);
            }
        }
        return d;
    }

    private void requireLength(ByteBuffer b, Path file, long expected) {
        if (b.limit() != expected) {
            throw new UserInputException("file " + file + " holds " + b.limit() + " bytes of data but its header needs "
                    + expected + (b.limit() < expected ? " (truncated)" : " (trailing bytes)"), hint);
        }
    }

    private static InputStream open(Path f) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(f), 1 << 16);
        return f.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }

    private byte[] readAll(Path f) {
        try (InputStream in = open(f)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw damaged(f, e);
        }
    }

    private UserInputException damaged(Path f, IOException e) {
        String why = e instanceof EOFException ? "truncated" : e instanceof ZipException ? "corrupt gzip data" : e.getMessage();
        return new UserInputException("cannot read " + f + ": " + why, hint, e);
    }

    @Override
    public String toString() {
        return name + " at " + dir;
    }
}
