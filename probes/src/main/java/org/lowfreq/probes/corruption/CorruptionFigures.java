package org.lowfreq.probes.corruption;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.lowfreq.analysis.spectrum.PowerSpectrum;
import org.lowfreq.analysis.spectrum.SpectrumCsv;
import org.lowfreq.analysis.spectrum.SpectrumFigures;

/**
 * The corruption probe's figures: accuracy against severity 1..5, one panel per group (low /
 * medium / high of the common corruptions; the extras in a panel of their own), clean accuracy as a
 * dashed reference line, never as a point of a curve; and the residual spectra per group.
 */
final class CorruptionFigures {
    private CorruptionFigures() {
    }

    static String title(String group) {
        return switch (group) {
            case CorruptionReadouts.EXTRAS -> "extra corruptions (not in -C accuracy)";
            case CorruptionReadouts.OTHER -> "other corruptions";
            default -> group + " frequency corruptions";
        };
    }

    static void write(Path outDir, Map<String, double[]> acc, double cleanAcc, Map<String, List<String>> groups,
                      Map<String, PowerSpectrum> spectra, int severity) {
        int w = 520;
        int h = 420;
        BufferedImage panel = new BufferedImage(w * Math.max(1, groups.size()), h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = panel.createGraphics();
        try {
            int i = 0;
            for (var e : groups.entrySet()) {
                g.drawImage(accuracyChart(title(e.getKey()), e.getValue(), acc, cleanAcc).createBufferedImage(w, h),
                        i * w, 0, null);
                i++;
            }
        } finally {
            g.dispose();
        }
        SpectrumFigures.writePng(panel, outDir.resolve("corruption_accuracy.png"));
        if (spectra.isEmpty()) {
            return;
        }
        for (var e : groups.entrySet()) {
            List<SpectrumFigures.Panel> panels = new ArrayList<>();
            List<SpectrumFigures.Curve> curves = new ArrayList<>();
            for (String c : e.getValue()) {
                PowerSpectrum s = spectra.get(c);
                if (s != null && s.totalPower() > 0) {
                    var curve = s.cumulativeRadial();
                    panels.add(new SpectrumFigures.Panel(c + String.format(Locale.ROOT, " (f0.5 %.3f cpp)",
                            curve.halfPowerFrequencyCpp()), s));
                    curves.add(new SpectrumFigures.Curve(c, curve));
                    SpectrumCsv.summary(s, curve, outDir.resolve("residual_spectrum_" + c + ".csv"));
                }
            }
            if (!panels.isEmpty()) {
                SpectrumFigures.heatMaps(panels, outDir.resolve("residual_spectra_" + e.getKey() + ".png"));
                SpectrumFigures.cumulativeRadial("residual power, " + title(e.getKey()) + ", severity " + severity,
                        curves, outDir.resolve("residual_cumulative_" + e.getKey() + ".png"));
            }
        }
    }

    /** Accuracy against severity 1..5 for each corruption; clean accuracy as a dashed marker. */
    static JFreeChart accuracyChart(String title, List<String> corruptions, Map<String, double[]> acc, double cleanAcc) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (String c : corruptions) {
            XYSeries series = new XYSeries(c);
            double[] a = acc.get(c);
            for (int s = 1; s <= a.length; s++) {
                series.add(s, a[s - 1]);
            }
            data.addSeries(series);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, "severity", "top-1 accuracy (fraction correct)", data,
                PlotOrientation.VERTICAL, true, false, false);
        var plot = chart.getXYPlot();
        plot.getRangeAxis().setRange(0, 1);
        plot.getDomainAxis().setRange(0.8, CorruptionReadouts.SEVERITIES + 0.2);
        plot.getDomainAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        ValueMarker clean = new ValueMarker(cleanAcc, Color.DARK_GRAY, new BasicStroke(1.2f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f));
        clean.setLabel(String.format(Locale.ROOT, "clean %.3f", cleanAcc));
        plot.addRangeMarker(clean);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }
}
