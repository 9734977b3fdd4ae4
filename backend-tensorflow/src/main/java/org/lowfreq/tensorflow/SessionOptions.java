package org.lowfreq.tensorflow;

import org.tensorflow.proto.ConfigProto;

/**
 * How sessions run: intra- and inter-op thread counts (0 = TensorFlow's default) and the batch
 * size the classifier splits its input into.
 */
public record SessionOptions(int intraOpThreads, int interOpThreads, int batchSize) {
    public static final SessionOptions DEFAULT = new SessionOptions(0, 0, 128);

    /** Options for {@code threads} compute threads (0 = default). */
    public static SessionOptions threads(int threads) {
        return new SessionOptions(threads, threads > 0 ? 1 : 0, 128);
    }

    ConfigProto config() {
        return ConfigProto.newBuilder()
                .setIntraOpParallelismThreads(intraOpThreads)
                .setInterOpParallelismThreads(interOpThreads)
                .setAllowSoftPlacement(true)
                .build();
    }
}
