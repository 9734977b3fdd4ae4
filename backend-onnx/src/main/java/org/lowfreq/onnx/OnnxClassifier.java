package org.lowfreq.onnx;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import org.lowfreq.spi.Capability;
import org.lowfreq.spi.Classifier;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.Logits;
import org.lowfreq.spi.Loss;
import org.lowfreq.spi.LossGradient;
import org.lowfreq.spi.ModelCard;
import org.lowfreq.spi.ModelInput;
import org.lowfreq.spi.UserInputException;

/**
 * A classifier over an ONNX model with one float image input and one float logits output. [0, 1]
 * NHWC pixels are normalised and put in the model's layout in Java ({@link ModelInput}) before each
 * run. It has no input gradient. Every tensor and result is closed after its run; the session by
 * {@link #close}. The environment is ONNX Runtime's process-wide one and is never closed.
 */
public final class OnnxClassifier implements Classifier {
    private final OrtSession session;
    private final ModelCard card;
    private final ModelInput input;
    private final String inputName;
    /** The model's own batch size when its graph fixes one, else -1. */
    private final long fixedBatch;
    private final int batchSize;

    private OnnxClassifier(OrtSession session, ModelCard card, ModelInput input, String inputName, long fixedBatch,
                           int batchSize) {
        this.session = session;
        this.card = card;
        this.input = input;
        this.inputName = inputName;
        this.fixedBatch = fixedBatch;
        this.batchSize = fixedBatch > 0 ? (int) fixedBatch : batchSize;
    }

    static OnnxClassifier open(Path file, ModelCard card, int threads, int batchSize) {
        ModelInput input = ModelInput.fromCard(card, ModelInput.Layout.NCHW);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession session;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            if (threads > 0) {
                options.setIntraOpNumThreads(threads);
            }
            session = env.createSession(file.toString(), options);
        } catch (OrtException e) {
            throw new UserInputException("cannot load " + file + " as ONNX: " + e.getMessage(),
                    "export the model with torch.onnx.export or tf2onnx (see docs/IMPORTING.md)");
        }
        try {
            String name = checkInput(session, card, input, file);
            long fixedBatch = batchDimension(session.getInputInfo().get(name));
            OnnxClassifier c = new OnnxClassifier(session, card, input, name, fixedBatch, batchSize);
            c.checkOutput(file);
            return c;
        } catch (OrtException e) {
            closeQuietly(session);
            throw new UserInputException("cannot inspect the ONNX model " + file + ": " + e.getMessage());
        } catch (RuntimeException e) {
            closeQuietly(session);
            throw e;
        }
    }

    /** The one float input of rank 4 whose fixed dimensions fit the card; returns its name. */
    private static String checkInput(OrtSession session, ModelCard card, ModelInput input, Path file) throws OrtException {
        Map<String, NodeInfo> inputs = session.getInputInfo();
        if (inputs.size() != 1) {
            throw mismatch(file, "input shape", "it has " + inputs.size() + " inputs " + inputs.keySet()
                    + "; lowfreq feeds exactly one image tensor");
        }
        NodeInfo info = inputs.values().iterator().next();
        if (!(info.getInfo() instanceof TensorInfo t) || t.type != OnnxJavaType.FLOAT) {
            throw mismatch(file, "input shape", "its input '" + info.getName() + "' is " + info.getInfo()
                    + ", not a float32 tensor");
        }
        ImageShape s = card.inputShape();
        long[] want = input.layout() == ModelInput.Layout.NCHW
                ? new long[] {-1, s.channels(), s.height(), s.width()}
                : new long[] {-1, s.height(), s.width(), s.channels()};
        long[] have = t.getShape();
        boolean fits = have.length == 4;
        for (int d = 1; fits && d < 4; d++) {
            fits = have[d] < 0 || have[d] == want[d];
        }
        if (!fits) {
            throw mismatch(file, "input shape", "its input '" + info.getName() + "' has shape " + dims(have)
                    + " but the card declares " + dims(want) + " (" + input.layout() + " images of " + s + ")");
        }
        return info.getName();
    }

    private static long batchDimension(NodeInfo info) {
        long b = ((TensorInfo) info.getInfo()).getShape()[0];
        return b > 0 ? b : -1;
    }

    private void checkOutput(Path file) throws OrtException {
        Map<String, NodeInfo> outputs = session.getOutputInfo();
        if (outputs.size() != 1) {
            throw mismatch(file, "class count", "it has " + outputs.size() + " outputs " + outputs.keySet()
                    + "; lowfreq reads exactly one logits tensor");
        }
        float[] zeros = new float[card.inputShape().size()];
        long per = run(new Images(1, card.inputShape(), zeros), 0, 1).length;
        if (per != card.classCount()) {
            throw mismatch(file, "class count", "it returns " + per + " logits per image but " + card.dataset()
                    + " has " + card.classCount() + " classes");
        }
    }

    private static UserInputException mismatch(Path file, String what, String why) {
        return new UserInputException("the ONNX model " + file + " does not fit the " + what + ": " + why,
                "import it for the data set it was trained on (--dataset) and the layout it takes (--layout), "
                        + "or re-export it with one image input and one logits output");
    }

    private static String dims(long[] shape) {
        return Arrays.toString(Arrays.stream(shape).mapToObj(d -> d < 0 ? "?" : Long.toString(d)).toArray());
    }

    @Override
    public ModelCard card() {
        return card;
    }

    /** Logits only: ONNX Runtime's Java API offers no gradients. */
    @Override
    public Set<Capability> capabilities() {
        return EnumSet.noneOf(Capability.class);
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
        for (int from = 0; from < images.count(); from += batchSize) {
            int n = Math.min(batchSize, images.count() - from);
            float[] z;
            try {
                z = run(images, from, n);
            } catch (OrtException e) {
                throw new IllegalStateException("ONNX Runtime failed on model " + card.name() + ": " + e.getMessage(), e);
            }
            System.arraycopy(z, 0, out, from * k, n * k);
        }
        return new Logits(images.count(), k, out);
    }

    /** Logits of images [from, from + n), flattened; a fixed-batch model gets its batch padded with zeros. */
    private float[] run(Images images, int from, int n) throws OrtException {
        ImageShape s = images.shape();
        float[] x = input.toModelInput(images, from, n);
        int rows = fixedBatch > 0 ? (int) fixedBatch : n;
        if (rows != n) {
            x = Arrays.copyOf(x, rows * s.size());
        }
        long[] shape = input.layout() == ModelInput.Layout.NCHW
                ? new long[] {rows, s.channels(), s.height(), s.width()}
                : new long[] {rows, s.height(), s.width(), s.channels()};
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), shape);
             OrtSession.Result r = session.run(Map.of(inputName, t))) {
            OnnxValue v = r.get(0);
            if (!(v instanceof OnnxTensor out) || ((TensorInfo) out.getInfo()).type != OnnxJavaType.FLOAT) {
                throw new UserInputException("the ONNX model " + card.name() + " returns " + v.getInfo()
                        + ", not float32 logits");
            }
            FloatBuffer fb = out.getFloatBuffer();
            int per = fb.remaining() / rows;
            float[] z = new float[n * per];
            fb.get(z);
            return z;
        }
    }

    @Override
    public LossGradient lossGradient(Images images, int[] classes, Loss loss) {
        throw new UnsupportedOperationException("model " + card.name() + " (backend " + OnnxModelProvider.NAME
                + ") has no input gradient: ONNX Runtime runs the model forward only");
    }

    private static void closeQuietly(OrtSession session) {
        try {
            session.close();
        } catch (OrtException e) {
            // the load already failed; its error is the one to report
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("cannot close the ONNX session of " + card.name() + ": " + e.getMessage(), e);
        }
    }
}
