package org.lowfreq.probes.hybrid;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.lowfreq.spi.Classifier;
import org.lowfreq.spi.Dataset;
import org.lowfreq.spi.Options;
import org.lowfreq.spi.ProbeContext;
import org.lowfreq.spi.ProgressListener;
import org.lowfreq.spi.ResultRow;
import org.lowfreq.spi.ResultSink;

/** A result sink that keeps rows and, like the real table writer, refuses NaN without a note. */
public final class Sinks implements ResultSink {
    public final List<ResultRow> rows = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void accept(ResultRow row) {
        if (Double.isNaN(row.value()) && row.note().isEmpty()) {
            throw new IllegalArgumentException("metric " + row.metric() + " has no value and no note");
        }
        rows.add(row);
    }

    public List<ResultRow> metric(String name) {
        return rows.stream().filter(r -> r.metric().equals(name)).toList();
    }

    public ResultRow pooled(String name) {
        return rows.stream().filter(r -> r.metric().equals(name) && r.seed() == -1).findFirst().orElseThrow();
    }

    public static ProbeContext context(Classifier c, Dataset d, Options o, long seed, int threads, Path out, Sinks sink) {
        return new ProbeContext(c, d, "test", o, seed, threads, out, ProgressListener.NONE, sink);
    }
}
