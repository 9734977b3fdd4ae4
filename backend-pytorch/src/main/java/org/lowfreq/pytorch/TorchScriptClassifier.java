package org.lowfreq.pytorch;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.IValue;
import org.bytedeco.pytorch.IValueVector;
import org.bytedeco.pytorch.InferenceMode;
import org.bytedeco.pytorch.JitModule;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
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
 * A classifier over a TorchScript module. Inputs arrive as [0, 1] NHWC pixels; in front of the
 * module, inside libtorch's autograd graph, they are permuted to the module's layout and normalised
 * as the card says, so input gradients are taken with respect to the [0, 1] pixels. The module runs
 * in eval mode; logits run under an {@link InferenceMode} guard.
 *
 * <p>Every tensor, IValue and guard is created inside a {@link PointerScope} (or a
 * try-with-resources of its own) and freed when it closes; the module is freed by {@link #close}.
 * Calls are serialised: libtorch already spreads one call over its intra-op threads.
 */
public final class TorchScriptClassifier implements Classifier {
    private final JitModule module;
    private final ModelCard card;
    private final ModelInput input;
    private final int batchSize;
    private boolean closed;

    private TorchScriptClassifier(JitModule module, ModelCard card, ModelInput input, int batchSize) {
        this.module = module;
        this.card = card;
        this.input = input;
        this.batchSize = batchSize;
    }

    /**
     * Loads a TorchScript file, puts it in eval mode and checks it against the card: a batch of the
     * card's image shape must run and give one logit per class.
     */
    static TorchScriptClassifier open(Path file, ModelCard card, TorchOptions options) {
        ModelInput input = ModelInput.fromCard(card, ModelInput.Layout.NCHW);
        Libtorch.load();
        if (options.threads() > 0) {
            torch.set_num_threads(options.threads());
        }
        JitModule module;
        try {
            module = torch.load(file.toString());
        } catch (RuntimeException e) {
            throw new UserInputException("cannot load " + file + " as TorchScript: " + firstLine(e),
                    "export the model with torch.jit.trace(model.eval(), example).save(path) (see docs/IMPORTING.md)");
        }
        TorchScriptClassifier c = new TorchScriptClassifier(module, card, input, options.batchSize());
        try {
            module.eval();
            c.checkAgainstCard(file);
            return c;
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private void checkAgainstCard(Path file) {
        ImageShape s = card.inputShape();
        long[] shape;
        try (InferenceMode guard = new InferenceMode(); PointerScope scope = new PointerScope()) {
            Tensor z;
            try {
                z = forward(Tensor.create(new float[2 * s.size()], 2, s.height(), s.width(), s.channels()));
            } catch (RuntimeException e) {
                throw new UserInputException("the TorchScript model " + file + " does not fit the input shape "
                        + describeInput() + ": it fails on a batch of such images (" + firstLine(e) + ")",
                        "import it for a data set of the resolution and channel count it was trained on, or fix "
                                + "the card's input_height, input_width, input_channels and " + ModelInput.LAYOUT);
            }
            shape = new long[(int) z.dim()];
            for (int d = 0; d < shape.length; d++) {
                shape[d] = z.size(d);
            }
        }
        if (shape.length != 2 || shape[0] != 2 || shape[1] != card.classCount()) {
            long per = shape.length == 0 ? 1 : Arrays.stream(shape).skip(1).reduce(1, (a, b) -> a * b);
            throw new UserInputException("the TorchScript model " + file + " does not fit the class count: it returns "
                    + (shape.length == 2 ? shape[1] + " logits" : "an output of shape " + Arrays.toString(shape)
                    + " (" + per + " values)") + " per image but " + card.dataset() + " has " + card.classCount()
                    + " classes", "import it for the data set it was trained on (--dataset), or check that the model "
                    + "returns logits of shape [batch, classes]");
        }
    }

    private String describeInput() {
        ImageShape s = card.inputShape();
        return input.layout() == ModelInput.Layout.NCHW
                ? "[batch, " + s.channels() + ", " + s.height() + ", " + s.width() + "] (NCHW)"
                : "[batch, " + s.height() + ", " + s.width() + ", " + s.channels() + "] (NHWC)";
    }

    /** The module applied to [0,1] NHWC pixels: layout change and normalisation first, all differentiable. */
    private Tensor forward(Tensor nhwc) {
        Tensor x = input.layout() == ModelInput.Layout.NCHW ? nhwc.permute(0, 3, 1, 2) : nhwc;
        if (input.normalises()) {
            int c = input.mean().length;
            long[] shape = input.layout() == ModelInput.Layout.NCHW ? new long[] {1, c, 1, 1} : new long[] {1, 1, 1, c};
            x = x.sub(Tensor.create(input.mean(), shape)).div(Tensor.create(input.std(), shape));
        }
        IValue out = module.forward(new IValueVector(new IValue(x)));
        if (!out.isTensor()) {
            throw new UserInputException("the TorchScript model " + card.name() + " returns " + out.tagKind().getString()
                    + ", not a tensor of logits", "trace a module whose forward returns the logits tensor only");
        }
        return out.toTensor();
    }

    @Override
    public ModelCard card() {
        return card;
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.INPUT_GRADIENT);
    }

    @Override
    public int preferredBatchSize() {
        return batchSize;
    }

    @Override
    public synchronized Logits logits(Images images) {
        checkOpen();
        checkInput(images);
        ImageShape s = images.shape();
        int k = card.classCount();
        float[] out = new float[images.count() * k];
        for (int from = 0; from < images.count(); from += batchSize) {
            int n = Math.min(batchSize, images.count() - from);
            try (InferenceMode guard = new InferenceMode(); PointerScope scope = new PointerScope()) {
                Tensor x = Tensor.create(Arrays.copyOfRange(images.pixels(), images.offset(from),
                        images.offset(from + n)), n, s.height(), s.width(), s.channels());
                Tensor z = forward(x).contiguous();
                z.data_ptr_float().get(out, from * k, n * k);
            }
        }
        return new Logits(images.count(), k, out);
    }

    @Override
    public synchronized LossGradient lossGradient(Images images, int[] classes, Loss loss) {
        checkOpen();
        checkInput(images);
        int k = card.classCount();
        if (classes.length != images.count()) {
            throw new IllegalArgumentException(classes.length + " classes for " + images.count() + " images");
        }
        for (int c : classes) {
            if (c < 0 || c >= k) {
                throw new UserInputException("class " + c + " is outside 0.." + (k - 1) + " of model " + card.name());
            }
        }
        ImageShape s = images.shape();
        float[] lossOut = new float[images.count()];
        float[] gradOut = new float[images.pixels().length];
        for (int from = 0; from < images.count(); from += batchSize) {
            int n = Math.min(batchSize, images.count() - from);
            float[] oneHot = new float[n * k];
            for (int i = 0; i < n; i++) {
                oneHot[i * k + classes[from + i]] = 1f;
            }
            try (PointerScope scope = new PointerScope()) {
                Tensor x = Tensor.create(Arrays.copyOfRange(images.pixels(), images.offset(from),
                        images.offset(from + n)), n, s.height(), s.width(), s.channels());
                x.set_requires_grad(true);
                Tensor z = forward(x);
                Tensor target = Tensor.create(oneHot, n, k);
                Tensor perImage = loss == Loss.CROSS_ENTROPY
                        ? z.log_softmax(1).mul(target).sum(1).neg()
                        : marginLoss(z, target, oneHot, n, k);
                perImage.sum().backward();
                perImage.detach().contiguous().data_ptr_float().get(lossOut, from, n);
                x.grad().contiguous().data_ptr_float().get(gradOut, images.offset(from), n * s.size());
            }
        }
        return new LossGradient(lossOut, gradOut);
    }

    /** {@code max_{j != t} z_j - z_t}: the target's own logit is pushed far down before the max. */
    private static Tensor marginLoss(Tensor z, Tensor target, float[] oneHot, int n, int k) {
        float[] push = new float[oneHot.length];
        for (int i = 0; i < push.length; i++) {
            push[i] = oneHot[i] * 1e9f;
        }
        Tensor others = z.sub(Tensor.create(push, n, k)).max(1).get0();
        return others.sub(z.mul(target).sum(1));
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("model " + card.name() + " is closed");
        }
    }

    private static String firstLine(RuntimeException e) {
        String m = String.valueOf(e.getMessage()).strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            module.close();
        }
    }
}
