package org.lowfreq.analysis.results;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.lowfreq.spi.ModelCard;
import org.lowfreq.spi.ResultColumns;
import org.lowfreq.spi.ResultRow;
import org.lowfreq.spi.ResultSink;

/**
 * Collects tidy rows and writes them as one {@code results.csv} (columns {@link ResultColumns#ALL})
 * on {@link #commit()}: to a temporary file first, then renamed, so a crash never leaves a
 * half-written table. Closing without committing writes nothing.
 */
public final class ResultTableWriter implements ResultSink, AutoCloseable {
    private final Path target;
    private final Provenance provenance;
    private final String version;
    private final List<ResultRow> rows = new ArrayList<>();
    private boolean committed;

    public ResultTableWriter(Path target, Provenance provenance, String lowfreqVersion) {
        this.target = target;
        this.provenance = provenance;
        this.version = lowfreqVersion;
    }

    @Override
    public synchronized void accept(ResultRow row) {
        if (committed) {
            throw new IllegalStateException("results already written to " + target);
        }
        if (Double.isNaN(row.value()) && row.note().isEmpty()) {
            throw new IllegalArgumentException("metric " + row.metric() + " has no value: add a note saying why");
        }
        rows.add(row);
    }

    public synchronized List<ResultRow> rows() {
        return List.copyOf(rows);
    }

    /** Writes the table atomically. */
    public synchronized Path commit() {
        ModelCard c = provenance.card();
        String created = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        AtomicCsv.write(target, ResultColumns.ALL.toArray(String[]::new), p -> {
            for (ResultRow r : rows) {
                p.printRecord(c.name(), c.family(), c.arch(), ResultRow.formatNumber(c.blurSigma()),
                        c.pcaComponents(), c.seed(), c.backend(), provenance.dataset(), provenance.split(),
                        provenance.images(), provenance.probe(), r.parameter(), r.parameterValue(), r.group(),
                        r.seed(), r.metric(), Double.isNaN(r.value()) ? "NaN" : ResultRow.formatNumber(r.value()),
                        r.note(), version, created);
            }
        });
        committed = true;
        return target;
    }

    @Override
    public void close() {
        // Uncommitted rows are dropped on purpose: partial results must not look complete.
    }
}
