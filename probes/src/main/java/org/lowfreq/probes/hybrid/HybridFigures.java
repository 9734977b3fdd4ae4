package org.lowfreq.probes.hybrid;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.lowfreq.probes.hybrid.HybridCurves.SeedCurves;
import org.lowfreq.spi.Images;

/** The hybrid probe's figures (docs/METHODS.md 9). */
final class HybridFigures {
    static final String EXAMPLES = "hybrid-examples.png";
    static final String D_CURVE = "hybrid-d-curve.png";
    static final String OTHER_CONFIDENCE = "hybrid-other-confidence.png";
    private static final String X_LABEL = "f_mix (normalised spatial frequency, Nyquist = 1)";

    private HybridFigures() {
    }

    /** Reads the images at the given indices of the probed split (only the few the example figure shows). */
    interface ImageReader {
        Images read(int[] indices);
    }

    static void write(Path dir, String model, int[] labels, ImageReader reader, List<String> classNames,
                      HybridImageProbe.Result r, int examples) {
        if (examples > 0) {
            Figures.writeImage(dir.resolve(EXAMPLES), examples(labels, reader, classNames, r, examples));
        }
        Figures.writeChart(dir.resolve(D_CURVE), dCurve(model, r), 900, 560);
        Figures.writeChart(dir.resolve(OTHER_CONFIDENCE), otherAndConfidence(model, r), 900, 720);
    }

    /** Rows = pairs of the first seed, columns = low source, high source, then each f_mix. */
    static BufferedImage examples(int[] labels, ImageReader reader, List<String> classNames, HybridImageProbe.Result r,
                                  int count) {
        MixGrid grid = r.grid();
        int n = labels.length;
        int rows = Math.min(count, n);
        int[] low = new int[rows];
        int[] high = new int[rows];
        int[] partner = r.outcomes().get(0).partner();
        // evenly spaced through the set, moving on to the next image of a class not shown yet
        java.util.Set<Integer> shown = new java.util.HashSet<>();
        for (int j = 0; j < rows; j++) {
            int start = (int) ((long) j * n / rows);
            int i = start;
            for (int step = 0; step < n; step++) {
                int candidate = (start + step) % n;
                if (!shown.contains(labels[candidate])) {
                    i = candidate;
                    break;
                }
            }
            low[j] = i % n;
            shown.add(labels[low[j]]);
            high[j] = partner[low[j]];
        }
        List<boolean[]> masks = new ArrayList<>();
        for (int g = 0; g < grid.size(); g++) {
            masks.add(grid.maskView(grid.maskOf(g)));
        }
        // the shown sources only: low sources first, then their high partners
        int[] wanted = new int[2 * rows];
        int[] lowAt = new int[rows];
        int[] highAt = new int[rows];
        for (int j = 0; j < rows; j++) {
            wanted[j] = low[j];
            wanted[rows + j] = high[j];
            lowAt[j] = j;
            highAt[j] = rows + j;
        }
        Images images = reader.read(wanted);
        float[][] hybrids = new HybridMixer(images.shape()).mix(images.pixels(), lowAt, highAt, masks);
        int h = images.shape().height();
        int w = images.shape().width();
        int scale = Math.max(1, 72 / Math.max(h, w));
        int cellW = w * scale + 6;
        int cellH = h * scale + 6;
        int left = 150;
        int top = 40;
        int cols = grid.size() + 2;
        BufferedImage img = new BufferedImage(left + cols * cellW + 10, top + rows * cellH + 30,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Figures.canvas(img);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        g.drawString("low src", left + 2, top - 8);
        g.drawString("high src", left + cellW + 2, top - 8);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int c = 0; c < grid.size(); c++) {
            g.drawString(String.format(Locale.ROOT, "%.2f", grid.fMix(c)), left + (c + 2) * cellW + 4, top - 8);
        }
        int size = images.shape().size();
        for (int j = 0; j < rows; j++) {
            int y = top + j * cellH;
            g.drawString("low: " + name(classNames, labels[low[j]]), 6, y + cellH / 2 - 4);
            g.drawString("high: " + name(classNames, labels[high[j]]), 6, y + cellH / 2 + 12);
            Figures.drawImage(g, images.pixels(), images.offset(lowAt[j]), images.shape(), left, y, scale);
            Figures.drawImage(g, images.pixels(), images.offset(highAt[j]), images.shape(), left + cellW, y, scale);
            for (int c = 0; c < grid.size(); c++) {
                Figures.drawImage(g, hybrids[c], j * size, images.shape(), left + (c + 2) * cellW, y, scale);
            }
        }
        g.drawString("columns: f_mix (normalised, Nyquist = 1); hybrid = low-pass(|f| <= 0.5 f_mix) of low src "
                + "+ the rest of high src; seed " + r.seeds().get(0), 6, img.getHeight() - 10);
        g.dispose();
        return img;
    }

    private static String name(List<String> classNames, int label) {
        return label < classNames.size() ? classNames.get(label) : Integer.toString(label);
    }

    static JFreeChart dCurve(String model, HybridImageProbe.Result r) {
        XYPlot plot = seedPlot(r, c -> c.d(), r.meanD(), "D = p_low - p_high (fraction of hybrids)");
        plot.getRangeAxis().setRange(-1.02, 1.02);
        ((NumberAxis) plot.getRangeAxis()).setTickUnit(new org.jfree.chart.axis.NumberTickUnit(0.2));
        ValueMarker zero = new ValueMarker(0, java.awt.Color.GRAY, new java.awt.BasicStroke(1f));
        plot.addRangeMarker(zero);
        String title;
        if (!Double.isNaN(r.fRevMean())) {
            ValueMarker m = new ValueMarker(r.fRevMean(), Figures.MARKER, Figures.dashed());
            m.setLabel(String.format(Locale.ROOT, "f_rev = %.3f (mean of seeds)", r.fRevMean()));
            m.setLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
            m.setLabelPaint(Figures.MARKER);
            m.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
            m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
            plot.addDomainMarker(m);
            title = String.format(Locale.ROOT, "%s: D(f_mix), f_rev = %.3f norm = %.4f cycles/pixel", model,
                    r.fRevMean(), r.fRevMean() / 2);
        } else {
            title = model + ": D(f_mix) never crosses zero from below (no f_rev)";
        }
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 15), plot, true);
        return chart;
    }

    static JFreeChart otherAndConfidence(String model, HybridImageProbe.Result r) {
        int seeds = r.curves().size();
        double[] meanOther = mean(r, SeedCurves::pOther);
        double[] meanConf = mean(r, SeedCurves::confidence);
        XYPlot other = seedPlot(r, SeedCurves::pOther, meanOther, "p_other: third class (fraction of hybrids)");
        other.getRangeAxis().setRange(0, 1.02);
        XYPlot conf = seedPlot(r, SeedCurves::confidence, meanConf, "mean top-1 softmax probability");
        conf.getRangeAxis().setRange(0, 1.02);
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(axis(X_LABEL));
        combined.add(other, 1);
        combined.add(conf, 1);
        combined.setGap(12);
        combined.getDomainAxis().setRange(0, 1);
        for (XYPlot p : List.of(other, conf)) {
            p.getRangeAxis().setStandardTickUnits(NumberAxis.createStandardTickUnits());
            ((NumberAxis) p.getRangeAxis()).setTickUnit(new org.jfree.chart.axis.NumberTickUnit(0.2));
        }
        JFreeChart chart = new JFreeChart(model + ": third-class rate and confidence against f_mix (" + seeds
                + " seeds)", new Font(Font.SANS_SERIF, Font.BOLD, 15), combined, true);
        return chart;
    }

    private static double[] mean(HybridImageProbe.Result r, java.util.function.Function<SeedCurves, double[]> f) {
        double[] m = new double[r.grid().size()];
        for (SeedCurves c : r.curves()) {
            double[] v = f.apply(c);
            for (int g = 0; g < m.length; g++) {
                m[g] += v[g] / r.curves().size();
            }
        }
        return m;
    }

    private static XYPlot seedPlot(HybridImageProbe.Result r, java.util.function.Function<SeedCurves, double[]> f,
                                   double[] mean, String yLabel) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        double[] grid = r.grid().grid();
        for (int k = 0; k < r.curves().size(); k++) {
            XYSeries s = new XYSeries("seed " + r.seeds().get(k), false);
            double[] v = f.apply(r.curves().get(k));
            for (int g = 0; g < grid.length; g++) {
                s.add(grid[g], v[g]);
            }
            data.addSeries(s);
            renderer.setSeriesPaint(k, Figures.seedColour(k));
            renderer.setSeriesStroke(k, Figures.thin());
        }
        XYSeries m = new XYSeries("mean over seeds", false);
        for (int g = 0; g < grid.length; g++) {
            m.add(grid[g], mean[g]);
        }
        data.addSeries(m);
        int last = data.getSeriesCount() - 1;
        renderer.setSeriesPaint(last, Figures.MEAN);
        renderer.setSeriesStroke(last, Figures.thick());
        renderer.setSeriesShapesVisible(last, true);
        XYPlot plot = new XYPlot(data, axis(X_LABEL), axis(yLabel), renderer);
        plot.getDomainAxis().setRange(0, 1);
        plot.setBackgroundPaint(java.awt.Color.WHITE);
        plot.setDomainGridlinePaint(java.awt.Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(java.awt.Color.LIGHT_GRAY);
        return plot;
    }

    private static NumberAxis axis(String label) {
        NumberAxis a = new NumberAxis(label);
        a.setAutoRangeIncludesZero(false);
        a.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        return a;
    }
}
