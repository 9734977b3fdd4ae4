package org.lowfreq.tensorflow;

import java.util.SplittableRandom;

import org.lowfreq.spi.Dataset;
import org.lowfreq.spi.ImageShape;
import org.lowfreq.spi.Images;
import org.lowfreq.spi.Seeds;
import org.lowfreq.spi.UserInputException;

/**
 * The images a training run uses: the train split cut 95/5 into train and validation by a
 * permutation drawn from the seed, the (optionally limited) test split, all converted to
 * grayscale when asked.
 */
record TrainingData(Images train, Images validation, Images test) {

    static TrainingData load(Dataset data, int trainLimit, int testLimit, boolean grayscale, double validationFraction,
                             long seed) {
        data.requireSplit("train");
        int n = data.size("train");
        if (trainLimit > 0) {
            n = Math.min(n, trainLimit);
        }
        if (n < 2) {
            throw new UserInputException("data set " + data.name() + " has " + n + " training images; need at least 2");
        }
        Images all = data.read("train", 0, n).checkRange();
        if (!all.hasLabels()) {
            throw new UserInputException("the train split of " + data.name() + " has no labels");
        }
        int[] order = permutation(n, Seeds.random(seed, "train-validation-split"));
        int validationCount = Math.max(1, (int) Math.round(n * validationFraction));
        int[] trainIdx = new int[n - validationCount];
        int[] valIdx = new int[validationCount];
        System.arraycopy(order, 0, trainIdx, 0, trainIdx.length);
        System.arraycopy(order, trainIdx.length, valIdx, 0, validationCount);
        java.util.Arrays.sort(trainIdx);
        java.util.Arrays.sort(valIdx);
        Images test = null;
        if (data.splits().contains("test")) {
            int m = data.size("test");
            if (testLimit > 0) {
                m = Math.min(m, testLimit);
            }
            test = data.read("test", 0, m);
        }
        Images train = all.select(trainIdx);
        Images val = all.select(valIdx);
        if (grayscale) {
            train = toGrayscale(train);
            val = toGrayscale(val);
            test = test == null ? null : toGrayscale(test);
        }
        return new TrainingData(train, val, test);
    }

    static int[] permutation(int n, SplittableRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** L = 0.299 R + 0.587 G + 0.114 B; one-channel images are returned as they are. */
    static Images toGrayscale(Images images) {
        ImageShape s = images.shape();
        if (s.channels() == 1) {
            return images;
        }
        int pixels = s.height() * s.width();
        float[] out = new float[images.count() * pixels];
        float[] in = images.pixels();
        for (int p = 0; p < out.length; p++) {
            int o = p * 3;
            out[p] = (float) (0.299 * in[o] + 0.587 * in[o + 1] + 0.114 * in[o + 2]);
        }
        return new Images(images.count(), new ImageShape(s.height(), s.width(), 1), out, images.labels());
    }

    /** Per-channel mean and standard deviation of a batch. */
    static float[][] channelStatistics(Images images) {
        int c = images.shape().channels();
        double[] sum = new double[c];
        double[] sq = new double[c];
        float[] px = images.pixels();
        for (int k = 0; k < px.length; k++) {
            sum[k % c] += px[k];
            sq[k % c] += (double) px[k] * px[k];
        }
        long n = px.length / c;
        float[] mean = new float[c];
        float[] std = new float[c];
        for (int i = 0; i < c; i++) {
            double m = sum[i] / n;
            mean[i] = (float) m;
            std[i] = (float) Math.sqrt(Math.max(sq[i] / n - m * m, 1e-12));
        }
        return new float[][] {mean, std};
    }
}
