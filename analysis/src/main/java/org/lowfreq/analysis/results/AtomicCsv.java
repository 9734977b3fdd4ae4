package org.lowfreq.analysis.results;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.lowfreq.spi.AtomicFiles;

/**
 * Writes a CSV file atomically: the rows go to a temporary file beside the target, which is then
 * renamed over it, so readers never see a half-written table. The one way every module writes CSV.
 */
public final class AtomicCsv {
    /** Prints the records of one table. */
    @FunctionalInterface
    public interface Rows {
        void print(CSVPrinter printer) throws IOException;
    }

    private AtomicCsv() {
    }

    /** Writes {@code header} and the rows to {@code target}; returns the target. */
    public static Path write(Path target, String[] header, Rows rows) {
        AtomicFiles.write(target, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(header).setRecordSeparator("\n").get());
            rows.print(p);
            p.flush();
        });
        return target;
    }
}
