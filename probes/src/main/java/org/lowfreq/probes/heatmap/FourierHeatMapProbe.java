package org.lowfreq.probes.heatmap;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.lowfreq.datasets.stream.Batch;
import org.lowfreq.probes.data.BatchStream;
import org.lowfreq.probes.data.SplitStream;
import org.lowfreq.probes.hybrid.PrefetchingPipeline;
import org.lowfreq.spi.Classifier;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.Logits;
import org.lowfreq.spi.Options;
import org.lowfreq.spi.Probe;
import org.lowfreq.spi.ProbeContext;
import org.lowfreq.spi.ResultRow;
import org.lowfreq.spi.Seeds;
import org.lowfreq.spi.UserInputException;

/**
 * Fourier heat map (Yin et al., "A Fourier perspective on model robustness in computer vision",
 * NeurIPS 2019): the error rate when each test image gets one additive Fourier basis perturbation
 * {@code x + r eps U_{k,l}} per channel, with a random sign r per image and channel, clipped to
 * [0, 1]; one error rate per basis over the half-plane of frequencies.
 */
public final class FourierHeatMapProbe implements Probe {
    public static final String NAME = "fourier-heatmap";
    static final String FIGURE = "fourier-heatmap.png";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Error rate under additive single-Fourier-basis perturbations of fixed L2 norm per (fx, fy) "
                + "(Yin et al. 2019); heat map with colour bar";
    }

    @Override
    public Set<String> optionNames() {
        return Set.of("eps", "images", "figures");
    }

    /** L2 norm per channel: Yin et al.'s 4 on 32 x 32 [0, 1] images, scaled by sqrt(pixels / 1024). */
    public static double defaultEps(ImageShape shape) {
        return 4.0 * Math.sqrt(shape.height() * shape.width() / 1024.0);
    }

    /** Error rate per basis (index as in {@link FourierBasis#halfPlane}) plus the clean error rate. */
    public record Result(List<FourierBasis.Element> basis, double[] errorRate, double cleanErrorRate, double eps) {
    }

    @Override
    public void run(ProbeContext ctx) {
        measure(ctx);
    }

    public Result measure(ProbeContext ctx) {
        Options o = ctx.options();
        Classifier model = ctx.classifier();
        int available = ctx.dataset().size(ctx.split());
        int n = Math.min(available, o.getInt("images", 1000));
        if (n < 1) {
            throw new UserInputException("images=" + n + " must be at least 1");
        }
        ImageShape shape = ctx.dataset().shape();
        model.checkInput(new Images(0, shape, new float[0]));
        // the L2 norm of the perturbation per channel: finite and > 0 (spi ValueRange names the option)
        double eps = o.getDouble("eps", defaultEps(shape), org.lowfreq.spi.ValueRange.POSITIVE);
        List<FourierBasis.Element> basis = FourierBasis.halfPlane(shape.height(), shape.width());
        // the images are streamed once, a batch at a time, and every basis is applied to each batch:
        // memory holds a few batches, never the n images; counts add up to the same rates in any batching
        long cleanWrong = 0;
        long[] wrong = new long[basis.size()];
        int batch = Math.max(1, model.preferredBatchSize());
        AtomicInteger count = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(ctx.threads(), r -> {
            Thread t = new Thread(r, "lowfreq-heatmap-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try (BatchStream stream = SplitStream.first(ctx.dataset(), ctx.split(), n, batch, ctx.threads())) {
            ctx.progress().start("fourier-heatmap " + model.card().name(), (long) basis.size() * n);
            int first = 0;
            while (stream.hasNext()) {
                Images images;
                try (Batch b = stream.next()) {
                    images = SplitStream.copy(b.images());
                }
                int offset = first;
                cleanWrong += errors(model.logits(images), images.labels());
                PrefetchingPipeline.run(pool, basis.size(), ctx.threads() + 1,
                        k -> perturb(images, offset, basis.get(k), eps, ctx.seed()),
                        (k, perturbed) -> {
                            wrong[k] += errors(model.logits(perturbed), images.labels());
                            ctx.progress().advance(images.count());
                        });
                first += images.count();
            }
            ctx.progress().finish();
        } finally {
            pool.shutdownNow();
        }
        double clean = cleanWrong / (double) n;
        double[] error = new double[basis.size()];
        for (int k = 0; k < error.length; k++) {
            error[k] = wrong[k] / (double) n;
        }
        String note = String.format(Locale.ROOT, "L2 norm %.4g per channel, random sign per image and channel, %d images",
                eps, n);
        ctx.sink().accept(new ResultRow("", "", "", ctx.seed(), "clean_error_rate", clean, ""));
        for (int b = 0; b < basis.size(); b++) {
            FourierBasis.Element e = basis.get(b);
            ctx.sink().accept(new ResultRow("fx_cpp", ResultRow.formatNumber(e.fx()), "fy_cpp="
                    + ResultRow.formatNumber(e.fy()), ctx.seed(), "error_rate", error[b], note));
        }
        Result result = new Result(basis, error, clean, eps);
        if (o.getBoolean("figures", true)) {
            HeatMapFigure.write(ctx.outDir().resolve(FIGURE), model.card().name(), shape, result);
        }
        return result;
    }

    /** Images plus {@code r eps U} per channel; the sign of image i depends only on (seed, basis, i). */
    static Images perturb(Images images, FourierBasis.Element e, double eps, long seed) {
        return perturb(images, 0, e, eps, seed);
    }

    /**
     * As {@link #perturb(Images, FourierBasis.Element, double, long)} for a batch whose first image is
     * image {@code first} of the probed images (the sign follows the image, not its batch).
     */
    static Images perturb(Images images, int first, FourierBasis.Element e, double eps, long seed) {
        ImageShape shape = images.shape();
        int size = shape.size();
        int ch = shape.channels();
        int hw = shape.height() * shape.width();
        float[] src = images.pixels();
        float[] out = new float[images.count() * size];
        float[] u = e.plane();
        for (int i = 0; i < images.count(); i++) {
            long bits = Seeds.derive(seed, "fourier-heatmap-sign", e.row(), e.col(), first + i);
            int o = i * size;
            for (int c = 0; c < ch; c++) {
                float a = (float) (((bits >>> c) & 1L) == 0 ? eps : -eps);
                for (int p = 0; p < hw; p++) {
                    float v = src[o + p * ch + c] + a * u[p];
                    out[o + p * ch + c] = v < 0f ? 0f : (v > 1f ? 1f : v);
                }
            }
        }
        return new Images(images.count(), shape, out, images.labels());
    }

    static double errorRate(Logits logits, int[] labels) {
        return errors(logits, labels) / (double) logits.count();
    }

    static int errors(Logits logits, int[] labels) {
        int wrong = 0;
        for (int i = 0; i < logits.count(); i++) {
            if (logits.argmax(i) != labels[i]) {
                wrong++;
            }
        }
        return wrong;
    }
}
