package org.lowfreq.spi;

/**
 * The outcome of attacking one image.
 *
 * @param raw               what the attack produced, before any projection
 * @param clipped           the image actually evaluated: projected onto the attack's norm ball and
 *                          clipped to [0, 1]; success, norm and probability refer to this one
 * @param success           argmax = target and softmax(target) >= the minimum probability
 * @param norm              norm of {@code clipped - original} in the attack's norm
 * @param targetProbability softmax probability of the target class for {@code clipped}
 */
public record AdversarialExample(float[] raw, float[] clipped, boolean success, double norm,
                                 double targetProbability) {
}
