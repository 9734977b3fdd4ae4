package org.lowfreq.spi;

import java.util.List;

/**
 * The columns of every tidy {@code results.csv} lowfreq writes, in order. One schema for all
 * probes, attacks and evaluations, so {@code lowfreq collect} can join them.
 */
public final class ResultColumns {
    /** Model and provenance columns first, then the {@link ResultRow} fields. */
    public static final List<String> ALL = List.of(
            "model", "family", "arch", "blur_sigma", "pca_k", "model_seed", "backend",
            "dataset", "split", "n_images", "probe",
            "parameter", "parameter_value", "group", "seed", "metric", "value", "note",
            "lowfreq_version", "created_utc");

    private ResultColumns() {
    }
}
