package org.lowfreq.spi;

/**
 * The loss per image and its gradient with respect to the [0, 1] input pixels (same NHWC layout
 * as the input batch), as returned by {@link Classifier#lossGradient}.
 */
public record LossGradient(float[] loss, float[] gradient) {
}
