package org.lowfreq.tensorflow;

import java.util.ArrayList;
import java.util.List;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.train.ApplyMomentum;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * One graph holding a network in both modes, its training step and the input gradient used by
 * adversarial training. Its serving signature maps {@code images} ([0,1] NHWC float32) to
 * {@code logits} of the inference-mode network.
 */
final class ModelGraph {
    static final String SIGNATURE_KEY = Signature.DEFAULT_KEY;
    static final String INPUT = "images";
    static final String OUTPUT = "logits";
    static final float MOMENTUM = 0.9f;

    final Placeholder<TFloat32> images;
    final Placeholder<TInt32> labels;
    final Placeholder<TFloat32> learningRate;
    final Operand<TFloat32> trainLogits;
    final Operand<TFloat32> trainLoss;
    final Op trainStep;
    final Operand<TFloat32> logits;
    /** Cross-entropy per image of the inference network. */
    final Operand<TFloat32> perImageLoss;
    /** d (sum of per-image cross-entropy) / d images, inference mode. */
    final Output<TFloat32> inputGradient;
    final NetworkBuilder network;

    ModelGraph(Graph graph, ModelSpec spec, long seed, double weightDecay) {
        this(graph, spec, seed, weightDecay, NetworkBuilder.BatchNormMode.INFERENCE);
    }

    /**
     * @param inference how the inference network computes batch norm: folded (every model) or
     *                  unfolded (for the benchmark's comparison only)
     */
    ModelGraph(Graph graph, ModelSpec spec, long seed, double weightDecay, NetworkBuilder.BatchNormMode inference) {
        if (inference == NetworkBuilder.BatchNormMode.TRAINING) {
            throw new IllegalArgumentException("the inference network cannot use batch statistics");
        }
        Ops tf = Ops.create(graph);
        int h = spec.input().height();
        int w = spec.input().width();
        int c = spec.input().channels();
        images = tf.withName("images").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, h, w, c)));
        labels = tf.withName("labels").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
        learningRate = tf.withName("learning_rate").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
        network = new NetworkBuilder(tf, spec, seed);

        Operand<TFloat32> oneHot = tf.oneHot(labels, tf.constant(spec.classes()), tf.constant(1f), tf.constant(0f));
        // the inference network is built first so that variable creation order does not depend on mode
        logits = tf.withName("logits").identity(network.logits(images, inference));
        perImageLoss = tf.nn.softmaxCrossEntropyWithLogits(logits, oneHot).loss();
        @SuppressWarnings("unchecked")
        Output<TFloat32> g = tf.gradients(tf.reduceSum(perImageLoss, tf.constant(0)),
                List.of(images)).<TFloat32>dy(0);
        inputGradient = g;

        trainLogits = network.logits(images, true);
        Ops tt = tf.withSubScope("optimizer");
        Operand<TFloat32> ce = tt.math.mean(tt.nn.softmaxCrossEntropyWithLogits(trainLogits, oneHot).loss(), tt.constant(0));
        List<Operand<TFloat32>> decay = new ArrayList<>();
        for (Variable<TFloat32> v : network.decayed()) {
            decay.add(tt.nn.l2Loss(v));
        }
        // l2Loss is sum(w^2)/2, so its gradient adds weightDecay * w as in SGD with weight decay
        trainLoss = tt.math.add(ce, tt.math.mul(tt.constant((float) weightDecay), tt.math.addN(decay)));
        List<Operand<?>> vars = new ArrayList<>(network.trainable());
        var grads = tt.gradients(trainLoss, vars);
        // every update waits for the whole backward pass: with reference variables an early update
        // would otherwise race with the backward ops still reading the old weights
        List<Op> gradientsDone = new ArrayList<>();
        List<Operand<TFloat32>> gradients = new ArrayList<>();
        for (int i = 0; i < vars.size(); i++) {
            var id = tt.identity(grads.<TFloat32>dy(i));
            gradientsDone.add(id);
            gradients.add(id);
        }
        Ops apply = tt.withControlDependencies(gradientsDone);
        List<Op> updates = new ArrayList<>();
        for (Op update : network.statisticUpdates()) {
            updates.add(update);
        }
        Ops slots = tf.withSubScope("momentum");
        int i = 0;
        for (Variable<TFloat32> v : network.trainable()) {
            String name = graphName(v).substring(graphName(v).lastIndexOf('/') + 1);
            Variable<TFloat32> slot = slots.withName(name)
                    .variable(slots.withInitScope().zeros(tf.withInitScope().constant(dims(v)), TFloat32.class));
            updates.add(apply.train.applyMomentum(v, slot, learningRate, gradients.get(i++), apply.constant(MOMENTUM),
                    ApplyMomentum.useLocking(false)));
        }
        trainStep = tt.withControlDependencies(updates).withName("train_step").noOp();
        // last, so that no other op's name or order changes: a loader checks the card against it
        PreprocessingRecord.of(spec).addTo(graph);
    }

    Signature signature() {
        return Signature.builder().key(SIGNATURE_KEY).input(INPUT, images).output(OUTPUT, logits).build();
    }

    private static int[] dims(Variable<TFloat32> v) {
        int[] out = new int[v.shape().numDimensions()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) v.shape().get(i);
        }
        return out;
    }

    static String graphName(Variable<?> v) {
        return v.op().name();
    }
}
