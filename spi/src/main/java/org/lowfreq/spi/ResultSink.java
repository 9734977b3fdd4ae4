package org.lowfreq.spi;

/** Where a probe puts its tidy rows. Thread-safe. */
public interface ResultSink {
    void accept(ResultRow row);
}
