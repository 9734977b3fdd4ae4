package org.lowfreq.spi;

/**
 * A targeted attack (Foolbox 3 in spirit: model, inputs, targets, budget in; raw, clipped and
 * success out). Needs {@link Capability#INPUT_GRADIENT}.
 */
public interface Attack {
    /** Name used on the command line, e.g. {@code pgd-linf}. */
    String name();

    String description();

    Norm norm();

    /** True for minimal-norm attacks (they ignore {@link AttackOptions#epsilon()} or treat it as a start). */
    boolean minimal();

    AttackResult run(Classifier model, Images inputs, int[] targets, AttackOptions options);
}
