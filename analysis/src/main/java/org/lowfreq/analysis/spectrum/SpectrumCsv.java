package org.lowfreq.analysis.spectrum;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.lowfreq.spi.ResultRow;
import org.lowfreq.spi.UserInputException;

/**
 * Plain CSV tables of a spectrum, for plotting elsewhere; written atomically. Frequency columns
 * carry their unit: {@code _cpp} (cycles per pixel) and {@code _norm} (Nyquist = 1).
 */
public final class SpectrumCsv {
    private SpectrumCsv() {
    }

    /** Columns {@code a_cpp, a_norm, ratio}. */
    public static Path cumulativeRadial(RadialCumulative curve, Path csv) {
        return write(csv, new String[] {"a_cpp", "a_norm", "ratio"}, p -> {
            for (int j = 0; j < curve.radiusCpp().length; j++) {
                double a = curve.radiusCpp()[j];
                p.printRecord(num(a), num(PowerSpectrum.normalised(a)), num(curve.ratio()[j]));
            }
        });
    }

    /** Columns {@code fy_cpp, fx_cpp, power} for every bin (DC included with power 0), fftshifted order. */
    public static Path meanPower(PowerSpectrum s, Path csv) {
        double[] p = s.mean2d();
        return write(csv, new String[] {"fy_cpp", "fx_cpp", "power"}, printer -> {
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
        return write(csv, new String[] {"images", "channels", "total_power", "f_half_cpp", "f_half_norm"},
                p -> p.printRecord(s.images(), s.channels(), num(s.totalPower()),
                        num(curve.halfPowerFrequencyCpp()), num(curve.halfPowerFrequencyNorm())));
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "NaN" : ResultRow.formatNumber(v);
    }

    private interface Body {
        void print(CSVPrinter p) throws IOException;
    }

    private static Path write(Path csv, String[] header, Body body) {
        try {
            Path dir = csv.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + csv.getFileName(), ".tmp");
            try {
                try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                     CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(header)
                             .setRecordSeparator("\n").get())) {
                    body.print(p);
                }
                Files.move(tmp, csv, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return csv;
        } catch (IOException e) {
            throw new UserInputException("cannot write " + csv + ": " + e.getMessage());
        }
    }
}
