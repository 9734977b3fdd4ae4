package org.lowfreq.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.lowfreq.datasets.npy.NpyArray;
import org.lowfreq.datasets.npy.NpyHeader;
import org.lowfreq.datasets.npy.NpyType;
import org.lowfreq.datasets.npy.NpyWriter;
import org.lowfreq.spi.Dataset;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.UserInputException;

/**
 * A corrupted test set in the official CIFAR-10-C layout: one {@code <corruption>.npy} per
 * corruption, uint8 of shape (5 n, H, W, 3) with severities 1..5 stacked in order, plus
 * {@code labels.npy} (n or 5 n integers). Splits are named {@code <corruption>-<severity>}, e.g.
 * {@code gaussian_noise-3}. Headers and sizes of all files are checked when opened; a slice is read
 * from disk on demand.
 */
public final class CorruptedSet implements Dataset {
    public static final int SEVERITIES = 5;
    public static final String LABELS = "labels.npy";

    private final String name;
    private final Path dir;
    private final List<String> classNames;
    private final List<String> corruptions;
    private final int perSeverity;
    private final ImageShape shape;
    private final int[] labels;

    /** Opens and checks a folder; {@code hint} says how to get the files when absent. */
    public CorruptedSet(String name, Path dir, List<String> classNames, String hint) {
        this.name = name;
        this.dir = dir;
        this.classNames = List.copyOf(classNames);
        Path labelFile = dir.resolve(LABELS);
        if (!Files.isRegularFile(labelFile)) {
            throw new UserInputException("data set " + name + " not found: no " + labelFile, hint);
        }
        try (Stream<Path> s = Files.list(dir)) {
            corruptions = s.map(p -> p.getFileName().toString())
                    .filter(f -> f.endsWith(".npy") && !f.equals(LABELS))
                    .map(f -> f.substring(0, f.length() - 4)).sorted().toList();
        } catch (IOException e) {
            throw new UserInputException("cannot list " + dir + ": " + e.getMessage(), hint, e);
        }
        if (corruptions.isEmpty()) {
            throw new UserInputException("data set " + name + " has labels but no <corruption>.npy files in " + dir, hint);
        }
        int n = -1;
        ImageShape sh = null;
        for (String c : corruptions) {
            Path f = file(c);
            NpyHeader h = NpyArray.readHeader(f);
            int[] s = h.shape();
            if (h.descr().type() != NpyType.UINT8 || s.length != 4 || (s[3] != 3 && s[3] != 1)) {
                throw new UserInputException("file " + f + " holds " + h + ", not uint8 (N, H, W, 3) images", hint);
            }
            if (s[0] % SEVERITIES != 0) {
                throw new UserInputException("file " + f + " holds " + s[0] + " images, not " + SEVERITIES
                        + " equal severities", hint);
            }
            ImageShape here = new ImageShape(s[1], s[2], s[3]);
            if (n < 0) {
                n = s[0] / SEVERITIES;
                sh = here;
            } else if (n != s[0] / SEVERITIES || !sh.equals(here)) {
                throw new UserInputException("file " + f + " holds " + s[0] + " images of " + here + " but "
                        + file(corruptions.get(0)) + " holds " + n * SEVERITIES + " of " + sh, hint);
            }
        }
        this.perSeverity = n;
        this.shape = sh;
        int[] all = NpyArray.read(labelFile).toInts();
        if (all.length != n && all.length != n * SEVERITIES) {
            throw new UserInputException("file " + labelFile + " holds " + all.length + " labels but the images need "
                    + n + " or " + n * SEVERITIES, hint);
        }
        this.labels = Arrays.copyOf(all, n);
        for (int k = 0; k < all.length; k++) {
            if (all[k] < 0 || all[k] >= classNames.size()) {
                throw new UserInputException("file " + labelFile + " has label " + all[k] + " at " + k + " but "
                        + name + " has " + classNames.size() + " classes", hint);
            }
            if (all[k] != labels[k % n]) {
                throw new UserInputException("file " + labelFile + " does not repeat the same labels for each severity"
                        + " (index " + k + ")", hint);
            }
        }
    }

    private Path file(String corruption) {
        return dir.resolve(corruption + ".npy");
    }

    public List<String> corruptions() {
        return corruptions;
    }

    /** Images per severity. */
    public int perSeverity() {
        return perSeverity;
    }

    /** All images of one corruption at one severity (1..5), labelled. */
    public Images slice(String corruption, int severity) {
        return read(split(corruption, severity), 0, perSeverity);
    }

    public static String split(String corruption, int severity) {
        return corruption + "-" + severity;
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
        List<String> out = new ArrayList<>();
        for (String c : corruptions) {
            for (int s = 1; s <= SEVERITIES; s++) {
                out.add(split(c, s));
            }
        }
        return out;
    }

    @Override
    public int size(String split) {
        requireSplit(split);
        return perSeverity;
    }

    @Override
    public Images read(String split, int from, int count) {
        requireSplit(split);
        int dash = split.lastIndexOf('-');
        String corruption = split.substring(0, dash);
        int severity = Integer.parseInt(split.substring(dash + 1));
        if (from < 0 || count < 0 || from + count > perSeverity) {
            throw new UserInputException("images [" + from + ", " + (from + count) + ") are outside split " + split
                    + " of " + name + " (" + perSeverity + " images)");
        }
        byte[] raw = NpyArray.readRows(file(corruption), (long) (severity - 1) * perSeverity + from, count).uint8();
        float[] px = new float[raw.length];
        for (int i = 0; i < raw.length; i++) {
            px[i] = (raw[i] & 0xff) / 255f;
        }
        return new Images(count, shape, px, Arrays.copyOfRange(labels, from, from + count));
    }

    /** One line per file: shape checked when opened. */
    public List<String> describeFiles() {
        List<String> lines = new ArrayList<>();
        for (String c : corruptions) {
            lines.add(c + ".npy: " + SEVERITIES + " x " + perSeverity + " images of " + shape + " ok");
        }
        lines.add(LABELS + ": " + perSeverity + " labels ok");
        return lines;
    }

    /**
     * Writes one corruption in this layout: the five severities (each the same count and shape, in
     * [0, 1]) are quantised to uint8 by rounding and stacked.
     */
    public static void writeCorruption(Path dir, String corruption, List<Images> severities) {
        if (severities.size() != SEVERITIES) {
            throw new UserInputException("a -C set needs " + SEVERITIES + " severities of " + corruption + ", got "
                    + severities.size());
        }
        Images all = Images.concat(severities);
        ImageShape s = all.shape();
        float[] px = all.pixels();
        byte[] out = new byte[px.length];
        for (int i = 0; i < px.length; i++) {
            out[i] = (byte) Math.round(Math.max(0f, Math.min(1f, px[i])) * 255f);
        }
        NpyWriter.writeUint8(dir.resolve(corruption + ".npy"), new int[] {all.count(), s.height(), s.width(), s.channels()},
                out);
    }

    /** Writes {@code labels.npy} as the official sets do: int64, the labels repeated for each severity. */
    public static void writeLabels(Path dir, int[] labels) {
        long[] all = new long[labels.length * SEVERITIES];
        for (int k = 0; k < all.length; k++) {
            all[k] = labels[k % labels.length];
        }
        NpyWriter.writeInt64(dir.resolve(LABELS), new int[] {all.length}, all);
    }
}
