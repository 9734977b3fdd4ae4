package org.lowfreq.analysis.results;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.lowfreq.spi.ResultColumns;
import org.lowfreq.spi.UserInputException;

/** Reads a tidy {@code results.csv}, refusing any file whose header is not {@link ResultColumns#ALL}. */
public final class ResultTable {
    private ResultTable() {
    }

    /** Rows as column-name to text maps, in file order. */
    public static List<Map<String, String>> read(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            List<String> header = p.getHeaderNames();
            if (!header.equals(ResultColumns.ALL)) {
                throw new UserInputException(file + " does not have the lowfreq results schema",
                        "expected columns " + ResultColumns.ALL + " but found " + header);
            }
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord rec : p) {
                if (rec.size() != header.size()) {
                    throw new UserInputException(file + " line " + rec.getRecordNumber() + 1 + " has " + rec.size()
                            + " fields, not " + header.size());
                }
                Map<String, String> m = new LinkedHashMap<>();
                for (String h : header) {
                    m.put(h, rec.get(h));
                }
                rows.add(m);
            }
            return rows;
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            throw new UserInputException("cannot read results table " + file + ": " + e.getMessage());
        }
    }
}
