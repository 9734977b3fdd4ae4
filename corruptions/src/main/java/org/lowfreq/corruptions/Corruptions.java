package org.lowfreq.corruptions;

import java.util.ArrayList;
import java.util.List;
import org.lowfreq.spi.Corruption;
import org.lowfreq.spi.UserInputException;

/** The 15 common corruptions followed by the 4 extras, in the order of the CIFAR-10-C files. */
public final class Corruptions {
    private final List<Corruption> all;

    public Corruptions(FrostImages frost) {
        all = List.of(new GaussianNoise(), new ShotNoise(), new ImpulseNoise(), new DefocusBlur(), new GlassBlur(),
                new MotionBlur(), new ZoomBlur(), new Snow(), new Frost(frost), new Fog(), new Brightness(),
                new Contrast(), new ElasticTransform(), new Pixelate(), new JpegCompression(),
                new SpeckleNoise(), new GaussianBlur(), new Spatter(), new Saturate());
    }

    /** All 19. */
    public List<Corruption> all() {
        return all;
    }

    /** The 15 of the benchmark. */
    public List<Corruption> common() {
        return all.stream().filter(c -> !c.extra()).toList();
    }

    public Corruption byName(String name) {
        for (Corruption c : all) {
            if (c.name().equals(name.trim())) {
                return c;
            }
        }
        throw new UserInputException("unknown corruption '" + name + "'",
                "known: " + String.join(", ", all.stream().map(Corruption::name).toList()));
    }

    /**
     * Parses a comma-separated selection: names, {@code common} (the 15), {@code extra} (the 4) or
     * {@code all}; null or blank means the 15.
     */
    public List<Corruption> select(String spec) {
        if (spec == null || spec.isBlank()) {
            return common();
        }
        List<Corruption> out = new ArrayList<>();
        for (String part : spec.split(",")) {
            String p = part.trim();
            List<Corruption> add = switch (p) {
                case "all" -> all;
                case "common" -> common();
                case "extra" -> all.stream().filter(Corruption::extra).toList();
                default -> List.of(byName(p));
            };
            for (Corruption c : add) {
                if (!out.contains(c)) {
                    out.add(c);
                }
            }
        }
        return out;
    }
}
