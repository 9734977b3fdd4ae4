package org.lowfreq.spi;

/**
 * Settings of one attack call.
 *
 * @param epsilon        perturbation budget in the attack's norm (pixels in [0, 1]); NaN for
 *                       minimal-norm attacks that search their own
 * @param steps          gradient steps
 * @param stepSize       step size (relative to epsilon for fixed-epsilon attacks, see the attack)
 * @param restarts       random restarts (>= 1)
 * @param minProbability success needs softmax(target) >= this (and argmax = target)
 * @param seed           seed of every random choice
 * @param extra          attack-specific options
 */
public record AttackOptions(double epsilon, int steps, double stepSize, int restarts, double minProbability,
                            long seed, Options extra) {
    public AttackOptions {
        if (steps < 0 || restarts < 1) {
            throw new UserInputException("attack needs steps >= 0 and restarts >= 1, got " + steps + ", " + restarts);
        }
        if (!(minProbability >= 0 && minProbability <= 1)) {
            throw new UserInputException("min probability must lie in [0, 1], got " + minProbability);
        }
    }
}
