package org.lowfreq.spi;

import java.util.Set;

/**
 * A trained image classifier. Takes float32 [0, 1] NHWC images (normalisation, blur and any other
 * fixed preprocessing are inside the model) and returns logits. Holds native resources in some
 * backends: always close it.
 */
public interface Classifier extends AutoCloseable {
    ModelCard card();

    Set<Capability> capabilities();

    /** Logits of a batch of any size; implementations split it into their own batches. */
    Logits logits(Images images);

    /**
     * The loss per image for the given class per image, and its gradient with respect to the
     * input pixels, with batch norm (if any) in inference mode.
     *
     * @throws UnsupportedOperationException when {@link Capability#INPUT_GRADIENT} is missing
     */
    LossGradient lossGradient(Images images, int[] classes, Loss loss);

    /** A batch size that runs efficiently on this backend. */
    default int preferredBatchSize() {
        return 128;
    }

    /** Throws a clear error naming the model when it lacks a capability. */
    default void require(Capability capability, String who) {
        if (!capabilities().contains(capability)) {
            throw new UserInputException(who + " needs " + capability + " but model " + card().name()
                    + " (backend " + card().backend() + ") does not offer it");
        }
    }

    /** Checks the shape of input images against the card. */
    default void checkInput(Images images) {
        if (!images.shape().equals(card().inputShape())) {
            throw new UserInputException("model " + card().name() + " takes images of " + card().inputShape()
                    + " but was given " + images.shape(),
                    "use a data set of the model's resolution and channel count");
        }
    }

    @Override
    void close();
}
