package org.example.lowfreq;

import java.util.List;
import java.util.Set;
import org.lowfreq.spi.Dataset;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.ProbeContext;
import org.lowfreq.spi.Probe;
import org.lowfreq.spi.ResultRow;
import org.lowfreq.spi.UserInputException;

/**
 * Mean pixel value of each class's images (all channels), plus the overall mean. It looks only at
 * the data, not at the model, which keeps the example short; a real probe would call
 * {@code context.classifier().logits(images)}.
 */
public final class MeanBrightnessProbe implements Probe {
    @Override
    public String name() {
        return "mean-brightness";
    }

    @Override
    public String description() {
        return "mean pixel value per class of the data set (example plugin)";
    }

    @Override
    public Set<String> optionNames() {
        return Set.of("batch-size");
    }

    @Override
    public void run(ProbeContext context) {
        int batch = context.options().getInt("batch-size", 500);
        if (batch < 1) {
            throw new UserInputException("option batch-size=" + batch + " must be at least 1");
        }
        Dataset data = context.dataset();
        String split = context.split();
        List<String> classes = data.classNames();
        double[] sum = new double[classes.size()];
        long[] values = new long[classes.size()];
        int n = data.size(split);
        context.progress().start("mean-brightness", n);
        for (int from = 0; from < n; from += batch) {
            Images images = data.read(split, from, Math.min(batch, n - from));
            int size = images.shape().size();
            for (int i = 0; i < images.count(); i++) {
                int label = images.labels()[i];
                for (int k = images.offset(i); k < images.offset(i) + size; k++) {
                    sum[label] += images.pixels()[k];
                }
                values[label] += size;
            }
            context.progress().advance(images.count());
        }
        context.progress().finish();
        double total = 0;
        long count = 0;
        for (int c = 0; c < classes.size(); c++) {
            double mean = values[c] == 0 ? Double.NaN : sum[c] / values[c];
            ResultRow row = new ResultRow("class", classes.get(c), "", context.seed(), "mean_brightness", mean,
                    values[c] == 0 ? "no images of this class" : "");
            context.sink().accept(row);
            total += sum[c];
            count += values[c];
        }
        context.sink().accept(ResultRow.summary("mean_brightness", total / count, context.seed()));
    }
}
