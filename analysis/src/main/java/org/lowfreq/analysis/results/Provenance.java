package org.lowfreq.analysis.results;

import org.lowfreq.spi.ModelCard;

/**
 * Where a set of result rows comes from: the model, the data it was measured on and the probe.
 *
 * @param card     the model's card
 * @param dataset  data set name
 * @param split    split name
 * @param images   number of images measured
 * @param probe    probe, attack or evaluation name
 */
public record Provenance(ModelCard card, String dataset, String split, int images, String probe) {
}
