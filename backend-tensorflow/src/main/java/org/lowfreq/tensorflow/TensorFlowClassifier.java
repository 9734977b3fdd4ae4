package org.lowfreq.tensorflow;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.lowfreq.spi.Capability;
import org.lowfreq.spi.Classifier;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.Logits;
import org.lowfreq.spi.Loss;
import org.lowfreq.spi.LossGradient;
import org.lowfreq.spi.ModelCard;
import org.lowfreq.spi.UserInputException;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * A classifier over a SavedModel whose serving signature maps [0,1] NHWC float32 images to logits.
 * Loss gradients are added to the loaded graph when it is opened; since the signature's network is the
 * inference-mode one, batch norm uses its running statistics.
 */
public final class TensorFlowClassifier implements Classifier {
    private final SavedModelBundle bundle;
    private final ModelCard card;
    private final Output<TFloat32> input;
    private final Output<TFloat32> logits;
    private final int batchSize;
    private GradientOps gradientOps;
    private String gradientError;

    private record GradientOps(Placeholder<TInt32> targets, Operand<TFloat32> crossEntropy,
                               Output<TFloat32> crossEntropyGradient, Operand<TFloat32> margin,
                               Output<TFloat32> marginGradient) {
    }

    private TensorFlowClassifier(SavedModelBundle bundle, ModelCard card, Output<TFloat32> input,
                                 Output<TFloat32> logits, int batchSize) {
        this.bundle = bundle;
        this.card = card;
        this.input = input;
        this.logits = logits;
        this.batchSize = batchSize;
    }

    /**
     * Opens a model folder's SavedModel and checks it against its card: one float input of
     * [?, H, W, C], one float output, and a trial image giving one logit per class.
     */
    static TensorFlowClassifier open(Path dir, ModelCard card, SessionOptions options, Consumer<String> warnings) {
        SavedModelBundle bundle;
        try {
            bundle = SavedModelBundle.loader(dir.toString()).withTags(SavedModelBundle.DEFAULT_TAG)
                    .withConfigProto(options.config()).load();
        } catch (RuntimeException e) {
            throw new UserInputException("cannot load the SavedModel in " + dir + ": " + e.getMessage(),
                    "a model folder holds saved_model.pb, variables/ and model-card.json");
        }
        try {
            Signature sig = chooseSignature(bundle, dir);
            Signature.TensorDescription in = only(sig.getInputs(), ModelGraph.INPUT, "input", dir);
            Signature.TensorDescription out = only(sig.getOutputs(), ModelGraph.OUTPUT, "output", dir);
            checkInput(in, card, dir);
            checkPreprocessing(bundle, card, dir, warnings);
            if (out.dataType != DataType.DT_FLOAT) {
                throw mismatch(dir, "its output is " + out.dataType + ", not float32 logits");
            }
            Graph g = bundle.graph();
            @SuppressWarnings("unchecked")
            Output<TFloat32> inOut = (Output<TFloat32>) g.outputOrThrow(in.name);
            @SuppressWarnings("unchecked")
            Output<TFloat32> logitOut = (Output<TFloat32>) g.outputOrThrow(out.name);
            TensorFlowClassifier c = new TensorFlowClassifier(bundle, card, inOut, logitOut, options.batchSize());
            c.checkOutput(dir);
            // built now rather than on first use, so the graph is never extended while another thread runs it;
            // an external graph with an op TensorFlow cannot differentiate loads without the capability
            try {
                c.gradientOps();
            } catch (RuntimeException e) {
                c.gradientError = e.getMessage();
            }
            return c;
        } catch (RuntimeException e) {
            bundle.close();
            throw e;
        }
    }

    private static Signature chooseSignature(SavedModelBundle bundle, Path dir) {
        List<Signature> sigs = bundle.signatures();
        for (Signature s : sigs) {
            if (s.key().equals(ModelGraph.SIGNATURE_KEY)) {
                return s;
            }
        }
        if (sigs.size() == 1) {
            return sigs.get(0);
        }
        throw mismatch(dir, "it has no '" + ModelGraph.SIGNATURE_KEY + "' signature among "
                + sigs.stream().map(Signature::key).toList());
    }

    private static Signature.TensorDescription only(Map<String, Signature.TensorDescription> m, String preferred,
                                                    String what, Path dir) {
        if (m.containsKey(preferred)) {
            return m.get(preferred);
        }
        if (m.size() != 1) {
            throw mismatch(dir, "its signature has " + m.size() + " " + what + "s " + m.keySet()
                    + "; expected one, or one named '" + preferred + "'");
        }
        return m.values().iterator().next();
    }

    private static void checkInput(Signature.TensorDescription in, ModelCard card, Path dir) {
        if (in.dataType != DataType.DT_FLOAT) {
            throw mismatch(dir, "its input is " + in.dataType + ", not float32");
        }
        Shape s = in.shape;
        long[] want = {-1, card.inputShape().height(), card.inputShape().width(), card.inputShape().channels()};
        if (s.isUnknown() || s.numDimensions() != 4) {
            throw mismatch(dir, "its input has shape " + s + ", not NHWC [?, H, W, C]");
        }
        for (int i = 1; i < 4; i++) {
            if (s.get(i) != Shape.UNKNOWN_SIZE && s.get(i) != want[i]) {
                throw mismatch(dir, "its input has shape " + s + " but the card declares images of " + card.inputShape());
            }
        }
    }

    /**
     * The card's blur sigma, PCA k and normalisation must be those the graph was built with (its
     * {@link PreprocessingRecord}). A graph without a record (saved before models carried one) is
     * loaded with a warning when its card claims preprocessing that cannot be checked.
     */
    private static void checkPreprocessing(SavedModelBundle bundle, ModelCard card, Path dir, Consumer<String> warnings) {
        var record = PreprocessingRecord.readFrom(bundle.graph(), bundle.session());
        if (record.isEmpty()) {
            if (card.blurSigma() != 0 || card.pcaComponents() != 0
                    || card.properties().containsKey(PreprocessingRecord.MEAN_PROPERTY)) {
                warnings.accept("model " + dir + " has no preprocessing record in its graph (saved before lowfreq "
                        + "kept one): its card's blur_sigma " + card.blurSigma() + ", pca_k " + card.pcaComponents()
                        + " and normalisation are taken unchecked");
            }
            return;
        }
        List<String> differ = record.get().disagreements(card);
        if (!differ.isEmpty()) {
            throw new UserInputException("the model card of " + dir + " does not match the preprocessing its graph "
                    + "applies: " + String.join("; ", differ),
                    "the graph is what the model does: fix model-card.json to the graph's values, or use the card's "
                            + "model folder");
        }
    }

    private void checkOutput(Path dir) {
        float[] zeros = new float[card.inputShape().size()];
        try (TFloat32 x = Tensors.images(zeros, 0, 1, card.inputShape().height(), card.inputShape().width(),
                card.inputShape().channels());
             Result r = bundle.session().runner().feed(input, x).fetch(logits).run()) {
            long n = r.get(0).shape().size();
            if (n != card.classCount()) {
                throw mismatch(dir, "it returns " + n + " outputs per image but the card lists "
                        + card.classCount() + " classes");
            }
        }
    }

    private static UserInputException mismatch(Path dir, String why) {
        return new UserInputException("the SavedModel in " + dir + " does not match its model card: " + why,
                "fix model-card.json (input_height, input_width, input_channels, class_names) or re-export the model "
                        + "with a serving signature from [0,1] NHWC float32 images to logits");
    }

    @Override
    public ModelCard card() {
        return card;
    }

    @Override
    public Set<Capability> capabilities() {
        return gradientError == null ? EnumSet.of(Capability.INPUT_GRADIENT) : EnumSet.noneOf(Capability.class);
    }

    @Override
    public int preferredBatchSize() {
        return batchSize;
    }

    @Override
    public Logits logits(Images images) {
        checkInput(images);
        int k = card.classCount();
        float[] out = new float[images.count() * k];
        Session s = bundle.session();
        var shape = images.shape();
        for (int from = 0; from < images.count(); from += batchSize) {
            int n = Math.min(batchSize, images.count() - from);
            try (TFloat32 x = Tensors.paddedImages(images.pixels(), from, n, paddedCount(n), shape.height(),
                    shape.width(), shape.channels());
                 Result r = s.runner().feed(input, x).fetch(logits).run()) {
                Tensors.floatsInto(r.get(0), out, from * k, n * k);
            }
        }
        return new Logits(images.count(), k, out);
    }

    @Override
    public LossGradient lossGradient(Images images, int[] classes, Loss loss) {
        if (gradientError != null) {
            throw new UnsupportedOperationException("model " + card.name() + " has no input gradient: " + gradientError);
        }
        checkInput(images);
        if (classes.length != images.count()) {
            throw new IllegalArgumentException(classes.length + " classes for " + images.count() + " images");
        }
        for (int c : classes) {
            if (c < 0 || c >= card.classCount()) {
                throw new UserInputException("class " + c + " is outside 0.." + (card.classCount() - 1)
                        + " of model " + card.name());
            }
        }
        GradientOps ops = gradientOps();
        Operand<TFloat32> value = loss == Loss.CROSS_ENTROPY ? ops.crossEntropy() : ops.margin();
        Output<TFloat32> grad = loss == Loss.CROSS_ENTROPY ? ops.crossEntropyGradient() : ops.marginGradient();
        float[] lossOut = new float[images.count()];
        float[] gradOut = new float[images.pixels().length];
        var shape = images.shape();
        for (int from = 0; from < images.count(); from += batchSize) {
            int n = Math.min(batchSize, images.count() - from);
            int m = paddedCount(n);
            try (TFloat32 x = Tensors.paddedImages(images.pixels(), from, n, m, shape.height(), shape.width(),
                    shape.channels());
                 TInt32 t = Tensors.paddedInts(classes, from, n, m);
                 Result r = bundle.session().runner().feed(input, x).feed(ops.targets(), t)
                         .fetch(value).fetch(grad).run()) {
                Tensors.floatsInto(r.get(0), lossOut, from, n);
                Tensors.floatsInto(r.get(1), gradOut, from * shape.size(), n * shape.size());
            }
        }
        return new LossGradient(lossOut, gradOut);
    }

    /**
     * The batch size a run of {@code n} images is padded to: powers of two up to 8, then multiples of
     * 8 (at most {@link #batchSize}). Attacks shrink their batches image by image (only the images not
     * yet fooled go on), and every new batch shape made TensorFlow/oneDNN build and keep new kernels
     * and buffers: resident memory grew by about 20 MB per 50-image attack batch. With few shapes it
     * stays flat. Images are independent in the inference network (batch norm on running
     * statistics), so the zero images added do not change the others' logits or gradients.
     */
    int paddedCount(int n) {
        int m = n <= 1 ? 1 : n <= 8 ? Integer.highestOneBit(n - 1) << 1 : (n + 7) / 8 * 8;
        return Math.max(n, Math.min(m, batchSize));
    }

    /** Adds the loss and gradient ops to the loaded graph (once). */
    private synchronized GradientOps gradientOps() {
        if (gradientOps == null) {
            Ops tf = Ops.create(bundle.graph()).withSubScope("lowfreq_loss");
            Placeholder<TInt32> targets = tf.placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
            Operand<TFloat32> oneHot = tf.oneHot(targets, tf.constant(card.classCount()), tf.constant(1f), tf.constant(0f));
            Operand<TFloat32> ce = tf.nn.softmaxCrossEntropyWithLogits(logits, oneHot).loss();
            Operand<TFloat32> target = tf.reduceSum(tf.math.mul(logits, oneHot), tf.constant(1));
            // the largest other logit: push the target's own logit far down before taking the max
            Operand<TFloat32> others = tf.math.sub(logits, tf.math.mul(oneHot, tf.constant(1e9f)));
            Operand<TFloat32> margin = tf.math.sub(tf.reduceMax(others, tf.constant(1)), target);
            @SuppressWarnings("unchecked")
            Output<TFloat32> ceGrad = tf.gradients(tf.reduceSum(ce, tf.constant(0)), List.of(input)).<TFloat32>dy(0);
            @SuppressWarnings("unchecked")
            Output<TFloat32> marginGrad = tf.gradients(tf.reduceSum(margin, tf.constant(0)), List.of(input)).<TFloat32>dy(0);
            gradientOps = new GradientOps(targets, ce, ceGrad, margin, marginGrad);
        }
        return gradientOps;
    }

    @Override
    public void close() {
        bundle.close();
    }
}
