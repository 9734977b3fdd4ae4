package org.lowfreq.attacks;

import org.lowfreq.spi.AdversarialExample;
import org.lowfreq.spi.Classifier;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.UserInputException;

/** Checks and choices shared by the attacks. */
final class Attacks {
    private Attacks() {
    }

    static void checkTargets(Classifier model, Images inputs, int[] targets) {
        model.checkInput(inputs);
        if (targets.length != inputs.count()) {
            throw new UserInputException(targets.length + " targets for " + inputs.count() + " images");
        }
        int k = model.card().classCount();
        for (int i = 0; i < targets.length; i++) {
            if (targets[i] < 0 || targets[i] >= k) {
                throw new UserInputException("target " + targets[i] + " of image " + i + " is not a class of model "
                        + model.card().name() + " (0.." + (k - 1) + ")");
            }
        }
    }

    /** The better of two results for one image: a success beats a failure; smaller norm among successes; higher target probability among failures. */
    static AdversarialExample better(AdversarialExample a, AdversarialExample b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        if (a.success() != b.success()) {
            return a.success() ? a : b;
        }
        if (a.success()) {
            return b.norm() < a.norm() ? b : a;
        }
        return b.targetProbability() > a.targetProbability() ? b : a;
    }
}
