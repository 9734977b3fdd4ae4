package org.lowfreq.analysis.results;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.lowfreq.spi.UserInputException;

/**
 * A CSV file of whole numbers with a header row, read by column name (other columns are ignored):
 * the user-supplied attack targets and hybrid pairs. Refuses, naming the file and line, a missing
 * column or a cell that is not a whole number; what the numbers must mean is the caller's check.
 */
public final class IntegerCsv {
    /**
     * The rows of the named columns.
     *
     * @param line   per row, its line in the file (1 = the header), for messages
     * @param values per row, the values in the order of the requested columns
     */
    public record Table(Path file, List<String> columns, long[] line, List<long[]> values) {
        public int rows() {
            return values.size();
        }

        /** Whether the file has this (requested) column. */
        public boolean has(String column) {
            return columns.contains(column);
        }

        /** The value of {@code column} in row r. */
        public long get(int r, String column) {
            int j = columns.indexOf(column);
            if (j < 0) {
                throw new IllegalArgumentException("no column " + column);
            }
            return values.get(r)[j];
        }

        /** "FILE line L": where row r came from. */
        public String where(int r) {
            return file + " line " + line[r];
        }
    }

    private IntegerCsv() {
    }

    /** Reads {@code columns} (a header row must name them) from {@code file}. */
    public static Table read(Path file, List<String> columns) {
        return read(file, columns, List.of());
    }

    /** As {@link #read(Path, List)}, plus the {@code optional} columns the header names ({@link Table#has}). */
    public static Table read(Path file, List<String> required, List<String> optional) {
        List<String> columns = new ArrayList<>(required);
        if (!Files.isRegularFile(file)) {
            throw new UserInputException("file " + file + " does not exist", "pass a CSV file with the header "
                    + String.join(",", columns));
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                     .setIgnoreEmptyLines(true).get().parse(r)) {
            Map<String, Integer> header = p.getHeaderMap();
            optional.stream().filter(header::containsKey).forEach(columns::add);
            for (String c : required) {
                if (!header.containsKey(c)) {
                    throw new UserInputException(file + " has no column '" + c + "' (header: "
                            + String.join(",", p.getHeaderNames()) + ")", "the first line must name the columns "
                            + String.join(",", required));
                }
            }
            List<long[]> values = new ArrayList<>();
            List<Long> lines = new ArrayList<>();
            for (CSVRecord rec : p) {
                long[] v = new long[columns.size()];
                for (int j = 0; j < v.length; j++) {
                    String cell = rec.isSet(columns.get(j)) ? rec.get(columns.get(j)) : "";
                    try {
                        v[j] = Long.parseLong(cell);
                    } catch (NumberFormatException e) {
                        throw new UserInputException(file + " line " + (rec.getRecordNumber() + 1) + ": " + columns.get(j)
                                + " '" + cell + "' is not a whole number");
                    }
                }
                values.add(v);
                lines.add(rec.getRecordNumber() + 1);
            }
            return new Table(file, List.copyOf(columns), lines.stream().mapToLong(Long::longValue).toArray(), values);
        } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException e) {
            throw new UserInputException("cannot read " + file + " as CSV: " + e.getMessage());
        }
    }
}
