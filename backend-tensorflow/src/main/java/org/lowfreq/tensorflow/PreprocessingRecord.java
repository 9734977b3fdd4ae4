package org.lowfreq.tensorflow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lowfreq.spi.ModelCard;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TString;

/**
 * The fixed in-graph preprocessing a graph was built with (blur sigma, PCA k, normalisation), kept
 * in the graph itself as a string constant {@value #OP_NAME} ("key=value" lines). The model card
 * states the same values; on load they must agree, so a card cannot claim a blur (or PCA, or
 * normalisation) its graph does not apply. The constant feeds no other op, so it changes no number.
 *
 * @param blurSigma sigma of the blur, 0 for none
 * @param pcaK      PCA components, 0 for none
 * @param mean      per-channel normalisation mean
 * @param std       per-channel normalisation standard deviation
 */
record PreprocessingRecord(double blurSigma, int pcaK, float[] mean, float[] std) {
    static final String OP_NAME = "lowfreq_preprocessing";
    /** The card properties that hold the normalisation (written by the trainer). */
    static final String MEAN_PROPERTY = "normalisation_mean";
    static final String STD_PROPERTY = "normalisation_std";

    static PreprocessingRecord of(ModelSpec spec) {
        return new PreprocessingRecord(spec.blurSigma(), spec.pcaComponents(), spec.mean(), spec.std());
    }

    /** Adds the record to a graph being built. */
    void addTo(Graph graph) {
        Ops.create(graph).withName(OP_NAME).constant(encode());
    }

    String encode() {
        return "blur_sigma=" + blurSigma + "\npca_k=" + pcaK + "\n" + MEAN_PROPERTY + "=" + floats(mean) + "\n"
                + STD_PROPERTY + "=" + floats(std) + "\n";
    }

    static PreprocessingRecord decode(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                m.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return new PreprocessingRecord(Double.parseDouble(m.getOrDefault("blur_sigma", "0")),
                Integer.parseInt(m.getOrDefault("pca_k", "0")), parseFloats(m.getOrDefault(MEAN_PROPERTY, "")),
                parseFloats(m.getOrDefault(STD_PROPERTY, "")));
    }

    /** The record of a loaded graph, or empty for a graph saved without one (older models, external ones). */
    static Optional<PreprocessingRecord> readFrom(Graph graph, Session session) {
        if (graph.operation(OP_NAME) == null) {
            return Optional.empty();
        }
        try (Result r = session.runner().fetch(OP_NAME).run()) {
            return Optional.of(decode(((TString) r.get(0)).getObject()));
        }
    }

    /**
     * Where the card disagrees with this (the graph's) record, one "field: card X, graph Y" each.
     * Normalisation is compared only when the card states it (hand-written cards need not).
     */
    List<String> disagreements(ModelCard card) {
        List<String> out = new ArrayList<>();
        if (Double.compare(card.blurSigma(), blurSigma) != 0) {
            out.add("blur_sigma: card " + card.blurSigma() + ", graph " + blurSigma);
        }
        if (card.pcaComponents() != pcaK) {
            out.add("pca_k: card " + card.pcaComponents() + ", graph " + pcaK);
        }
        compare(out, card, MEAN_PROPERTY, mean);
        compare(out, card, STD_PROPERTY, std);
        return out;
    }

    private static void compare(List<String> out, ModelCard card, String property, float[] graphValues) {
        String stated = card.properties().get(property);
        if (stated == null) {
            return;
        }
        float[] cardValues;
        try {
            cardValues = parseFloats(stated);
        } catch (NumberFormatException e) {
            cardValues = null;
        }
        if (cardValues == null || !Arrays.equals(cardValues, graphValues)) {
            out.add(property + ": card " + stated + ", graph " + floats(graphValues));
        }
    }

    /** Comma-separated, as the card's properties hold them ({@link Float#toString} reads back exactly). */
    static String floats(float[] v) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            b.append(i == 0 ? "" : ",").append(v[i]);
        }
        return b.toString();
    }

    private static float[] parseFloats(String s) {
        if (s.isBlank()) {
            return new float[0];
        }
        String[] parts = s.split(",");
        float[] out = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Float.parseFloat(parts[i].trim());
        }
        return out;
    }
}
