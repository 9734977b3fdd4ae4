package org.lowfreq.tensorflow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.lowfreq.spi.UserInputException;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Fine-tuning ({@code -o init-from=DIR}): copies every variable of a saved model into a new graph by
 * layer name. Only variables are copied; the blur, PCA and normalisation are constants, so the new
 * model keeps its own.
 */
final class FineTuneWeights {
    private FineTuneWeights() {
    }

    record Assigner(Variable<TFloat32> variable, Placeholder<TFloat32> value, Operand<TFloat32> assign) {
    }

    static Map<String, Assigner> assigners(Graph graph, ModelGraph mg) {
        Ops tf = Ops.create(graph).withSubScope("init_from");
        Map<String, Assigner> out = new LinkedHashMap<>();
        for (var e : mg.network.variables().entrySet()) {
            Placeholder<TFloat32> p = tf.placeholder(TFloat32.class, Placeholder.shape(e.getValue().shape()));
            out.put(e.getKey(), new Assigner(e.getValue(), p, tf.assign(e.getValue(), p)));
        }
        return out;
    }

    /**
     * Copies every variable of a saved model into ours by name. The blur (and PCA and
     * normalisation) layers are constants, not variables, so they are never copied: the new
     * model keeps its own.
     */
    static void copyWeights(Path source, Map<String, Assigner> assigners, Session session) {
        if (!Files.isRegularFile(source.resolve("saved_model.pb"))) {
            throw new UserInputException("--init-from " + source + " holds no SavedModel",
                    "give the folder of a model trained with 'lowfreq train'");
        }
        try (SavedModelBundle src = SavedModelBundle.load(source.toString(), SavedModelBundle.DEFAULT_TAG)) {
            Map<String, String> layers = layerVariables(src.graph());
            for (var e : assigners.entrySet()) {
                String name = layers.get(e.getKey());
                if (name == null) {
                    throw new UserInputException("--init-from " + source + " has no layer " + e.getKey(),
                            "fine-tune from a model of the same architecture and width");
                }
                try (Result r = src.session().runner().fetch(name).run()) {
                    Tensor t = r.get(0);
                    if (!t.shape().equals(e.getValue().variable().shape())) {
                        throw new UserInputException("--init-from " + source + ": layer " + e.getKey() + " has shape "
                                + t.shape() + ", this model needs " + e.getValue().variable().shape(),
                                "fine-tune from a model of the same architecture, width, channels and classes");
                    }
                    try (Result ignored = session.runner().feed(e.getValue().value(), t)
                            .fetch(e.getValue().assign()).run()) {
                        // assigned
                    }
                }
            }
        }
    }

    /**
     * Layer name to graph op name of every model variable of a saved graph. Early exports put the
     * variables under numbered scopes ({@code var_3/...}); both forms are accepted.
     */
    static Map<String, String> layerVariables(Graph graph) {
        Map<String, String> out = new LinkedHashMap<>();
        var it = graph.operations();
        while (it.hasNext()) {
            var op = it.next();
            String n = op.name();
            if (op.type().startsWith("Variable") && n.matches("var(_\\d+)?/[^/]+")) {
                out.put(n.substring(n.indexOf('/') + 1), n);
            }
        }
        return out;
    }
}
