package org.lowfreq.app.store;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.lowfreq.analysis.results.ResultTable;
import org.lowfreq.spi.ResultColumns;
import org.lowfreq.spi.UserInputException;

/** Joins tidy results tables (each checked against {@link ResultColumns#ALL}) into one, atomically. */
public final class StoreCollector {
    private StoreCollector() {
    }

    /** Writes the rows of {@code inputs}, in that order, to {@code out}; returns the row count. */
    public static int join(List<Path> inputs, Path out) {
        int n = 0;
        try {
            Files.createDirectories(out.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), "." + out.getFileName(), ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                 CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder()
                         .setHeader(ResultColumns.ALL.toArray(String[]::new)).setRecordSeparator("\n").get())) {
                for (Path in : inputs) {
                    for (Map<String, String> row : ResultTable.read(in)) {
                        p.printRecord(ResultColumns.ALL.stream().map(row::get).toList());
                        n++;
                    }
                }
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return n;
        } catch (IOException e) {
            throw new UserInputException("cannot write " + out + ": " + e.getMessage());
        }
    }
}
