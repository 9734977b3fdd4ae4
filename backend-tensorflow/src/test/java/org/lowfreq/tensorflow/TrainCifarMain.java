package org.lowfreq.tensorflow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.lowfreq.spi.Options;
import org.lowfreq.spi.ProgressListener;
import org.lowfreq.spi.TrainingSpec;

/**
 * TEMPORARY bench entry point (until 'lowfreq train' is wired): trains on CIFAR-10 with the test
 * helper reader. Arguments: key=value pairs (out, width, sigma, epochs, batch, lr, seed, threads,
 * train-limit, test-limit, family, resume, pca) and trainer options as opt.key=value.
 */
public final class TrainCifarMain {
    public static void main(String[] args) {
        Options a = Options.parse(List.of(args));
        List<String> opts = new ArrayList<>();
        for (var e : a.values().entrySet()) {
            if (e.getKey().startsWith("opt.")) {
                opts.add(e.getKey().substring(4) + "=" + e.getValue());
            }
        }
        double sigma = a.getDouble("sigma", 0);
        int pca = a.getInt("pca", 0);
        String family = a.getString("family", sigma > 0 ? "blur" : pca > 0 ? "pca" : "baseline");
        TrainingSpec spec = new TrainingSpec(family, a.getString("arch", "resnet18"), a.getInt("width", 16), sigma, pca,
                a.getBoolean("grayscale", false), a.getInt("epochs", 3), a.getInt("batch", 128), a.getDouble("lr", 0.1),
                a.getLong("seed", 0), a.getInt("threads", 0), a.getInt("train-limit", 0), a.getInt("test-limit", 0),
                a.getBoolean("resume", false), Options.parse(opts));
        long t0 = System.nanoTime();
        Path out = new TensorFlowModelProvider().trainer().orElseThrow().train(spec, Cifar10Files.load(Cifar10Files.folder()),
                Path.of(a.getString("out", "/tmp/model")), new LogProgress());
        System.out.printf(Locale.ROOT, "saved %s in %.1f s%n", out, (System.nanoTime() - t0) / 1e9);
    }

    /** Prints the status line every 50 steps and at the end of each task. */
    static final class LogProgress implements ProgressListener {
        private String task;
        private long steps;
        private String status = "";

        @Override
        public void start(String task, long total) {
            this.task = task;
            this.steps = 0;
            System.out.println("== " + task + " (" + total + ")");
        }

        @Override
        public void advance(long n) {
            if (++steps % 50 == 0) {
                System.out.println(task + " step " + steps + " " + status);
            }
        }

        @Override
        public void status(String text) {
            status = text;
            if (text.startsWith("epoch")) {
                System.out.println(text);
            }
        }

        @Override
        public void finish() {
            System.out.println(task + " done " + status);
        }
    }
}
