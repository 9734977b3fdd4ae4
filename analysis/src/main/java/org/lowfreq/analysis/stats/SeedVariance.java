package org.lowfreq.analysis.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * docs/METHODS.md section 7: the spread of a measure over training seeds of one configuration, set
 * against the spread between families. A configuration is e.g. "blur sigma=1.5"; its values are one
 * per model (seed). The between-family spread is the sd of the family means (each family's mean
 * over all its models), so a family with many seeds counts once.
 *
 * @param measure          what was measured, with its unit
 * @param configurations   per configuration: its values' statistics (only those with >= 2 seeds have an sd)
 * @param familyMeans      per family: statistics of its models' values
 * @param betweenFamilies  statistics of the family means
 * @param ratio            mean within-configuration sd / sd of the family means (NaN when undefined);
 *                         below 1 means seed noise is smaller than the differences between families
 */
public record SeedVariance(String measure, Map<String, Descriptive> configurations, Map<String, Descriptive> familyMeans,
                           Descriptive betweenFamilies, double ratio) {

    /** One model's value with its configuration and family. */
    public record Observation(String configuration, String family, double value) {
    }

    public static SeedVariance of(String measure, List<Observation> observations) {
        Map<String, List<Double>> byConfig = new LinkedHashMap<>();
        Map<String, List<Double>> byFamily = new LinkedHashMap<>();
        for (Observation o : observations) {
            if (Double.isFinite(o.value())) {
                byConfig.computeIfAbsent(o.configuration(), k -> new ArrayList<>()).add(o.value());
                byFamily.computeIfAbsent(o.family(), k -> new ArrayList<>()).add(o.value());
            }
        }
        Map<String, Descriptive> configs = new LinkedHashMap<>();
        byConfig.forEach((k, v) -> configs.put(k, Descriptive.of(v)));
        Map<String, Descriptive> families = new LinkedHashMap<>();
        byFamily.forEach((k, v) -> families.put(k, Descriptive.of(v)));
        Descriptive between = Descriptive.of(families.values().stream().mapToDouble(Descriptive::mean).toArray());
        double within = configs.values().stream().filter(d -> d.n() >= 2).mapToDouble(Descriptive::sd).average()
                .orElse(Double.NaN);
        double ratio = Double.isFinite(within) && between.sd() > 0 ? within / between.sd() : Double.NaN;
        return new SeedVariance(measure, configs, families, between, ratio);
    }
}
