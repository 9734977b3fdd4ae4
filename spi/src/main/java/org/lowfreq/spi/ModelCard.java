package org.lowfreq.spi;

import java.util.List;
import java.util.Map;

/**
 * What a model is: identity, input contract and how it was made. Stored beside the model as
 * {@code model-card.json} and copied into every result row's provenance.
 *
 * @param name        unique, human-readable name (e.g. {@code resnet18-w16-blur1.5-s0})
 * @param family      baseline, blur, adversarial, augmentation, pca, imported, reference, ...
 * @param arch        architecture, e.g. {@code resnet18}
 * @param backend     the {@link ModelProvider} name that loads it
 * @param inputShape  expected image shape; inputs are float32 [0, 1] NHWC
 * @param classNames  class names, index = label
 * @param blurSigma   sigma of the fixed Gaussian blur in front, 0 for none
 * @param pcaComponents k of the PCA projection in front, 0 for none
 * @param dataset     the data set it was trained on
 * @param seed        training seed, -1 if unknown
 * @param cleanAccuracy clean test accuracy, NaN if unknown
 * @param properties  anything else (training config, library versions), as strings
 */
public record ModelCard(String name, String family, String arch, String backend, ImageShape inputShape,
                        List<String> classNames, double blurSigma, int pcaComponents, String dataset,
                        long seed, double cleanAccuracy, Map<String, String> properties) {
    public ModelCard {
        classNames = List.copyOf(classNames);
        properties = Map.copyOf(properties);
        if (classNames.size() < 2) {
            throw new UserInputException("model card of " + name + " lists " + classNames.size()
                    + " classes; a classifier needs at least 2");
        }
    }

    public int classCount() {
        return classNames.size();
    }
}
