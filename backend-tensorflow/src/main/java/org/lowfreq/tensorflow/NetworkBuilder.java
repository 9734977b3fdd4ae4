package org.lowfreq.tensorflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lowfreq.spi.Seeds;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.Scope;
import org.tensorflow.op.core.StridedSlice;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.nn.FusedBatchNorm;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Builds a ResNet with its fixed preprocessing into a graph. The network can be built twice
 * over the same variables: once in training mode (batch norm on batch statistics, collecting
 * the running-statistics updates) and once in inference mode (batch norm on running
 * statistics), which is the mode every exported signature and every input gradient uses.
 *
 * <p>Variables are initialised by stateless random ops seeded from the training seed and the
 * variable's name, so the same seed gives the same initial network and the graph stays small
 * (no initial values baked in as constants).
 */
final class NetworkBuilder {
    static final float BN_EPSILON = 1e-5f;
    static final float BN_AVERAGE_FACTOR = 0.1f;

    private final Ops tf;
    private final Ops variableScope;
    private final ModelSpec spec;
    private final long seed;
    private final Map<String, Variable<TFloat32>> variables = new LinkedHashMap<>();
    private final List<Variable<TFloat32>> trainable = new ArrayList<>();
    private final List<Variable<TFloat32>> decayed = new ArrayList<>();
    private final List<Op> statisticUpdates = new ArrayList<>();
    private Ops pass;
    private BatchNormMode batchNormMode;

    /** How a pass computes batch norm. */
    enum BatchNormMode {
        /** Batch statistics, running statistics updated: the training step's network. */
        TRAINING,
        /**
         * Running statistics folded into the convolution before it: kernel * scale and a bias
         * {@code beta - mean * scale}, {@code scale = gamma / sqrt(var + eps)}. The same affine map
         * as {@link #INFERENCE_UNFOLDED}, computed from the variables on every run (so training and
         * fine-tuning see no difference), but as convolution + bias, which TensorFlow's grappler
         * fuses with the following ReLU (and residual addition) into one oneDNN convolution.
         */
        INFERENCE,
        /** Running statistics, {@code FusedBatchNormV3} after the convolution: the reference the folding is tested against. */
        INFERENCE_UNFOLDED
    }

    /** Channels of oneDNN's widest fp32 block (16 floats in an AVX-512 register). */
    static final int ONEDNN_CHANNEL_BLOCK = 16;

    NetworkBuilder(Ops tf, ModelSpec spec, long seed) {
        this.tf = tf;
        // one sub-scope for all variables: each withSubScope call would otherwise make a new unique name
        this.variableScope = tf.withSubScope("var");
        this.spec = spec;
        this.seed = seed;
    }

    /** Every variable by name (weights and running statistics; not optimiser slots). */
    Map<String, Variable<TFloat32>> variables() {
        return variables;
    }

    /** Variables trained by the optimiser. */
    List<Variable<TFloat32>> trainable() {
        return trainable;
    }

    /** Convolution and dense kernels: the ones weight decay applies to. */
    List<Variable<TFloat32>> decayed() {
        return decayed;
    }

    /** Assignments of the running batch-norm statistics made by the training pass. */
    List<Op> statisticUpdates() {
        return statisticUpdates;
    }

    /** [0,1] NHWC images to logits: the training network, or the (folded) inference network. */
    Operand<TFloat32> logits(Operand<TFloat32> images, boolean trainingMode) {
        return logits(images, trainingMode ? BatchNormMode.TRAINING : BatchNormMode.INFERENCE);
    }

    Operand<TFloat32> logits(Operand<TFloat32> images, BatchNormMode mode) {
        this.batchNormMode = mode;
        this.pass = tf.withSubScope(mode == BatchNormMode.TRAINING ? "train" : "infer");
        Operand<TFloat32> x = preprocess(pass.withSubScope("pre"), images, spec);
        return spec.arch().equals("resnet18") ? resnet18(x) : resnet50(x);
    }

    /**
     * The fixed preprocessing, in this order: PCA projection (on [0,1] pixels), normalisation,
     * Gaussian blur. No variables: everything is a constant of the graph, hence frozen.
     */
    static Operand<TFloat32> preprocess(Ops tf, Operand<TFloat32> images, ModelSpec spec) {
        Operand<TFloat32> x = images;
        if (spec.pca() != null) {
            x = pcaProject(tf, x, spec);
        }
        x = normalise(tf, x, spec.mean(), spec.std());
        if (spec.blurSigma() > 0) {
            x = gaussianBlur(tf, x, GaussianKernel.of(spec.blurSigma()), spec.input().height(),
                    spec.input().width(), spec.input().channels());
        }
        return x;
    }

    /**
     * (x - mean) / std per channel, as x * (1/std) + (-mean/std): a 1x1 convolution with a diagonal
     * kernel plus a bias, which grappler fuses into one oneDNN convolution. TensorFlow's broadcasting
     * Sub and Mul over the three channels took 11% of a width-16 inference pass. The off-diagonal
     * zeros add nothing, so the two forms differ only in rounding (x/std - mean/std against
     * (x - mean)/std).
     */
    static Operand<TFloat32> normalise(Ops tf, Operand<TFloat32> x, float[] mean, float[] std) {
        int c = mean.length;
        float[] kernel = new float[c * c];
        float[] bias = new float[c];
        for (int i = 0; i < c; i++) {
            kernel[i * c + i] = 1 / std[i];
            bias[i] = -mean[i] / std[i];
        }
        Operand<TFloat32> k = tf.constant(Shape.of(1, 1, c, c), DataBuffers.of(kernel, true, false));
        return tf.nn.biasAdd(tf.nn.conv2d(x, k, List.of(1L, 1L, 1L, 1L), "VALID"), tf.constant(bias));
    }

    /** Depthwise Gaussian blur with circular padding: VALID convolution of the wrapped image. */
    static Operand<TFloat32> gaussianBlur(Ops tf, Operand<TFloat32> x, GaussianKernel kernel, int height,
                                          int width, int channels) {
        int h = kernel.halfWidth();
        Operand<TFloat32> wrapped = circularPad(tf, x, h, height, width);
        int size = kernel.size();
        float[] w = new float[size * size * channels];
        for (int i = 0; i < size * size; i++) {
            for (int c = 0; c < channels; c++) {
                w[i * channels + c] = kernel.weights()[i];
            }
        }
        Operand<TFloat32> filter = tf.constant(Shape.of(size, size, channels, 1), DataBuffers.of(w, true, false));
        return tf.nn.depthwiseConv2dNative(wrapped, filter, List.of(1L, 1L, 1L, 1L), "VALID");
    }

    /** Pads an NHWC tensor by {@code h} pixels on every side with the opposite edge (torus). */
    static Operand<TFloat32> circularPad(Ops tf, Operand<TFloat32> x, int h, int height, int width) {
        if (h == 0) {
            return x;
        }
        Operand<TFloat32> top = tf.slice(x, tf.constant(new int[] {0, height - h, 0, 0}), tf.constant(new int[] {-1, h, -1, -1}));
        Operand<TFloat32> bottom = tf.slice(x, tf.constant(new int[] {0, 0, 0, 0}), tf.constant(new int[] {-1, h, -1, -1}));
        Operand<TFloat32> rows = tf.concat(List.of(top, x, bottom), tf.constant(1));
        Operand<TFloat32> left = tf.slice(rows, tf.constant(new int[] {0, 0, width - h, 0}), tf.constant(new int[] {-1, -1, h, -1}));
        Operand<TFloat32> right = tf.slice(rows, tf.constant(new int[] {0, 0, 0, 0}), tf.constant(new int[] {-1, -1, h, -1}));
        return tf.concat(List.of(left, rows, right), tf.constant(2));
    }

    static Operand<TFloat32> pcaProject(Ops tf, Operand<TFloat32> x, ModelSpec spec) {
        PcaProjection pca = spec.pca();
        int d = pca.dimension();
        Operand<TFloat32> flat = tf.reshape(x, tf.constant(new int[] {-1, d}));
        Operand<TFloat32> mean = tf.constant(pca.mean());
        Operand<TFloat32> basis = tf.constant(Shape.of(d, pca.components()), DataBuffers.of(pca.basis(), true, false));
        Operand<TFloat32> coeff = tf.linalg.matMul(tf.math.sub(flat, mean), basis);
        Operand<TFloat32> back = tf.math.add(tf.linalg.matMul(coeff, basis, org.tensorflow.op.linalg.MatMul.transposeB(true)), mean);
        ImageShapeDims s = new ImageShapeDims(spec.input().height(), spec.input().width(), spec.input().channels());
        return tf.reshape(back, tf.constant(new int[] {-1, s.h(), s.w(), s.c()}));
    }

    private record ImageShapeDims(int h, int w, int c) {
    }

    private Operand<TFloat32> resnet18(Operand<TFloat32> x) {
        int w = spec.width();
        x = relu(convBn("stem.conv", "stem.bn", x, 3, w, 1));
        int[] blocks = {2, 2, 2, 2};
        for (int stage = 0; stage < 4; stage++) {
            int channels = w << stage;
            for (int b = 0; b < blocks[stage]; b++) {
                int stride = stage > 0 && b == 0 ? 2 : 1;
                x = basicBlock("layer" + (stage + 1) + "." + b, x, channels, stride);
            }
        }
        return head(x);
    }

    private Operand<TFloat32> resnet50(Operand<TFloat32> x) {
        int w = spec.width();
        x = relu(convBn("stem.conv", "stem.bn", x, 7, w, 2));
        x = maxPool3x3Stride2(pass, x);
        int[] blocks = {3, 4, 6, 3};
        for (int stage = 0; stage < 4; stage++) {
            int channels = w << stage;
            for (int b = 0; b < blocks[stage]; b++) {
                int stride = stage > 0 && b == 0 ? 2 : 1;
                x = bottleneck("layer" + (stage + 1) + "." + b, x, channels, stride);
            }
        }
        return head(x);
    }

    private Operand<TFloat32> basicBlock(String name, Operand<TFloat32> x, int channels, int stride) {
        int in = channels(x);
        Operand<TFloat32> y = relu(convBn(name + ".conv1", name + ".bn1", x, 3, channels, stride));
        y = convBn(name + ".conv2", name + ".bn2", y, 3, channels, 1);
        Operand<TFloat32> shortcut = x;
        if (stride != 1 || in != channels) {
            shortcut = convBn(name + ".down.conv", name + ".down.bn", x, 1, channels, stride);
        }
        return relu(pass.math.add(y, shortcut));
    }

    private Operand<TFloat32> bottleneck(String name, Operand<TFloat32> x, int channels, int stride) {
        int in = channels(x);
        int out = channels * 4;
        Operand<TFloat32> y = relu(convBn(name + ".conv1", name + ".bn1", x, 1, channels, 1));
        y = relu(convBn(name + ".conv2", name + ".bn2", y, 3, channels, stride));
        y = convBn(name + ".conv3", name + ".bn3", y, 1, out, 1);
        Operand<TFloat32> shortcut = x;
        if (stride != 1 || in != out) {
            shortcut = convBn(name + ".down.conv", name + ".down.bn", x, 1, out, stride);
        }
        return relu(pass.math.add(y, shortcut));
    }

    /**
     * A 1x1 convolution with a stride. With fewer than {@value #ONEDNN_CHANNEL_BLOCK} input channels it
     * is computed as "keep every stride-th pixel, then a 1x1 convolution with stride 1". Both give
     * the same numbers (a 1x1 kernel needs no padding, so output pixel (i, j) is input pixel
     * (stride i, stride j) under SAME and VALID alike) and the same variable, but the strided form
     * must not reach oneDNN with so few channels: its 1x1 strided backward-weights kernel for NHWC
     * inputs with fewer channels than its channel block (16 with AVX-512, 8 with AVX2) writes past
     * its workspace (oneDNN issue 6035), which corrupted the heap in training at widths 4 and 8
     * ("double free or corruption", SIGSEGV in dnnl code) whenever more than one thread ran. The
     * subsampling is a strided slice, whose gradient is a plain scatter.
     */
    private Operand<TFloat32> pointwiseConv(Operand<TFloat32> x, Operand<TFloat32> kernel, int stride) {
        return pointwise(pass, x, kernel, stride);
    }

    /**
     * The 1x1 convolution of {@link #pointwiseConv}: oneDNN's strided kernel where the input has at
     * least {@value #ONEDNN_CHANNEL_BLOCK} channels (oneDNN's largest fp32 channel block, AVX-512's,
     * so the kernel of issue 6035 never sees fewer channels than its block), else the subsample. The
     * strided kernel makes inference about 6% faster at width 16: the strided slice and its
     * gradient scatter were 7% of a training step.
     */
    static Operand<TFloat32> pointwise(Ops ops, Operand<TFloat32> x, Operand<TFloat32> kernel, int stride) {
        if (stride == 1 || channels(x) >= ONEDNN_CHANNEL_BLOCK) {
            return ops.nn.conv2d(x, kernel, List.of(1L, (long) stride, (long) stride, 1L), "VALID");
        }
        return convolve(ops, subsample(ops, x, stride), kernel, 1, 1);
    }

    /** Every {@code stride}-th row and column of an NHWC tensor, starting with the first. */
    static Operand<TFloat32> subsample(Ops tf, Operand<TFloat32> x, int stride) {
        long all = 0b1111; // every dimension from its start to its end, with the strides below
        return tf.stridedSlice(x, tf.constant(new int[] {0, 0, 0, 0}), tf.constant(new int[] {0, 0, 0, 0}),
                tf.constant(new int[] {1, stride, stride, 1}), StridedSlice.beginMask(all), StridedSlice.endMask(all));
    }

    private Operand<TFloat32> head(Operand<TFloat32> x) {
        int in = channels(x);
        Operand<TFloat32> pooled = pass.math.mean(x, pass.constant(new int[] {1, 2}));
        double bound = 1 / Math.sqrt(in);
        Variable<TFloat32> kernel = variable("fc.kernel", Shape.of(in, spec.classes()), Init.UNIFORM, bound, true, true);
        Variable<TFloat32> bias = variable("fc.bias", Shape.of(spec.classes()), Init.UNIFORM, bound, true, false);
        return pass.nn.biasAdd(pass.linalg.matMul(pooled, kernel), bias);
    }

    /** Convolution {@code convName} then batch norm {@code bnName}, as the pass computes batch norm. */
    private Operand<TFloat32> convBn(String convName, String bnName, Operand<TFloat32> x, int k, int out, int stride) {
        int in = channels(x);
        // He initialisation in fan-out mode, as torchvision's ResNet
        double std = Math.sqrt(2.0 / (k * k * out));
        Variable<TFloat32> kernel = variable(convName + ".kernel", Shape.of(k, k, in, out), Init.NORMAL, std, true, true);
        BatchNormVariables bn = batchNormVariables(bnName, out);
        if (batchNormMode == BatchNormMode.INFERENCE) {
            // y = (conv(x, W) - mean) * scale + beta = conv(x, W * scale) + (beta - mean * scale):
            // scale broadcasts over the kernel's last (output-channel) dimension
            Operand<TFloat32> scale = pass.math.mul(bn.gamma(), pass.math.rsqrt(pass.math.add(bn.variance(),
                    pass.constant(BN_EPSILON))));
            Operand<TFloat32> shift = pass.math.sub(bn.beta(), pass.math.mul(bn.mean(), scale));
            Operand<TFloat32> folded = pass.math.mul(kernel, scale);
            Operand<TFloat32> y = k == 1 ? pointwiseConv(x, folded, stride) : convolve(pass, x, folded, k, stride);
            return pass.nn.biasAdd(y, shift);
        }
        Operand<TFloat32> y = k == 1 ? pointwiseConv(x, kernel, stride) : convolve(pass, x, kernel, k, stride);
        return batchNorm(bn, y);
    }

    /**
     * A k x k convolution (odd k) padded as PyTorch pads it: (k - 1) / 2 zeros on every side.
     * TensorFlow's SAME would pad (0, 1) at stride 2 on an even input, so a 3x3 stride-2 main
     * branch would sample the odd pixels while the 1x1 stride-2 shortcut samples the even ones:
     * the two branches of a downsampling block would be one pixel apart at every downsampling.
     */
    static Operand<TFloat32> convolve(Ops ops, Operand<TFloat32> x, Operand<TFloat32> kernel, int k, int stride) {
        List<Long> strides = List.of(1L, (long) stride, (long) stride, 1L);
        if (stride == 1) {
            return ops.nn.conv2d(x, kernel, strides, "SAME"); // odd k at stride 1: SAME is symmetric
        }
        return ops.nn.conv2d(padSpatial(ops, x, (k - 1) / 2), kernel, strides, "VALID");
    }

    /**
     * 3x3 stride-2 max-pool padded by one pixel on every side, as PyTorch's ResNet stem. Zero
     * padding equals minus-infinity padding here because the input comes out of a ReLU.
     */
    static Operand<TFloat32> maxPool3x3Stride2(Ops ops, Operand<TFloat32> x) {
        return ops.nn.maxPool(padSpatial(ops, x, 1), ops.constant(new int[] {1, 3, 3, 1}),
                ops.constant(new int[] {1, 2, 2, 1}), "VALID");
    }

    /**
     * Zero padding of {@code p} pixels on every side, as TensorFlow's {@code Pad} op. TensorFlow
     * Java's {@code Ops.pad} makes {@code PadV2} (with a pad value), which grappler's oneDNN pass does
     * not merge into the following convolution; a plain {@code Pad} becomes part of it
     * ({@code _MklNativePadWithFusedConv2D}) in the inference and input-gradient graphs. Both pad
     * with zeros, so the numbers are the same.
     */
    private static Operand<TFloat32> padSpatial(Ops ops, Operand<TFloat32> x, int p) {
        if (p == 0) {
            return x;
        }
        Operand<TInt32> paddings = ops.constant(new int[][] {{0, 0}, {p, p}, {p, p}, {0, 0}});
        Scope scope = ops.scope();
        return scope.env().opBuilder("Pad", scope.makeOpName("Pad"), scope)
                .addInput(x.asOutput()).addInput(paddings.asOutput()).build().output(0);
    }

    private record BatchNormVariables(Variable<TFloat32> gamma, Variable<TFloat32> beta, Variable<TFloat32> mean,
                                      Variable<TFloat32> variance) {
    }

    private BatchNormVariables batchNormVariables(String name, int c) {
        return new BatchNormVariables(variable(name + ".gamma", Shape.of(c), Init.ONES, 0, true, false),
                variable(name + ".beta", Shape.of(c), Init.ZEROS, 0, true, false),
                variable(name + ".running_mean", Shape.of(c), Init.ZEROS, 0, false, false),
                variable(name + ".running_var", Shape.of(c), Init.ONES, 0, false, false));
    }

    private Operand<TFloat32> batchNorm(BatchNormVariables v, Operand<TFloat32> x) {
        if (batchNormMode == BatchNormMode.TRAINING) {
            FusedBatchNorm<TFloat32, TFloat32> bn = pass.nn.fusedBatchNorm(x, v.gamma(), v.beta(), v.mean(), v.variance(),
                    FusedBatchNorm.isTraining(true), FusedBatchNorm.epsilon(BN_EPSILON),
                    FusedBatchNorm.exponentialAvgFactor(BN_AVERAGE_FACTOR));
            // with an averaging factor, the batch outputs already are the new running statistics
            statisticUpdates.add(pass.assign(v.mean(), bn.batchMean()));
            statisticUpdates.add(pass.assign(v.variance(), bn.batchVariance()));
            return bn.y();
        }
        return pass.nn.fusedBatchNorm(x, v.gamma(), v.beta(), v.mean(), v.variance(), FusedBatchNorm.isTraining(false),
                FusedBatchNorm.epsilon(BN_EPSILON)).y();
    }

    private Operand<TFloat32> relu(Operand<TFloat32> x) {
        return pass.nn.relu(x);
    }

    private static int channels(Operand<TFloat32> x) {
        return (int) x.shape().get(x.shape().numDimensions() - 1);
    }

    private enum Init { NORMAL, UNIFORM, ZEROS, ONES }

    private Variable<TFloat32> variable(String name, Shape shape, Init init, double scale, boolean train, boolean decay) {
        Variable<TFloat32> existing = variables.get(name);
        if (existing != null) {
            return existing;
        }
        Ops in = tf.withInitScope().withSubScope("init");
        Operand<TInt32> dims = in.constant(toInts(shape));
        long s = Seeds.derive(seed, "init", name);
        Operand<?> seedPair = in.constant(new long[] {s, Seeds.derive(s, 1)});
        @SuppressWarnings("unchecked")
        Operand<org.tensorflow.types.TInt64> seeds = (Operand<org.tensorflow.types.TInt64>) seedPair;
        Operand<TFloat32> value = switch (init) {
            case NORMAL -> in.math.mul(in.random.statelessRandomNormal(dims, seeds), in.constant((float) scale));
            case UNIFORM -> in.math.mul(in.math.sub(in.math.mul(in.random.statelessRandomUniform(dims, seeds),
                    in.constant(2f)), in.constant(1f)), in.constant((float) scale));
            case ZEROS -> in.zeros(dims, TFloat32.class);
            case ONES -> in.ones(dims, TFloat32.class);
        };
        Variable<TFloat32> v = variableScope.withName(name).variable(value);
        variables.put(name, v);
        if (train) {
            trainable.add(v);
        }
        if (decay) {
            decayed.add(v);
        }
        return v;
    }

    /** The graph name of a variable; stable, so checkpoints and fine-tuning can match by name. */
    static String variableName(String name) {
        return "var/" + name;
    }

    private static int[] toInts(Shape shape) {
        int[] out = new int[shape.numDimensions()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) shape.get(i);
        }
        return out;
    }
}
