package org.lowfreq.analysis.results;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.lowfreq.spi.UserInputException;

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
        try {
            Path dir = target.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            try {
                try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                     CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(header)
                             .setRecordSeparator("\n").get())) {
                    rows.print(p);
                }
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return target;
        } catch (IOException e) {
            throw new UserInputException("cannot write " + target + ": " + e.getMessage());
        }
    }
}
