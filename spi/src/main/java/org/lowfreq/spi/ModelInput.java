package org.lowfreq.spi;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How an imported model wants its input, when it does not follow lowfreq's own contract ([0, 1]
 * NHWC straight into the model): the layout the model takes, and a per-channel normalisation
 * {@code (x - mean) / std} that the backend applies in front of the model. Read from and written to
 * the {@link ModelCard} properties {@value #LAYOUT}, {@value #MEAN} and {@value #STD}, so that every
 * backend reads an imported card the same way.
 *
 * @param layout the model's input layout
 * @param mean   per-channel mean subtracted before the model, empty for none
 * @param std    per-channel divisor, empty for none (then mean is empty too)
 */
public record ModelInput(Layout layout, float[] mean, float[] std) {
    public static final String LAYOUT = "input_layout";
    public static final String MEAN = "input_mean";
    public static final String STD = "input_std";

    /** Memory order of the model's input tensor. */
    public enum Layout {
        /** batch, height, width, channels: lowfreq's and TensorFlow's order. */
        NHWC,
        /** batch, channels, height, width: PyTorch's order. */
        NCHW
    }

    public ModelInput {
        mean = mean.clone();
        std = std.clone();
        if (mean.length != std.length) {
            throw new UserInputException("input mean has " + mean.length + " values but std has " + std.length,
                    "give one mean and one std per channel, or neither");
        }
        for (float s : std) {
            if (!(s > 0) || !Float.isFinite(s)) {
                throw new UserInputException("input std " + Arrays.toString(std) + " must be positive and finite");
            }
        }
        for (float m : mean) {
            if (!Float.isFinite(m)) {
                throw new UserInputException("input mean " + Arrays.toString(mean) + " must be finite");
            }
        }
    }

    /** No normalisation in front of the model. */
    public static ModelInput of(Layout layout) {
        return new ModelInput(layout, new float[0], new float[0]);
    }

    public boolean normalises() {
        return mean.length > 0;
    }

    /**
     * Reads the card's properties: the layout defaults to {@code fallback}, the normalisation to none.
     * Checks the channel count of the normalisation against the card's input shape.
     */
    public static ModelInput fromCard(ModelCard card, Layout fallback) {
        Map<String, String> p = card.properties();
        Layout layout = fallback;
        String l = p.get(LAYOUT);
        if (l != null) {
            try {
                layout = Layout.valueOf(l.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UserInputException("model card of " + card.name() + ": " + LAYOUT + " is '" + l
                        + "'", "use NCHW or NHWC");
            }
        }
        ModelInput in = new ModelInput(layout, floats(p.get(MEAN), MEAN, card), floats(p.get(STD), STD, card));
        if (in.normalises() && in.mean.length != card.inputShape().channels()) {
            throw new UserInputException("model card of " + card.name() + ": " + MEAN + " and " + STD + " have "
                    + in.mean.length + " values but the model takes " + card.inputShape().channels() + " channels");
        }
        return in;
    }

    /** The properties that describe this input, to put in a card. */
    public Map<String, String> properties() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(LAYOUT, layout.name());
        m.put(MEAN, normalises() ? join(mean) : "none");
        m.put(STD, normalises() ? join(std) : "none");
        return m;
    }

    /**
     * Images {@code [from, from + n)} of a [0, 1] NHWC batch as the model's input: normalised and in
     * the model's layout. Backends without autograd use this; the gradients of the others flow through
     * their own version of the same arithmetic.
     */
    public float[] toModelInput(Images images, int from, int n) {
        ImageShape s = images.shape();
        int c = s.channels();
        int hw = s.height() * s.width();
        float[] src = images.pixels();
        int base = images.offset(from);
        float[] out = new float[n * s.size()];
        for (int i = 0; i < n; i++) {
            int o = i * s.size();
            for (int p = 0; p < hw; p++) {
                for (int k = 0; k < c; k++) {
                    float v = src[base + o + p * c + k];
                    if (normalises()) {
                        v = (v - mean[k]) / std[k];
                    }
                    out[o + (layout == Layout.NHWC ? p * c + k : k * hw + p)] = v;
                }
            }
        }
        return out;
    }

    private static float[] floats(String text, String key, ModelCard card) {
        if (text == null || text.isBlank() || text.trim().equalsIgnoreCase("none")) {
            return new float[0];
        }
        String[] parts = text.split(",");
        float[] out = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Float.parseFloat(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new UserInputException("model card of " + card.name() + ": " + key + " is '" + text + "'",
                        "write comma-separated numbers, one per channel, e.g. 0.4914,0.4822,0.4465");
            }
        }
        return out;
    }

    private static String join(float[] a) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < a.length; i++) {
            b.append(i == 0 ? "" : ",").append(a[i]);
        }
        return b.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelInput m && m.layout == layout && Arrays.equals(m.mean, mean) && Arrays.equals(m.std, std);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * layout.hashCode() + Arrays.hashCode(mean)) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return layout + (normalises() ? " mean " + join(mean) + " std " + join(std) : " no normalisation");
    }
}
