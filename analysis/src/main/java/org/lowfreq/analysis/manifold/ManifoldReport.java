package org.lowfreq.analysis.manifold;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lowfreq.analysis.figures.Palette;
import org.lowfreq.analysis.figures.XYFigure;
import org.lowfreq.analysis.report.HtmlPage;
import org.lowfreq.analysis.results.AtomicCsv;
import org.lowfreq.analysis.units.SpatialFrequency;
import org.lowfreq.spi.UserInputException;

/**
 * Writes the manifold analysis: {@code components.csv}, {@code scree.png},
 * {@code receptive-fields.png}, {@code spectra.png} and a self-contained {@code index.html}.
 */
public final class ManifoldReport {
    private static final int TILE = 150;

    private ManifoldReport() {
    }

    /** Writes everything into {@code outDir}; returns the HTML page. */
    public static Path write(ManifoldAnalysis.Result res, String source, Path outDir) {
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new UserInputException("cannot create " + outDir + ": " + e.getMessage());
        }
        writeCsv(res, outDir.resolve("components.csv"));
        byte[] scree = scree(res).png(760, 420);
        byte[] fields = XYFigure.Png.encode(receptiveFields(res));
        byte[] spectra = spectra(res).png(760, 460);
        write(outDir.resolve("scree.png"), scree);
        write(outDir.resolve("receptive-fields.png"), fields);
        write(outDir.resolve("spectra.png"), spectra);
        HtmlPage page = new HtmlPage("lowfreq manifold analysis");
        Pca pca = res.pca();
        page.paragraph(source + ": " + pca.n() + " stimuli x " + pca.m() + " neurons; images " + res.w() + " x " + res.h()
                + " px over " + fmt(res.fovDegrees()) + " degrees (" + fmt(res.w() / res.fovDegrees())
                + " px/degree). Participation ratio " + fmt(pca.participationRatio()) + ".");
        page.image(scree, "scree", "Fraction of response variance per principal component.");
        page.image(fields, "receptive fields", "Linear receptive field of each leading component: ridge regression of its "
                + "scores on the stimulus pixels, penalty by cross-validation. Blue negative, white 0, vermillion positive; "
                + "each field scaled to its own maximum |weight|.");
        page.image(spectra, "spectra", "Radial power spectrum of each component: the power spectra of the neurons' "
                + "receptive fields weighted by the squared loadings (angular mean, normalised to its maximum); the legend "
                + "gives the preferred frequency, the centre of that ring of power (analysis/README.md, 'Neural-manifold "
                + "analysis').");
        List<List<String>> rows = new ArrayList<>();
        for (ManifoldAnalysis.ComponentField c : res.components()) {
            rows.add(List.of("PC" + (c.index() + 1), fmt(c.varianceExplained()), fmt(c.preferredCpi()),
                    String.format(Locale.ROOT, "%.4f", c.preferredCpd()), fmt(c.cvR2()),
                    String.format(Locale.ROOT, "%.3g", c.lambda())));
        }
        page.table(List.of("component", "variance explained", "preferred (cycles/image)", "preferred (cycles/degree)",
                "CV R^2 of the field", "ridge lambda"), rows);
        Path index = outDir.resolve("index.html");
        page.write(index);
        return index;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static void write(Path file, byte[] bytes) {
        org.lowfreq.spi.AtomicFiles.write(file, out -> out.write(bytes));
    }

    static void writeCsv(ManifoldAnalysis.Result res, Path csv) {
        AtomicCsv.write(csv, new String[] {"component", "variance_explained", "cumulative_explained",
            "preferred_cycles_per_image", "preferred_cycles_per_degree", "preferred_cycles_per_pixel", "ridge_lambda",
            "cv_r2", "participation_ratio", "fov_degrees"}, p -> {
                double cum = 0;
                for (ManifoldAnalysis.ComponentField c : res.components()) {
                    cum += c.varianceExplained();
                    p.printRecord(c.index() + 1, c.varianceExplained(), cum, c.preferredCpi(), c.preferredCpd(),
                            SpatialFrequency.cyclesPerImageToCpp(c.preferredCpi(), res.w()), c.lambda(), c.cvR2(),
                            res.pca().participationRatio(), res.fovDegrees());
                }
            });
    }

    static XYFigure scree(ManifoldAnalysis.Result res) {
        int k = Math.min(30, res.pca().r());
        double[] x = new double[k];
        double[] y = new double[k];
        for (int i = 0; i < k; i++) {
            x[i] = i + 1;
            y[i] = res.pca().explained()[i];
        }
        XYFigure f = new XYFigure("Variance explained (participation ratio " + fmt(res.pca().participationRatio()) + ")",
                "principal component (rank)", "fraction of response variance");
        f.line(null, x, y, Palette.BLUE, 1.5f).points(null, x, y, Palette.BLUE, 7);
        return f.hideLegend();
    }

    static XYFigure spectra(ManifoldAnalysis.Result res) {
        XYFigure f = new XYFigure("Radial power spectra (fraction of maximum) vs spatial frequency (cycles/image)",
                "spatial frequency (cycles/image; / " + org.lowfreq.spi.ResultRow.formatNumber(res.fovDegrees()) + " = cycles/degree)",
                "power (angular mean, fraction of the maximum)");
        for (ManifoldAnalysis.ComponentField c : res.components()) {
            double[] r = c.spectrum().radiusCpi();
            double[] p = c.spectrum().meanPower().clone();
            double max = 0;
            for (int i = 1; i < p.length; i++) {
                if (Double.isFinite(p[i])) {
                    max = Math.max(max, p[i]);
                }
            }
            for (int i = 0; i < p.length; i++) {
                p[i] = max > 0 ? p[i] / max : Double.NaN;
            }
            Color colour = Palette.at(c.index() + 1);
            f.line("PC" + (c.index() + 1) + String.format(Locale.ROOT, " (%.2f c/img)", c.preferredCpi()),
                    java.util.Arrays.copyOfRange(r, 1, r.length), java.util.Arrays.copyOfRange(p, 1, p.length), colour, 1.8f);
        }
        return f.yRange(0, 1.05);
    }

    /** The fields as tiles on a blue-white-vermillion scale, each with its title. */
    static BufferedImage receptiveFields(ManifoldAnalysis.Result res) {
        List<BufferedImage> tiles = new ArrayList<>();
        for (ManifoldAnalysis.ComponentField c : res.components()) {
            BufferedImage t = new BufferedImage(TILE, TILE + 34, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = t.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, t.getWidth(), t.getHeight());
            double max = 0;
            for (double v : c.field()) {
                max = Math.max(max, Math.abs(v));
            }
            int h = res.h();
            int w = res.w();
            for (int y = 0; y < TILE; y++) {
                for (int x = 0; x < TILE; x++) {
                    double v = c.field()[(y * h / TILE) * w + x * w / TILE];
                    t.setRGB(x, y + 34, diverging(max > 0 ? v / max : 0).getRGB());
                }
            }
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
            g.drawString("PC" + (c.index() + 1) + String.format(Locale.ROOT, " (%.1f%% var.)", 100 * c.varianceExplained()), 4, 14);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            g.drawString(String.format(Locale.ROOT, "%.2f c/img, %.3f c/deg", c.preferredCpi(), c.preferredCpd()), 4, 29);
            g.dispose();
            tiles.add(t);
        }
        if (tiles.isEmpty()) {
            return new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        }
        return XYFigure.Png.tile(tiles, Math.min(4, tiles.size()));
    }

    /** -1 = Okabe-Ito blue, 0 = white, 1 = Okabe-Ito vermillion. */
    static Color diverging(double v) {
        double t = Math.max(-1, Math.min(1, v));
        Color end = t < 0 ? Palette.BLUE : Palette.VERMILLION;
        double a = Math.abs(t);
        return new Color((int) Math.round(255 + (end.getRed() - 255) * a), (int) Math.round(255 + (end.getGreen() - 255) * a),
                (int) Math.round(255 + (end.getBlue() - 255) * a));
    }
}
