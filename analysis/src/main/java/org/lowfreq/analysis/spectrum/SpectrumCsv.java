package org.lowfreq.analysis.spectrum;

import java.nio.file.Path;
import org.lowfreq.analysis.results.AtomicCsv;
import org.lowfreq.spi.ResultRow;

/**
 * Plain CSV tables of a spectrum, for plotting elsewhere; written atomically. Frequency columns
 * carry their unit: {@code _cpp} (cycles per pixel) and {@code _norm} (Nyquist = 1).
 */
public final class SpectrumCsv {
    private SpectrumCsv() {
    }

    /** Columns {@code a_cpp, a_norm, ratio}. */
    public static Path cumulativeRadial(RadialCumulative curve, Path csv) {
        return AtomicCsv.write(csv, new String[] {"a_cpp", "a_norm", "ratio"}, p -> {
            for (int j = 0; j < curve.radiusCpp().length; j++) {
                double a = curve.radiusCpp()[j];
                p.printRecord(num(a), num(PowerSpectrum.normalised(a)), num(curve.ratio()[j]));
            }
        });
    }

    /** Columns {@code fy_cpp, fx_cpp, power} for every bin (DC included with power 0), fftshifted order. */
    public static Path meanPower(PowerSpectrum s, Path csv) {
        double[] p = s.mean2d();
        return AtomicCsv.write(csv, new String[] {"fy_cpp", "fx_cpp", "power"}, printer -> {
            for (int r = 0; r < s.height(); r++) {
                for (int c = 0; c < s.width(); c++) {
                    int k = ((r + s.height() - s.height() / 2) % s.height()) * s.width()
                            + (c + s.width() - s.width() / 2) % s.width();
                    printer.printRecord(num(s.shiftedRowFrequency(r)), num(s.shiftedColumnFrequency(c)), num(p[k]));
                }
            }
        });
    }

    /** One row: {@code images, channels, total_power, f_half_cpp, f_half_norm}. */
    public static Path summary(PowerSpectrum s, RadialCumulative curve, Path csv) {
        return AtomicCsv.write(csv, new String[] {"images", "channels", "total_power", "f_half_cpp", "f_half_norm"},
                p -> p.printRecord(s.images(), s.channels(), num(s.totalPower()),
                        num(curve.halfPowerFrequencyCpp()), num(curve.halfPowerFrequencyNorm())));
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "NaN" : ResultRow.formatNumber(v);
    }
}
