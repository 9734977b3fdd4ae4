package org.lowfreq.corruptions;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import javax.imageio.ImageIO;
import org.lowfreq.datasets.CifarLayout;
import org.lowfreq.datasets.CifarProvider;
import org.lowfreq.datasets.CorruptedSet;
import org.lowfreq.spi.Dataset;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.UserInputException;

/**
 * A montage of one test image: rows = corruptions, columns = clean and severities 1..5, read back
 * from a -C set folder (so it also shows that the files reload).
 *
 * <p>{@code java -cp ... org.lowfreq.corruptions.Montage DATA_ROOT C_SET_DIR OUT.png [INDEX]}
 */
public final class Montage {
    private static final int SCALE = 3;
    private static final int LABEL = 150;
    private static final int HEADER = 24;

    private Montage() {
    }

    public static BufferedImage draw(Images clean, int index, CorruptedSet set, List<String> corruptions) {
        int h = clean.shape().height() * SCALE;
        int w = clean.shape().width() * SCALE;
        BufferedImage out = new BufferedImage(LABEL + 6 * (w + 2), HEADER + corruptions.size() * (h + 2),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            String[] heads = {"clean", "1", "2", "3", "4", "5"};
            for (int j = 0; j < 6; j++) {
                g.drawString(heads[j], LABEL + j * (w + 2) + w / 2 - 8, HEADER - 7);
            }
            for (int r = 0; r < corruptions.size(); r++) {
                String c = corruptions.get(r);
                int y = HEADER + r * (h + 2);
                g.drawString(c, 6, y + h / 2 + 4);
                paint(out, clean.image(index), clean.shape().width(), LABEL, y);
                for (int s = 1; s <= 5; s++) {
                    Images one = set.read(CorruptedSet.split(c, s), index, 1);
                    paint(out, one.image(0), clean.shape().width(), LABEL + s * (w + 2), y);
                }
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    private static void paint(BufferedImage out, float[] img, int width, int x0, int y0) {
        int height = img.length / 3 / width;
        for (int y = 0; y < height * SCALE; y++) {
            for (int x = 0; x < width * SCALE; x++) {
                int p = ((y / SCALE) * width + x / SCALE) * 3;
                int rgb = (Math.round(img[p] * 255) << 16) | (Math.round(img[p + 1] * 255) << 8) | Math.round(img[p + 2] * 255);
                out.setRGB(x0 + x, y0 + y, rgb);
            }
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            throw new UserInputException("usage: Montage DATA_ROOT C_SET_DIR OUT.png [INDEX]");
        }
        Dataset cifar = new CifarProvider(CifarLayout.cifar10(), false).open(Path.of(args[0]));
        int index = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        Images clean = cifar.read("test", 0, index + 1);
        CorruptedSet set = new CorruptedSet("cifar10-c", Path.of(args[1]), cifar.classNames(), "");
        List<String> order = new Corruptions(FrostImages.fromEnvironment(null)).all().stream()
                .map(org.lowfreq.spi.Corruption::name).filter(set.corruptions()::contains).toList();
        BufferedImage img = draw(clean, index, set, order);
        Path out = Path.of(args[2]);
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        ImageIO.write(img, "png", tmp.toFile());
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("montage: " + out.toAbsolutePath() + " (test image " + index + ", label "
                + cifar.classNames().get(clean.labels()[index]) + ")");
    }
}
