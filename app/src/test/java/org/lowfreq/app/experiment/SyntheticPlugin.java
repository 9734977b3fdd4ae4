package org.lowfreq.app.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.lowfreq.spi.Dataset;
import org.lowfreq.spi.DatasetProvider;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.InMemoryDataset;
import org.lowfreq.spi.Logits;
import org.lowfreq.spi.Plugin;
import org.lowfreq.spi.Probe;
import org.lowfreq.spi.ProbeContext;
import org.lowfreq.spi.ResultRow;

/**
 * Test-only plugin (listed in the test resources' META-INF/services): a tiny synthetic data set
 * ("synthetic", 4x4 grey images whose class is which half is brighter) and a tiny probe
 * ("tiny-accuracy") that can be told to sleep, fail, or log each completed execution.
 */
public final class SyntheticPlugin implements Plugin {
    @Override
    public String name() {
        return "test-synthetic";
    }

    @Override
    public List<DatasetProvider> datasets() {
        return List.of(new DatasetProvider() {
            @Override
            public String name() {
                return "synthetic";
            }

            @Override
            public String description() {
                return "4x4 grey images, class = brighter half (tests)";
            }

            @Override
            public boolean isPresent(Path dataRoot) {
                return true;
            }

            @Override
            public Dataset open(Path dataRoot) {
                ImageShape shape = new ImageShape(4, 4, 1);
                return new InMemoryDataset("synthetic", List.of("left", "right"), shape,
                        Map.of("train", images(shape, 160, 1), "test", images(shape, 60, 2)));
            }

            @Override
            public String howToGet(Path dataRoot) {
                return "built in";
            }
        });
    }

    static Images images(ImageShape shape, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] px = new float[n * shape.size()];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            for (int y = 0; y < 4; y++) {
                for (int x = 0; x < 4; x++) {
                    boolean bright = (x < 2) == (labels[i] == 0);
                    px[i * 16 + y * 4 + x] = (float) Math.min(1, Math.max(0, (bright ? 0.7 : 0.3) + 0.2 * r.nextGaussian()));
                }
            }
        }
        return new Images(n, shape, px, labels);
    }

    @Override
    public List<Probe> probes() {
        return List.of(new Probe() {
            @Override
            public String name() {
                return "tiny-accuracy";
            }

            @Override
            public String description() {
                return "accuracy on the first images (tests)";
            }

            @Override
            public Set<String> optionNames() {
                return Set.of("sleep_ms", "fail", "log_file", "scale");
            }

            @Override
            public void run(ProbeContext c) {
                if (c.options().getBoolean("fail", false)) {
                    throw new IllegalStateException("told to fail");
                }
                try {
                    Thread.sleep(c.options().getLong("sleep_ms", 0));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                Images test = c.dataset().readAll(c.split());
                Logits l = c.classifier().logits(test);
                int ok = 0;
                for (int i = 0; i < test.count(); i++) {
                    ok += l.argmax(i) == test.labels()[i] ? 1 : 0;
                }
                double scale = c.options().getDouble("scale", 1);
                c.sink().accept(ResultRow.summary("accuracy", scale * ok / test.count(), c.seed()));
                String log = c.options().getString("log_file", null);
                if (log != null) {
                    try {
                        Files.writeString(Path.of(log), c.outDir().getFileName() + "\n", StandardCharsets.UTF_8,
                                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        });
    }
}
